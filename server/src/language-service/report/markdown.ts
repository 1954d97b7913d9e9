// The report as GitHub-flavoured Markdown, for a pull request or the QMS repository itself.
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

/**
 * Escapes text for inline Markdown and table cells: backslash before the characters that
 * start emphasis, code, links, raw HTML or a cell border, and line breaks as spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');
}

/** Escapes a link target so it cannot end the link early or break out of its brackets. */
function escapeTarget(target: string): string {
  return target.replace(
    /[\s()<>\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function link(file: FileLink): string {
  return `[${escapeMarkdown(file.label)}](${escapeTarget(file.href)})`;
}

function person(label: PersonLabel): string {
  return escapeMarkdown(label.display);
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function orNone(text: string): string {
  return text === '' ? 'none' : text;
}

export function renderMarkdown(content: ReportContent): string {
  const lines: string[] = [
    `# ${escapeMarkdown(content.title)}`,
    '',
    ...table(
      ['Field', 'Value'],
      [
        ['Document', escapeMarkdown(content.documentId)],
        ['Product', escapeMarkdown(content.productName)],
        ['Analysis date', escapeMarkdown(content.today)],
        ['Scope', escapeMarkdown(SCOPE)],
        ['Summary', escapeMarkdown(content.summaryText)],
      ],
    ),
    '',
    ...obligationLines(content),
    ...matrixLines(content),
    '## Roles',
    '',
    ...content.roles.flatMap(roleLines),
    ...peopleLines(content),
    ...gapLines(content),
    ...problemLines(content),
    '## Audit defence',
    '',
    escapeMarkdown(content.defence),
  ];
  return `${lines.join('\n')}\n`;
}

function obligationLines(content: ReportContent): string[] {
  const rows = content.obligations.map((o) => [
    escapeMarkdown(o.title),
    VERDICT_LABELS[o.verdict],
    escapeMarkdown(o.reason),
    orNone(o.evidence.map(link).join(', ')),
    String(o.gapCount),
  ]);
  return [
    '## Obligations of clause 4.1.4',
    '',
    ...(rows.length
      ? table(['Obligation', 'Verdict', 'Reason', 'Evidence', 'Gaps'], rows)
      : ['No obligation was assessed.']),
    '',
  ];
}

function matrixLines(content: ReportContent): string[] {
  const { roles, rows } = content.matrix;
  const legend = [
    ...STATUS_ORDER.map((status) => `- ${statusText(status)}: ${STATUS_MEANINGS[status]}`),
    `- ${NOT_HELD}: ${NOT_HELD_MEANING}`,
  ];
  const body = rows.map((row) => [
    person(row.person),
    ...row.cells.map((cell) => {
      if (!cell) return NOT_HELD;
      const training =
        cell.training && cell.status !== 'done' ? ` (${escapeMarkdown(cell.training)})` : '';
      return `${statusText(cell.status)}${training}`;
    }),
  ]);
  return [
    '## People by role',
    '',
    ...(rows.length
      ? [...table(['Person', ...roles.map(escapeMarkdown)], body), '', ...legend]
      : ['Nobody holds a role.']),
    '',
  ];
}

function roleLines(role: RoleSection): string[] {
  const profiles = role.profiles.map((p) =>
    p.link ? `${escapeMarkdown(p.id)} (${link(p.link)})` : escapeMarkdown(p.id),
  );
  const lines = [
    `### ${escapeMarkdown(role.title)} (${escapeMarkdown(role.id)})`,
    '',
    `- Description: ${orNone(role.descriptions.map(link).join(', '))}`,
    `- Clauses served: ${orNone(escapeMarkdown(role.clauses.join(', ')))}`,
    `- Competencies required: ${orNone(escapeMarkdown(role.competencies))}`,
    `- Training profile: ${orNone(profiles.join(', '))}`,
    `- Assessment: ${orNone(escapeMarkdown(role.assessments.join('; ')))}`,
    '',
  ];
  if (role.trainings.length) {
    const rows = role.trainings.map((t) =>
      [t.id, t.title, t.type, t.covers, t.recurrence, t.due].map(escapeMarkdown),
    );
    lines.push(...table(['Training', 'Title', 'Type', 'Covers', 'Recurrence', 'Due'], rows), '');
  } else {
    lines.push('No required training.', '');
  }
  if (role.holders.length) {
    const rows = role.holders.map((h) => [
      person(h.person),
      escapeMarkdown(h.from),
      escapeMarkdown(h.to),
      escapeMarkdown(h.item),
      h.status ? statusText(h.status) : 'not analysed',
      escapeMarkdown(h.training ?? ''),
    ]);
    lines.push(...table(['Person', 'From', 'To', 'Item', 'Status', 'Training'], rows), '');
  } else {
    lines.push('Nobody holds this role.', '');
  }
  return lines;
}

function peopleLines(content: ReportContent): string[] {
  const rows = content.people.map((p) => [
    person(p.person),
    escapeMarkdown(p.person.id),
    orNone(escapeMarkdown(p.roles)),
    orNone(escapeMarkdown(p.completed.join('; '))),
    p.record ? link(p.record) : 'none',
  ]);
  return [
    '## People',
    '',
    ...(rows.length
      ? table(['Person', 'Id', 'Roles', 'Completed trainings', 'Record'], rows)
      : ['No training record.']),
    '',
  ];
}

function gapLines(content: ReportContent): string[] {
  const rows = content.gaps.map((g) => [
    SEVERITY_LABELS[g.severity],
    escapeMarkdown(g.code),
    escapeMarkdown(g.clause),
    link(g.where),
    escapeMarkdown(g.message),
    escapeMarkdown(g.fix),
    escapeMarkdown([...g.roles, ...g.people.map((p) => p.display)].join(', ')),
  ]);
  return [
    '## Gaps',
    '',
    ...(rows.length
      ? table(['Severity', 'Code', 'Clause', 'Where', 'Message', 'Fix', 'Concerns'], rows)
      : ['No gaps.']),
    '',
  ];
}

function problemLines(content: ReportContent): string[] {
  const rows = content.problems.map((p) => [
    SEVERITY_LABELS[p.severity],
    escapeMarkdown(p.code),
    link(p.where),
    escapeMarkdown(p.message),
  ]);
  const notes = content.problemCounts.notes;
  return [
    '## Document problems',
    '',
    ...(rows.length
      ? table(['Severity', 'Code', 'Where', 'Message'], rows)
      : ['No document problems.']),
    '',
    ...(notes > 0 ? [escapeMarkdown(notesText(content.problemCounts)), ''] : []),
  ];
}
