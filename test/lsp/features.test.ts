import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { copyFixture, LspTestClient } from '../helpers/lsp-client';
import { fixture } from '../helpers/paths';

const PROFILE = 'profiles/device-threat-modeler-profile.yaml';
const ROLE = 'roles/device-threat-modeler.yaml';
const RECORD = 'records/p-0042.yaml';
const MATRIX = 'docs/competency-matrix.md';

/** Returns the position just after the first occurrence of `needle` in `text`. */
function positionAfter(text: string, needle: string): Position {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not in the text`);
  return positionAt(text, index + needle.length);
}

/** Returns the position of the first character of `needle`, plus `shift` characters. */
function at(text: string, needle: string, shift = 0): Position {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not in the text`);
  return positionAt(text, index + shift);
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

function markdownOf(contents: unknown): string {
  return (contents as MarkupContent).value;
}

describe('lsp features', { timeout: 30_000 }, () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = copyFixture(fixture('lsp', 'workspace'));
    client = await LspTestClient.start({ folder, settings: { today: '2026-06-01' } });
    await client.diagnosticsMatching(client.uri(RECORD), (d) => d.length > 0);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function complete(relativePath: string, text: string, position: Position) {
    const uri = await client.open(relativePath, text);
    const result = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    });
    await client.close(uri);
    return result;
  }

  it('completion offers kinds', async () => {
    const text = 'kind: \n';
    const result = await complete('new-kind.yaml', text, positionAfter(text, 'kind: '));
    assert.deepEqual(labels(result).sort(), [
      'CompetencyMatrix',
      'RoleDescription',
      'TrainingProfile',
      'TrainingProgram',
      'TrainingRecord',
    ]);
  });

  it('completion offers schema properties', async () => {
    const text = 'kind: RoleDescription\nti\n';
    const result = await complete('new-role.yaml', text, positionAfter(text, '\nti'));
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const title = items.find((item) => item.label === 'title');
    assert.ok(title, `no "title" in ${labels(result).join(', ')}`);
    assert.ok(labels(result).includes('competencies'));
    assert.match(markdownOf(title.documentation), /title/i);
  });

  it('completion offers role ids', async () => {
    const text = 'kind: TrainingProfile\nid: new-profile\nrole: \n';
    const result = await complete('new-profile.yaml', text, positionAfter(text, 'role: '));
    assert.ok(labels(result).includes('device-threat-modeler'), 'workspace role missing');
    assert.ok(labels(result).includes('penetration-tester'), 'catalog role missing');
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const workspaceRole = items.find((item) => item.label === 'device-threat-modeler')!;
    assert.match(markdownOf(workspaceRole.documentation), /Device Threat Modeler/);
  });

  it('completion offers nested enum values', async () => {
    const text = [
      'kind: TrainingProfile',
      'id: new-profile',
      'role: device-threat-modeler',
      'trainings:',
      '  - id: new-training',
      '    type: ',
      '',
    ].join('\n');
    const result = await complete('new-profile.yaml', text, positionAfter(text, 'type: '));
    assert.ok(labels(result).includes('role-specific'), labels(result).join(', '));
    assert.ok(labels(result).includes('read-and-acknowledge'));
  });

  it('completion offers competencies and levels', async () => {
    const text = [
      'kind: RoleDescription',
      'id: new-role',
      'competencies:',
      '  - competency: fuz',
      '    level: ',
      '',
    ].join('\n');
    const competencies = await complete(
      'new-role.yaml',
      text,
      positionAfter(text, 'competency: fuz'),
    );
    assert.ok(labels(competencies).includes('fuzzing'));
    const levels = await complete('new-role.yaml', text, positionAfter(text, 'level: '));
    assert.ok(labels(levels).includes('proficient'), labels(levels).join(', '));
  });

  it('completion offers clauses in flow lists', async () => {
    const text = 'kind: RoleDescription\nid: new-role\nclauses: [IEC81001-5-1:7.2, IEC\n';
    const result = await complete('new-role.yaml', text, positionAfter(text, ', IEC'));
    assert.ok(labels(result).includes('IEC81001-5-1:5.7.3'), labels(result).join(', '));
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const clause = items.find((item) => item.label === 'IEC81001-5-1:5.7.3')!;
    assert.deepEqual(clause.textEdit && 'range' in clause.textEdit && clause.textEdit.range, {
      start: { line: 2, character: 28 },
      end: { line: 2, character: 31 },
    });
  });

  it('completion offers trainings and people', async () => {
    const record = [
      'kind: TrainingRecord',
      'person:',
      '  id: p-0077',
      'completed:',
      '  - training: ',
      '',
    ].join('\n');
    const trainings = await complete(
      'records/p-0077.yaml',
      record,
      positionAfter(record, 'training: '),
    );
    assert.deepEqual(labels(trainings), ['stride-workshop']);
    const matrix = [
      'kind: CompetencyMatrix',
      'id: other-matrix',
      'people:',
      '  - person: ',
      '    levels:',
      '      str',
      '',
    ].join('\n');
    const people = await complete('matrix.yaml', matrix, positionAfter(matrix, 'person: '));
    assert.deepEqual(labels(people), ['p-0042']);
    const keys = await complete('matrix.yaml', matrix, positionAfter(matrix, '      str'));
    assert.ok(labels(keys).includes('stride'));
  });

  it('completion reads the current stream document', async () => {
    const text = [
      'kind: RoleDescription',
      'id: new-role',
      '---',
      'kind: TrainingRecord',
      'person:',
      '  id: p-0078',
      'assignments:',
      '  - ',
      '',
    ].join('\n');
    const result = await complete('stream.yaml', text, positionAfter(text, 'assignments:\n  - '));
    assert.deepEqual(labels(result).sort(), ['from', 'item', 'objectivityMeasure', 'role', 'to']);
  });

  it('hover shows a workspace role', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', PROFILE), 'utf8');
    const uri = client.uri(PROFILE);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: at(text, 'role: device-threat-modeler', 8),
    });
    assert.ok(hover);
    assert.match(markdownOf(hover.contents), /Device Threat Modeler/);
    assert.match(markdownOf(hover.contents), /IEC81001-5-1:7\.2/);
    assert.match(markdownOf(hover.contents), /stride \(proficient\)/);
  });

  it('hover shows workspace role before catalog', async () => {
    const roleUri = await client.writeFile(
      'role-hover/security-architect.yaml',
      fs.readFileSync(fixture('lsp', 'role-hover', 'security-architect.yaml'), 'utf8'),
    );
    const jobUri = await client.writeFile(
      'role-hover/threat-modeler.md',
      fs.readFileSync(fixture('lsp', 'role-hover', 'threat-modeler.md'), 'utf8'),
    );
    const text = fs.readFileSync(fixture('lsp', 'role-hover', 'profile.yaml'), 'utf8');
    const uri = await client.open('role-hover/profile.yaml', text);
    try {
      const role = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: at(text, 'role: security-architect', 8),
      });
      const roleText = markdownOf(role?.contents);
      assert.ok(
        roleText.startsWith(
          '**Pump Security Architect** (`security-architect`), workspace role description',
        ),
        roleText,
      );
      assert.ok(roleText.includes(`Defined in [security-architect.yaml](${roleUri}#L2), line 2`));
      assert.ok(
        roleText.includes('- Own the security architecture of the infusion pump controller'),
      );
      assert.ok(roleText.includes('Clauses: IEC81001-5-1:5.3\n'));
      assert.ok(roleText.includes('Competencies: secure-design (expert)\n'));
      const catalogStart = roleText.indexOf('**Built-in catalog role: Security Architect**');
      assert.ok(catalogStart > roleText.indexOf('Competencies: secure-design'), roleText);
      assert.ok(roleText.indexOf('Designs the security architecture') > catalogStart);

      const job = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: at(text, 'role: threat-modeler', 8),
      });
      const jobText = markdownOf(job?.contents);
      assert.ok(
        jobText.startsWith(
          '**Firmware Threat Analyst** (`threat-modeler`), workspace job description',
        ),
        jobText,
      );
      assert.ok(jobText.includes(`Defined in [threat-modeler.md](${jobUri}#L7), line 7`));
      assert.ok(jobText.includes('- Review the threat model with the security architect.'));
      assert.match(
        jobText,
        /\n\nMapped to security-architect, threat-modeler because [^\n]+\n\n---\n\n/,
      );
      assert.match(jobText, /\*\*Built-in catalog role: Threat Modeler\*\* \(`threat-modeler`\)/);
    } finally {
      await client.close(uri);
      await client.deleteFile('role-hover/security-architect.yaml');
      await client.deleteFile('role-hover/threat-modeler.md');
    }
  });

  it('hover shows catalog entries', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', ROLE), 'utf8');
    const uri = client.uri(ROLE);
    const clause = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: at(text, 'IEC81001-5-1:7.2', 3),
    });
    assert.match(markdownOf(clause?.contents), /IEC81001-5-1:7\.2/);
    const competency = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: at(text, 'stride', 2),
    });
    assert.match(markdownOf(competency?.contents), /STRIDE/i);
  });

  it('hover shows property descriptions', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', PROFILE), 'utf8');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri(PROFILE) },
      position: at(text, 'recurrence:', 2),
    });
    assert.match(markdownOf(hover?.contents), /ISO 8601 duration/);
  });

  it('definition finds the role description', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', PROFILE), 'utf8');
    const result = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: client.uri(PROFILE) },
      position: at(text, 'role: device-threat-modeler', 10),
    })) as Location[];
    assert.deepEqual(result, [
      {
        uri: client.uri(ROLE),
        range: { start: { line: 1, character: 4 }, end: { line: 1, character: 25 } },
      },
    ]);
  });

  it('definition opens catalog competencies', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', ROLE), 'utf8');
    const result = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: client.uri(ROLE) },
      position: at(text, 'stride', 1),
    })) as Location[];
    assert.equal(result.length, 1);
    assert.match(result[0]!.uri, /schemas\/catalog\/competencies\.json$/);
  });

  it('references span every file', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', ROLE), 'utf8');
    const result = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: client.uri(ROLE) },
      position: at(text, 'id: device-threat-modeler', 6),
      context: { includeDeclaration: true },
    });
    const files = [...new Set((result ?? []).map((location) => location.uri))].sort();
    assert.deepEqual(files, [MATRIX, PROFILE, RECORD, ROLE].map((p) => client.uri(p)).sort());
  });

  it('prepare rename rejects catalog ids', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', ROLE), 'utf8');
    const result = await client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: client.uri(ROLE) },
      position: at(text, 'stride', 1),
    });
    assert.equal(result, null);
  });

  it('rename edits every file', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', RECORD), 'utf8');
    const position = at(text, 'device-threat-modeler', 3);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: client.uri(RECORD) },
      position,
    });
    assert.deepEqual(prepared, {
      range: { start: { line: 5, character: 10 }, end: { line: 5, character: 31 } },
      placeholder: 'device-threat-modeler',
    });
    const edit = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: client.uri(RECORD) },
      position,
      newName: 'firmware-threat-modeler',
    });
    const changes = edit?.changes ?? {};
    assert.deepEqual(
      Object.keys(changes).sort(),
      [MATRIX, PROFILE, RECORD, ROLE].map((p) => client.uri(p)).sort(),
    );
    const roleEdits = changes[client.uri(ROLE)] as TextEdit[];
    assert.deepEqual(roleEdits, [
      {
        range: { start: { line: 1, character: 4 }, end: { line: 1, character: 25 } },
        newText: 'firmware-threat-modeler',
      },
    ]);
  });

  it('rename rejects an invalid id', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', RECORD), 'utf8');
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri: client.uri(RECORD) },
        position: at(text, 'device-threat-modeler', 3),
        newName: 'Firmware Modeler',
      }),
      /kebab-case/,
    );
  });

  it('symbols list documents and children', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: client.uri(PROFILE) },
    })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]!.name, 'device-threat-modeler-profile');
    assert.equal(symbols[0]!.detail, 'TrainingProfile');
    assert.deepEqual(
      symbols[0]!.children?.map((child) => child.name),
      ['stride-workshop'],
    );
  });

  it('symbols cover fenced blocks', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: client.uri(MATRIX) },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.range.start.line]),
      [['security-competency-matrix', 5]],
    );
  });

  async function quickFixes(relativePath: string, text: string, code: string) {
    const uri = client.uri(relativePath);
    const published = client.nextDiagnostics(uri, (d) => d.some((item) => item.code === code));
    await client.open(relativePath, text);
    const diagnostic = (await published).find((item) => item.code === code) as Diagnostic;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    await client.close(uri);
    return (actions ?? []).map((action) => {
      assert.ok('edit' in action, 'expected a code action literal');
      return { title: action.title, edits: action.edit?.changes?.[uri] ?? [] };
    });
  }

  it('quick fix inserts the missing kind', async () => {
    const text = '# Training record of a contractor\nperson:\n  id: p-0050\ncompleted: []\n';
    const actions = await quickFixes('training-record-p-0050.yaml', text, 'missing-kind');
    assert.deepEqual(actions, [
      {
        title: 'Insert "kind: TrainingRecord"',
        edits: [
          {
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
            newText: 'kind: TrainingRecord\n',
          },
        ],
      },
    ]);
  });

  it('quick fix replaces an unknown role', async () => {
    const text = fs
      .readFileSync(fixture('lsp', 'workspace', RECORD), 'utf8')
      .replace('role: device-threat-modeler', 'role: device-threat-modeller');
    const actions = await quickFixes(RECORD, text, 'unknown-reference');
    assert.deepEqual(actions, [
      {
        title: 'Change to "device-threat-modeler"',
        edits: [
          {
            range: { start: { line: 5, character: 10 }, end: { line: 5, character: 32 } },
            newText: 'device-threat-modeler',
          },
        ],
      },
    ]);
  });

  it('quick fix quotes an ambiguous scalar', async () => {
    const text = fs
      .readFileSync(fixture('lsp', 'workspace', RECORD), 'utf8')
      .replace('id: p-0042', 'id: p-0042\n  name: No');
    const actions = await quickFixes(RECORD, text, 'yaml11-ambiguous');
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.edits[0]!.newText, '"No"');
  });
});
