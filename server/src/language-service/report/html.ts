// The report as one self-contained HTML page: inline CSS, no scripts, nothing loaded from
// elsewhere. Colours come from VS Code's theme variables inside a webview and fall back to
// a light theme in a plain browser or on paper.
import type { FileLink, PersonLabel, ReportContent, RoleSection } from './content';
import {
  NOT_HELD,
  NOT_HELD_MEANING,
  SCOPE,
  SEVERITY_LABELS,
  STATUS_MEANINGS,
  STATUS_ORDER,
  VERDICT_LABELS,
  notesText,
  statusText,
} from './text';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const STYLE = `
body {
  font-family: var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
  font-size: var(--vscode-font-size, 14px);
  color: var(--vscode-foreground, #1e1e1e);
  background: var(--vscode-editor-background, #ffffff);
  margin: 2em auto;
  max-width: 72em;
  padding: 0 1em;
  line-height: 1.45;
}
h1, h2, h3 { font-weight: 600; }
h2 { border-bottom: 1px solid var(--vscode-panel-border, #d0d0d0); padding-bottom: 0.2em; }
a { color: var(--vscode-textLink-foreground, #0b57d0); }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td {
  border: 1px solid var(--vscode-panel-border, #d0d0d0);
  padding: 0.25em 0.5em;
  text-align: left;
  vertical-align: top;
}
th { background: var(--vscode-editorWidget-background, #f3f3f3); }
.met, .done { color: var(--vscode-testing-iconPassed, #1a7f37); }
.partly-met, .due-soon, .warning { color: var(--vscode-editorWarning-foreground, #9a6700); }
.not-met, .overdue, .expired, .missing, .error {
  color: var(--vscode-errorForeground, #c62828);
}
.not-held, .information, .hint { color: var(--vscode-descriptionForeground, #616161); }
.defence { border-left: 3px solid var(--vscode-textLink-foreground, #0b57d0); padding-left: 1em; }
@media print {
  body { color: #000000; background: #ffffff; max-width: none; }
  a { color: inherit; }
}
`;

function link(file: FileLink): string {
  return `<a href="${escapeHtml(file.href)}">${escapeHtml(file.label)}</a>`;
}

function person(label: PersonLabel): string {
  return escapeHtml(label.display);
}

