import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { collectFileDiagnostics } from '../../server/src/language-service/diagnostic-entries';
import { loadWorkspace } from '../../server/src/cli/load';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { emptyEntities, type WorkspaceModel } from '../../server/src/language-service/model';
import {
  renderReport,
  type ReportDiagnostic,
  type ReportInput,
} from '../../server/src/language-service/report/render';
import {
  OBLIGATIONS,
  type CoverageResult,
  type Gap,
  type ObligationSummary,
  type Verdict,
} from '../../server/src/shared/coverage';
import { examplesDir, fixture, repoRoot } from '../helpers/paths';

const ROOT = 'file:///qms/';
const ROLES_FILE = `${ROOT}roles/threat-modeler.md`;
const PROFILE_FILE = `${ROOT}profiles/threat-modeler.yaml`;
const RECORD_ALEX = `${ROOT}records/p-0042.yaml`;
const RECORD_SAM = `${ROOT}records/p-0043.yaml`;
const VERDICTS: Verdict[] = ['met', 'met', 'met', 'met', 'partly-met', 'not-met'];
const HOSTILE_MESSAGE = 'Role "x" <script>alert(1)</script> | has a pipe, a comma and a "quote"';
const HOSTILE_PROBLEM = '=cmd "a" <b>|</b>, then\na second line';
const SCHEMA_MESSAGE = '"version" must be text, but YAML reads 1.10 as the number 1.1.';

function at(line: number, character = 2): Range {
  return { start: { line, character }, end: { line, character: character + 5 } };
}

function gap(fields: Partial<Gap> & Pick<Gap, 'code' | 'message' | 'file' | 'range'>): Gap {
  return {
    severity: 'error',
    clause: 'IEC81001-5-1:4.1.4',
    clauses: ['IEC81001-5-1:4.1.4', 'ISO13485:6.2'],
    obligation: 'training-records',
    fix: 'Record the training.',
    roles: [],
    people: [],
    ...fields,
  };
}

function buildModel(): WorkspaceModel {
  return {
    ...emptyEntities(),
    files: [PROFILE_FILE, RECORD_ALEX, RECORD_SAM, ROLES_FILE],
    roles: [
      {
        id: 'threat-modeler',
        title: 'Threat Modeler',
        clauses: ['IEC81001-5-1:7.2', 'IEC81001-5-1:4.2'],
        responsibilities: ['Maintain the threat model'],
        competencies: [
          { competency: 'stride', level: 3 },
          { competency: 'attack-trees', level: 2 },
        ],
        independentOf: [],
        origin: 'front-matter',
        location: { uri: ROLES_FILE, range: at(1, 0) },
      },
    ],
    profiles: [
      {
        id: 'threat-modeler-profile',
        role: 'threat-modeler',
        trainings: [
          {
            id: 'stride-workshop',
            title: 'STRIDE threat modeling workshop',
            type: 'role-specific',
            covers: [{ competency: 'stride', level: 3 }],
            recurrence: 'P2Y',
            dueWithinDays: 30,
          },
          {
            id: 'attack-tree-lab',
            title: 'Attack tree lab',
            type: 'on-the-job',
            covers: [{ competency: 'attack-trees', level: 2 }],
          },
        ],
        assessment: { method: 'supervised-practice' },
        origin: 'yaml',
        location: { uri: PROFILE_FILE, range: at(0, 0) },
      },
    ],
    records: [
      {
        id: 'p-0042',
        name: 'Alex Example',
        startDate: '2024-02-01',
        assignments: [{ role: 'threat-modeler', from: '2024-03-01', item: 'dosing-app' }],
        completed: [
          {
            training: 'stride-workshop',
            date: '2025-11-20',
            version: '2.1',
            assessment: { method: 'supervised-practice', result: 'pass', assessor: 'p-0043' },
          },
        ],
        origin: 'yaml',
        location: { uri: RECORD_ALEX, range: at(0, 0) },
      },
      {
        id: 'p-0043',
        assignments: [
          { role: 'threat-modeler', from: '2025-01-10' },
          { role: 'security-tester', from: '2025-02-01' },
        ],
        completed: [],
        origin: 'yaml',
        location: { uri: RECORD_SAM, range: at(0, 0) },
      },
    ],
  };
}