/** Builds a table from cells that the caller has already escaped as HTML. */
function table(header: string[], rows: string[][], classes?: (string | undefined)[][]): string[] {
  const head = `<tr>${header.map((cell) => `<th>${cell}</th>`).join('')}</tr>`;
  const body = rows.map((row, r) => {
    const cells = row.map((cell, c) => {
      const name = classes?.[r]?.[c];
      return name ? `<td class="${name}">${cell}</td>` : `<td>${cell}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return ['<table>', `<thead>${head}</thead>`, '<tbody>', ...body, '</tbody>', '</table>'];
}

function orNone(html: string): string {
  return html === '' ? 'none' : html;
}

export function renderHtml(content: ReportContent): string {
  const title = escapeHtml(content.title);
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    ...table(
      ['Field', 'Value'],
      [
        ['Document', escapeHtml(content.documentId)],
        ['Product', escapeHtml(content.productName)],
        ['Analysis date', escapeHtml(content.today)],
        ['Scope', escapeHtml(SCOPE)],
        ['Summary', escapeHtml(content.summaryText)],
      ],
    ),
    ...obligationLines(content),
    ...matrixLines(content),
    '<h2>Roles</h2>',
    ...content.roles.flatMap(roleLines),
    ...peopleLines(content),
    ...gapLines(content),
    ...problemLines(content),
    '<h2>Audit defence</h2>',
    `<p class="defence">${escapeHtml(content.defence)}</p>`,
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}

function obligationLines(content: ReportContent): string[] {
  const rows = content.obligations.map((o) => [
    escapeHtml(o.title),
    VERDICT_LABELS[o.verdict],
    escapeHtml(o.reason),
    orNone(o.evidence.map(link).join('<br>')),
    String(o.gapCount),
  ]);
  const classes = content.obligations.map((o) => [undefined, o.verdict]);
  return [
    '<h2>Obligations of clause 4.1.4</h2>',
    ...(rows.length
      ? table(['Obligation', 'Verdict', 'Reason', 'Evidence', 'Gaps'], rows, classes)
      : ['<p>No obligation was assessed.</p>']),
  ];
}

function matrixLines(content: ReportContent): string[] {
  const { roles, rows } = content.matrix;
  if (rows.length === 0) return ['<h2>People by role</h2>', '<p>Nobody holds a role.</p>'];
  const body = rows.map((row) => [
    person(row.person),
    ...row.cells.map((cell) => {
      if (!cell) return NOT_HELD;
      const training =
        cell.training && cell.status !== 'done' ? ` (${escapeHtml(cell.training)})` : '';
      return `${statusText(cell.status)}${training}`;
    }),
  ]);
  const classes = rows.map((row) => [
    undefined,
    ...row.cells.map((cell) => cell?.status ?? 'not-held'),
  ]);
  const legend = [
    ...STATUS_ORDER.map(
      (status) => `<li class="${status}">${statusText(status)}: ${STATUS_MEANINGS[status]}</li>`,
    ),
    `<li class="not-held">${NOT_HELD}: ${NOT_HELD_MEANING}</li>`,
  ];
  return [
    '<h2>People by role</h2>',
    ...table(['Person', ...roles.map(escapeHtml)], body, classes),
    '<ul>',
    ...legend,
    '</ul>',
  ];
}

function roleLines(role: RoleSection): string[] {
  const profiles = role.profiles.map((p) =>
    p.link ? `${escapeHtml(p.id)} (${link(p.link)})` : escapeHtml(p.id),
  );
  const lines = [
    `<h3>${escapeHtml(role.title)} (${escapeHtml(role.id)})</h3>`,
    '<ul>',
    `<li>Description: ${orNone(role.descriptions.map(link).join(', '))}</li>`,
    `<li>Clauses served: ${orNone(escapeHtml(role.clauses.join(', ')))}</li>`,
    `<li>Competencies required: ${orNone(escapeHtml(role.competencies))}</li>`,
    `<li>Training profile: ${orNone(profiles.join(', '))}</li>`,
    `<li>Assessment: ${orNone(escapeHtml(role.assessments.join('; ')))}</li>`,
    '</ul>',
  ];
  if (role.trainings.length) {
    const rows = role.trainings.map((t) =>
      [t.id, t.title, t.type, t.covers, t.recurrence, t.due].map(escapeHtml),
    );
    lines.push(...table(['Training', 'Title', 'Type', 'Covers', 'Recurrence', 'Due'], rows));
  } else {
    lines.push('<p>No required training.</p>');
  }
  if (role.holders.length) {
    const rows = role.holders.map((h) => [
      person(h.person),
      escapeHtml(h.from),
      escapeHtml(h.to),
      escapeHtml(h.item),
      h.status ? statusText(h.status) : 'not analysed',
      escapeHtml(h.training ?? ''),
    ]);
    const classes = role.holders.map((h) => [undefined, undefined, undefined, undefined, h.status]);
    lines.push(...table(['Person', 'From', 'To', 'Item', 'Status', 'Training'], rows, classes));
  } else {
    lines.push('<p>Nobody holds this role.</p>');
  }
  return lines;
}

function peopleLines(content: ReportContent): string[] {
  if (content.people.length === 0) return ['<h2>People</h2>', '<p>No training record.</p>'];
  const rows = content.people.map((p) => [
    person(p.person),
    escapeHtml(p.person.id),
    orNone(escapeHtml(p.roles)),
    orNone(p.completed.map(escapeHtml).join('<br>')),
    p.record ? link(p.record) : 'none',
  ]);
  return [
    '<h2>People</h2>',
    ...table(['Person', 'Id', 'Roles', 'Completed trainings', 'Record'], rows),
  ];
}

function gapLines(content: ReportContent): string[] {
  if (content.gaps.length === 0) return ['<h2>Gaps</h2>', '<p>No gaps.</p>'];
  const rows = content.gaps.map((g) => [
    SEVERITY_LABELS[g.severity],
    escapeHtml(g.code),
    escapeHtml(g.clause),
    link(g.where),
    escapeHtml(g.message),
    escapeHtml(g.fix),
    escapeHtml([...g.roles, ...g.people.map((p) => p.display)].join(', ')),
  ]);
  const classes = content.gaps.map((g) => [g.severity]);
  return [
    '<h2>Gaps</h2>',
    ...table(['Severity', 'Code', 'Clause', 'Where', 'Message', 'Fix', 'Concerns'], rows, classes),
  ];
}

function problemLines(content: ReportContent): string[] {
  const notes =
    content.problemCounts.notes > 0
      ? [`<p>${escapeHtml(notesText(content.problemCounts))}</p>`]
      : [];
  if (content.problems.length === 0) {
    return ['<h2>Document problems</h2>', '<p>No document problems.</p>', ...notes];
  }
  const rows = content.problems.map((p) => [
    SEVERITY_LABELS[p.severity],
    escapeHtml(p.code),
    link(p.where),
    escapeHtml(p.message),
  ]);
  const classes = content.problems.map((p) => [p.severity]);
  return [
    '<h2>Document problems</h2>',
    ...table(['Severity', 'Code', 'Where', 'Message'], rows, classes),
    ...notes,
  ];
}