function buildCoverage(): CoverageResult {
  const obligations: ObligationSummary[] = OBLIGATIONS.map((id, index) => ({
    id,
    title: `Obligation ${id}`,
    verdict: VERDICTS[index]!,
    reason: `Reason for ${id}.`,
    evidence: index === 3 ? [ROLES_FILE, PROFILE_FILE, ROLES_FILE] : [PROFILE_FILE],
    gapCount: index < 4 ? 0 : 1,
  }));
  return {
    today: '2026-11-15',
    obligations: [...obligations].reverse(),
    gaps: [
      gap({
        code: 'training-expiring',
        severity: 'warning',
        message: 'Training "stride-workshop" of p-0042 expires on 2026-12-01.',
        file: RECORD_ALEX,
        range: at(9),
        roles: ['threat-modeler'],
        people: ['p-0042'],
      }),
      gap({
        code: 'person-missing-training',
        message: HOSTILE_MESSAGE,
        fix: 'Add the completion, then rerun\nthe check.',
        file: RECORD_SAM,
        range: at(4),
        roles: ['threat-modeler'],
        people: ['p-0043'],
      }),
      gap({
        code: 'competency-not-trained',
        obligation: 'training-profiles',
        message: 'Role "threat-modeler" requires attack-trees at level basic.',
        file: PROFILE_FILE,
        range: at(12),
        roles: ['threat-modeler'],
      }),
    ],
    matrix: [
      { person: 'p-0043', role: 'threat-modeler', status: 'missing', training: 'stride-workshop' },
      { person: 'p-0042', role: 'threat-modeler', status: 'due-soon', training: 'stride-workshop' },
      { person: 'p-0043', role: 'security-tester', status: 'expired', training: 'fuzzing-lab' },
      { person: 'p-0042', role: 'all-personnel', status: 'done' },
      { person: 'p-0043', role: 'all-personnel', status: 'overdue', training: 'awareness' },
    ],
    summary: {
      people: 2,
      peopleFullyCovered: 0,
      roles: 3,
      gapsBySeverity: { error: 2, warning: 1, information: 0, hint: 0 },
    },
  };
}

/** Two listed problems in two files and one information note, deliberately out of order. */
function buildDiagnostics(): ReportDiagnostic[] {
  return [
    {
      file: 'roles/threat-modeler.md',
      range: at(3),
      severity: 'warning',
      code: 'yaml11-ambiguous',
      message: HOSTILE_PROBLEM,
    },
    {
      file: 'records/p-0044.yaml',
      range: at(2, 0),
      severity: 'information',
      code: 'role-mapping',
      message: 'Role "Developer" is read as "software-developer".',
    },
    {
      file: 'records/p-0044.yaml',
      range: at(25, 11),
      severity: 'error',
      code: 'schema-type',
      message: SCHEMA_MESSAGE,
    },
  ];
}

function buildInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    coverage: buildCoverage(),
    diagnostics: buildDiagnostics(),
    model: buildModel(),
    catalog: loadCatalog(),
    documentId: 'SEC-REP-004',
    productName: 'DoseWise <Pro> & Co',
    relativePath: (uri) => (uri.startsWith(ROOT) ? uri.slice(ROOT.length) : uri),
    ...overrides,
  };
}

/** Splits CSV text into records of fields, following RFC 4180 quoting. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else {
      field += c;
    }
  }
  return records;
}

describe('report markdown', () => {
  const markdown = renderReport(buildInput(), 'markdown');

  it('titles the report with product, id and date', () => {
    const lines = markdown.split('\n');
    assert.match(
      lines[0]!,
      /^# Security training and competency report: DoseWise \\<Pro\\> \\& Co$/,
    );
    assert.match(markdown, /\| Document \| SEC-REP-004 \|/);
    assert.match(markdown, /\| Analysis date \| 2026-11-15 \|/);
  });

  it('lists the six obligations in order', () => {
    const positions = OBLIGATIONS.map((id) => markdown.indexOf(`| Obligation ${id} |`));
    for (const position of positions) assert.ok(position > 0);
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    assert.match(
      markdown,
      /\| Obligation role-descriptions \| Met \| Reason for role-descriptions\. \|/,
    );
    assert.match(markdown, /\| Obligation training-profiles \| Partly met \|/);
    assert.match(markdown, /\| Obligation training-records \| Not met \|/);
  });

  it('links evidence once per file, sorted', () => {
    const row = markdown
      .split('\n')
      .find((line) => line.startsWith('| Obligation role-descriptions'))!;
    assert.ok(
      row.includes(
        '[profiles/threat-modeler.yaml](profiles/threat-modeler.yaml), [roles/threat-modeler.md](roles/threat-modeler.md)',
      ),
    );
  });

  it('shows the matrix with names and a legend', () => {
    assert.match(markdown, /\| Person \| all-personnel \| security-tester \| threat-modeler \|/);
    assert.match(markdown, /\| Alex Example \| ✓ Done \| – \| ◔ Due soon \(stride-workshop\) \|/);
    assert.match(
      markdown,
      /\| p-0043 \| ! Overdue \(awareness\) \| ✗ Expired \(fuzzing-lab\) \| ○ Missing/,
    );
    for (const label of ['Done', 'Due soon', 'Overdue', 'Expired', 'Missing']) {
      assert.match(markdown, new RegExp(`^- . ${label}: `, 'm'));
    }
  });

  it('describes each role with profile and holders', () => {
    assert.match(markdown, /^### Threat Modeler \(threat-modeler\)$/m);
    assert.match(
      markdown,
      /- Training profile: threat-modeler-profile \(\[profiles\/threat-modeler\.yaml:1\]/,
    );
    assert.match(markdown, /- Assessment: Supervised practice \(supervised-practice\)/);
    assert.match(
      markdown,
      /\| stride-workshop \| STRIDE threat modeling workshop \| role-specific \| stride \(proficient\) \| P2Y \(every 2 years\) \| within 30 days of assignment \|/,
    );
    assert.match(
      markdown,
      /\| attack-tree-lab \| Attack tree lab \| on-the-job \| attack-trees \(basic\) \| not repeated \|/,
    );
    assert.match(
      markdown,
      /\| Alex Example \| 2024-03-01 \|  \| dosing-app \| ◔ Due soon \| stride-workshop \|/,
    );
  });

  it('lists baseline holders without assignment', () => {
    const section = markdown.slice(markdown.indexOf('(all-personnel)\n'));
    assert.match(section, /\| Alex Example \| 2024-02-01 \|  \|  \| ✓ Done \|  \|/);
    assert.match(section, /\| p-0043 \|  \|  \|  \| ! Overdue \| awareness \|/);
  });

  it('lists a role without description or profile', () => {
    assert.match(markdown, /^### .* \(security-tester\)$/m);
    assert.match(markdown, /- Training profile: none/);
  });

  it('lists people with their completed trainings', () => {
    assert.match(
      markdown,
      /\| Alex Example \| p-0042 \| threat-modeler since 2024-03-01 \| stride-workshop, on 2025-11-20, version 2\.1, assessed by supervised-practice: passed, assessor p-0043 \| \[records\/p-0042\.yaml:1\]\(records\/p-0042\.yaml#L1\) \|/,
    );
  });

  it('lists gaps by severity with file and line', () => {
    const gaps = markdown.slice(
      markdown.indexOf('## Gaps'),
      markdown.indexOf('## Document problems'),
    );
    const rows = gaps.split('\n').filter((line) => /^\| (Error|Warning) \|/.test(line));
    assert.equal(rows.length, 3);
    assert.match(
      rows[0]!,
      /^\| Error \| competency-not-trained \| IEC81001-5-1:4\.1\.4 \| \[profiles\/threat-modeler\.yaml:13\]\(profiles\/threat-modeler\.yaml#L13\) \|/,
    );
    assert.match(rows[1]!, /\[records\/p-0043\.yaml:5\]\(records\/p-0043\.yaml#L5\)/);
    assert.match(rows[2]!, /^\| Warning \| training-expiring \|/);
  });

  it('escapes html and pipes in gap text', () => {
    assert.ok(!markdown.includes('<script>'));
    assert.ok(markdown.includes('\\<script\\>alert(1)\\</script\\> \\| has a pipe'));
    assert.ok(markdown.includes('Add the completion, then rerun the check.'));
  });

  it('fills the audit defence with id and product', () => {
    const defence = markdown.slice(markdown.indexOf('## Audit defence'));
    assert.match(defence, /Report SEC-REP-004 shows, for DoseWise \\<Pro\\> \\& Co,/);
    assert.match(
      defence,
      /these obligations of clause 4\.1\.4 met: Obligation training-needs-activity;/,
    );
    assert.match(
      defence,
      /These obligations remain open: Obligation training-profiles \(partly met, 1 gap\); Obligation training-records \(not met, 1 gap\)\./,
    );
    assert.match(defence, /The 3 open gaps and the 2 document problems are listed/);
  });

  it('lists document problems after the gaps', () => {
    const gaps = markdown.indexOf('## Gaps');
    const problems = markdown.indexOf('## Document problems');
    assert.ok(gaps > 0);
    assert.ok(problems > gaps);
    assert.ok(markdown.indexOf('## Audit defence') > problems);
  });

  it('lists problems with file, line and code', () => {
    const section = markdown.slice(markdown.indexOf('## Document problems'));
    const rows = section.split('\n').filter((line) => /^\| (Error|Warning) \|/.test(line));
    assert.equal(rows.length, 2);
    assert.equal(
      rows[0],
      `| Error | schema-type | [records/p-0044.yaml:26](records/p-0044.yaml#L26) | ${SCHEMA_MESSAGE} |`,
    );
    assert.match(rows[1]!, /^\| Warning \| yaml11-ambiguous \| \[roles\/threat-modeler\.md:4\]/);
  });

  it('counts information notes without listing them', () => {
    assert.ok(!markdown.includes('role-mapping'));
    assert.match(
      markdown,
      /^1 information note on a document, such as a role mapping, is not listed\.$/m,
    );
  });

  it('escapes html and pipes in problem text', () => {
    assert.ok(markdown.includes('=cmd "a" \\<b\\>\\|\\</b\\>, then a second line'));
  });

  it('counts gaps and problems in the summary', () => {
    assert.match(
      markdown,
      /^\| Summary \| 0 of 2 people fully covered across 3 roles\. Open: 3 gaps \(2 errors, 1 warning\) and 2 document problems \(1 error, 1 warning\)\. 1 information note/m,
    );
  });

  it('calls the evidence incomplete while errors remain', () => {
    const defence = markdown.slice(markdown.indexOf('## Audit defence'));
    assert.match(defence, /The evidence is not complete while 1 error remains in 1 document,/);
  });
});

describe('report without document problems', () => {
  const input = (): ReportInput => buildInput({ diagnostics: [] });

  it('shows an empty section in markdown', () => {
    const markdown = renderReport(input(), 'markdown');
    assert.match(markdown, /^## Document problems\n\nNo document problems\.\n/m);
    assert.match(markdown, /and no document problem\.( |$)/m);
    assert.ok(!markdown.includes('not complete'));
    assert.ok(!markdown.includes('information note'));
  });

  it('shows an empty section in html', () => {
    const html = renderReport(input(), 'html');
    assert.ok(html.includes('<h2>Document problems</h2>\n<p>No document problems.</p>'));
  });

  it('writes no problem rows in csv', () => {
    const sections = parseCsv(renderReport(input(), 'csv')).map((record) => record[0]);
    assert.ok(!sections.includes('document-problem'));
  });

  it('writes an empty diagnostics array in json', () => {
    const report = JSON.parse(renderReport(input(), 'json')) as { diagnostics: unknown[] };
    assert.deepEqual(report.diagnostics, []);
  });

  it('keeps the gap sentence of the defence', () => {
    const markdown = renderReport(input(), 'markdown');
    assert.match(markdown, /The 3 open gaps are listed with the file and line to change\./);
  });

  it('ends the defence with nothing open', () => {
    const coverage = buildCoverage();
    coverage.gaps = [];
    const markdown = renderReport(buildInput({ coverage, diagnostics: [] }), 'markdown');
    assert.match(markdown, /No gap or document problem remains open\.$/m);
  });

  it('lists warnings without calling evidence incomplete', () => {
    const warnings = buildDiagnostics().filter((d) => d.severity === 'warning');
    const markdown = renderReport(buildInput({ diagnostics: warnings }), 'markdown');
    assert.ok(!markdown.includes('not complete'));
    assert.match(markdown, /The 3 open gaps and the document problem are listed/);
  });
});

describe('report html', () => {
  const html = renderReport(buildInput(), 'html');

  it('is one page without scripts or remote resources', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n'));
    assert.ok(!/<script/i.test(html));
    assert.ok(!/https?:/i.test(html));
    assert.ok(!/\ssrc=/i.test(html));
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/,
    );
  });

  it('themes with vscode variables and fallbacks', () => {
    assert.match(html, /color: var\(--vscode-foreground, #1e1e1e\);/);
    assert.match(html, /background: var\(--vscode-editor-background, #ffffff\);/);
  });

  it('escapes every value', () => {
    assert.match(
      html,
      /<title>Security training and competency report: DoseWise &lt;Pro&gt; &amp; Co<\/title>/,
    );
    assert.ok(
      html.includes(
        '&lt;script&gt;alert(1)&lt;/script&gt; | has a pipe, a comma and a &quot;quote&quot;',
      ),
    );
  });

  it('links to the relative path and line', () => {
    assert.ok(html.includes('<a href="records/p-0043.yaml#L5">records/p-0043.yaml:5</a>'));
  });

  it('uses the link callback when given', () => {
    const link = (uri: string, range: Range): string =>
      `command:open?${encodeURIComponent(JSON.stringify([uri, range.start.line]))}&x="y"`;
    const linked = renderReport(buildInput({ link }), 'html');
    const expected = link(RECORD_SAM, at(4)).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    assert.ok(linked.includes(`<a href="${expected}">records/p-0043.yaml:5</a>`));
    assert.ok(!linked.includes('href="records/'));
  });

  it('lists document problems escaped', () => {
    const section = html.slice(html.indexOf('<h2>Document problems</h2>'));
    assert.ok(html.indexOf('<h2>Gaps</h2>') < html.indexOf('<h2>Document problems</h2>'));
    assert.ok(
      section.includes(
        '<td class="error">Error</td><td>schema-type</td><td><a href="records/p-0044.yaml#L26">records/p-0044.yaml:26</a></td>',
      ),
    );
    assert.ok(section.includes('=cmd &quot;a&quot; &lt;b&gt;|&lt;/b&gt;, then\na second line'));
    assert.ok(!section.includes('role-mapping'));
  });

  it('links problems through their uri', () => {
    const link = (uri: string, range: Range): string => `command:open?${uri}@${range.start.line}`;
    const diagnostics = buildDiagnostics().map((d) => ({ ...d, uri: `${ROOT}${d.file}` }));
    const linked = renderReport(buildInput({ link, diagnostics }), 'html');
    assert.ok(
      linked.includes(
        `<a href="command:open?${ROOT}records/p-0044.yaml@25">records/p-0044.yaml:26</a>`,
      ),
    );
  });

  it('marks matrix cells with status classes', () => {
    assert.ok(html.includes('<td class="expired">✗ Expired (fuzzing-lab)</td>'));
    assert.ok(html.includes('<td class="not-held">–</td>'));
  });

  it('fills the audit defence', () => {
    assert.match(
      html,
      /<p class="defence">Report SEC-REP-004 shows, for DoseWise &lt;Pro&gt; &amp; Co,/,
    );
  });
});

describe('report csv', () => {
  const csv = renderReport(buildInput(), 'csv');
  const records = parseCsv(csv);

  it('starts with the header row', () => {
    assert.deepEqual(records[0], [
      'section',
      'severity',
      'code',
      'clause',
      'obligation',
      'file',
      'line',
      'role',
      'person',
      'name',
      'status',
      'training',
      'message',
      'fix',
    ]);
  });

  it('has one row per gap, problem and matrix cell', () => {
    const sections = records.slice(1).map((record) => record[0]);
    assert.deepEqual(sections, [
      'gap',
      'gap',
      'gap',
      'document-problem',
      'document-problem',
      'matrix',
      'matrix',
      'matrix',
      'matrix',
      'matrix',
    ]);
    for (const record of records) assert.equal(record.length, 14);
  });

  it('quotes commas, quotes and line breaks', () => {
    const hostile = records.find((record) => record[2] === 'person-missing-training')!;
    assert.equal(hostile[12], HOSTILE_MESSAGE);
    assert.equal(hostile[13], 'Add the completion, then rerun\nthe check.');
    assert.ok(csv.includes('"Role ""x"" <script>'));
  });

  it('writes gap place and people', () => {
    const hostile = records.find((record) => record[2] === 'person-missing-training')!;
    assert.deepEqual(hostile.slice(5, 10), [
      'records/p-0043.yaml',
      '5',
      'threat-modeler',
      'p-0043',
      'p-0043',
    ]);
  });

  it('writes problem place, code and message', () => {
    const problems = records.filter((record) => record[0] === 'document-problem');
    assert.deepEqual(problems[0], [
      'document-problem',
      'error',
      'schema-type',
      '',
      '',
      'records/p-0044.yaml',
      '26',
      '',
      '',
      '',
      '',
      '',
      SCHEMA_MESSAGE,
      '',
    ]);
    assert.equal(problems[1]![12], `'${HOSTILE_PROBLEM}`);
  });

  it('writes matrix cells sorted', () => {
    const cells = records.filter((record) => record[0] === 'matrix').map((r) => r.slice(7, 12));
    assert.deepEqual(cells[0], ['all-personnel', 'p-0042', 'Alex Example', 'done', '']);
    assert.deepEqual(cells[4], [
      'threat-modeler',
      'p-0043',
      'p-0043',
      'missing',
      'stride-workshop',
    ]);
  });

  it('guards fields a spreadsheet would run', () => {
    const coverage = buildCoverage();
    coverage.gaps = [
      gap({
        code: 'unknown-reference',
        message: '=HYPERLINK("x")',
        file: RECORD_SAM,
        range: at(1),
      }),
    ];
    const record = parseCsv(renderReport(buildInput({ coverage }), 'csv'))[1]!;
    assert.equal(record[12], `'=HYPERLINK("x")`);
  });
});

describe('report json', () => {
  const report = JSON.parse(renderReport(buildInput(), 'json')) as CoverageResult & {
    documentId: string;
    productName: string;
    diagnostics: ReportDiagnostic[];
    summary: { diagnosticsBySeverity: Record<string, number> };
  };

  it('adds document id and product name', () => {
    assert.equal(report.documentId, 'SEC-REP-004');
    assert.equal(report.productName, 'DoseWise <Pro> & Co');
    assert.equal(report.today, '2026-11-15');
  });

  it('makes file paths relative', () => {
    assert.deepEqual(
      report.gaps.map((g) => g.file),
      ['profiles/threat-modeler.yaml', 'records/p-0043.yaml', 'records/p-0042.yaml'],
    );
    const roles = report.obligations.find((o) => o.id === 'role-descriptions')!;
    assert.deepEqual(roles.evidence, ['profiles/threat-modeler.yaml', 'roles/threat-modeler.md']);
  });

  it('orders obligations as clause 4.1.4 does', () => {
    assert.deepEqual(
      report.obligations.map((o) => o.id),
      [...OBLIGATIONS],
    );
  });

  it('keeps gap fields and the message', () => {
    assert.equal(report.gaps[1]!.message, HOSTILE_MESSAGE);
    assert.deepEqual(report.gaps[1]!.range, at(4));
    assert.equal(report.summary.gapsBySeverity.error, 2);
  });

  it('lists every diagnostic sorted by place', () => {
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.code}`),
      [
        'records/p-0044.yaml:2 role-mapping',
        'records/p-0044.yaml:25 schema-type',
        'roles/threat-modeler.md:3 yaml11-ambiguous',
      ],
    );
    assert.equal(report.diagnostics[2]!.message, HOSTILE_PROBLEM);
  });

  it('leaves the uri out of diagnostics', () => {
    const diagnostics = buildDiagnostics().map((d) => ({ ...d, uri: `${ROOT}${d.file}` }));
    const json = renderReport(buildInput({ diagnostics }), 'json');
    assert.ok(!json.includes('"uri"'));
  });

  it('counts diagnostics by severity', () => {
    assert.deepEqual(report.summary.diagnosticsBySeverity, {
      error: 1,
      warning: 1,
      information: 1,
      hint: 0,
    });
  });

  it('sorts matrix cells by person and role', () => {
    assert.deepEqual(
      report.matrix.map((cell) => `${cell.person}/${cell.role}`),
      [
        'p-0042/all-personnel',
        'p-0042/threat-modeler',
        'p-0043/all-personnel',
        'p-0043/security-tester',
        'p-0043/threat-modeler',
      ],
    );
  });
});

describe('report reproducibility', () => {
  for (const format of ['markdown', 'html', 'csv', 'json'] as const) {
    it(`gives the same ${format} bytes twice`, () => {
      assert.equal(renderReport(buildInput(), format), renderReport(buildInput(), format));
    });

    it(`ignores input order in ${format}`, () => {
      const coverage = buildCoverage();
      coverage.gaps.reverse();
      coverage.matrix.reverse();
      const model = buildModel();
      model.records.reverse();
      const diagnostics = buildDiagnostics().reverse();
      const shuffled = renderReport(buildInput({ coverage, model, diagnostics }), format);
      assert.equal(shuffled, renderReport(buildInput(), format));
    });

    it(`ends lines with a line feed in ${format}`, () => {
      const output = renderReport(buildInput(), format);
      assert.ok(!output.includes('\r'));
      assert.ok(output.endsWith('\n'));
    });
  }
});

/** Renders the report of a QMS folder as the CLI does, for the audit date of the examples. */
function reportFolder(folder: string): {
  gaps: string[];
  diagnostics: number;
  markdown: string;
} {
  const loaded = loadWorkspace({ paths: [folder] }, repoRoot);
  const { workspace } = loaded;
  const options = { today: '2026-11-15', expiryWarningDays: 30 };
  const coverage = workspace.coverage(options);
  const markdown = renderReport(
    {
      coverage,
      diagnostics: collectFileDiagnostics(workspace, loaded.relativePath),
      model: workspace.model,
      catalog: workspace.context.catalog,
      documentId: 'SEC-REP-004',
      productName: 'DoseWise',
      relativePath: loaded.relativePath,
    },
    'markdown',
  );
  const diagnostics = workspace.uris.flatMap((uri) => workspace.getFile(uri)!.diagnostics);
  const gaps = coverage.gaps.map(
    (g) => `${loaded.relativePath(g.file)}:${g.range.start.line + 1} ${g.code}`,
  );
  return { gaps: gaps.sort(), diagnostics: diagnostics.length, markdown };
}

describe('report of the example QMS', () => {
  const examples = reportFolder(examplesDir);
  const covered = reportFolder(fixture('examples-covered'));

  it('finds each deliberate mistake once', () => {
    assert.deepEqual(examples.gaps, [
      'examples/qms/records/p-0003.yaml:24 training-expired',
      'examples/qms/records/p-0005.yaml:9 tester-not-independent',
      'examples/qms/records/p-0006.yaml:7 unknown-reference',
      'examples/qms/records/p-0008.yaml:45 assessment-missing',
      'examples/qms/roles/penetration-tester.md:3 role-unassigned',
      'examples/qms/sops/SOP-014-role-based-training.md:135 awareness-only',
    ]);
    assert.equal(examples.diagnostics, 1);
  });

  it('links each example gap in the report', () => {
    assert.match(
      examples.markdown,
      /\| Error \| unknown-reference \| [^|]+ \| \[examples\/qms\/records\/p-0006\.yaml:7\]\(examples\/qms\/records\/p-0006\.yaml#L7\) \|/,
    );
    assert.match(
      examples.markdown,
      /\| p-0003 \| ✓ Done \| [^\n]*✗ Expired \(secure-coding-awareness\)/,
    );
  });

  it('lists the invalid record as a problem', () => {
    assert.match(
      examples.markdown,
      /^\| Error \| schema-type \| \[examples\/qms\/records\/p-0009\.yaml:26\]\(examples\/qms\/records\/p-0009\.yaml#L26\) \|/m,
    );
    assert.match(examples.markdown, /The evidence is not complete while 1 error remains/);
  });

  it('reports nothing for the covered variant', () => {
    assert.deepEqual(covered.gaps, []);
    assert.equal(covered.diagnostics, 0);
    assert.match(covered.markdown, /^No gaps\.$/m);
    assert.match(covered.markdown, /^No document problems\.$/m);
    assert.match(covered.markdown, /No gap or document problem remains open\.$/m);
    assert.match(covered.markdown, /The evidence shows all 6 obligations of clause 4\.1\.4 met/);
  });
});
