import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  RenameRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type MarkupContent,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol';
import { copyFixture, LspTestClient } from '../helpers/lsp-client';
import { fixture } from '../helpers/paths';

const RECORD = 'records/p-0042.yaml';
const DEVELOPER_PROFILE = 'profiles/developer-profile.yaml';
const MODELER_PROFILE = 'profiles/threat-modeler-profile.yaml';

/** Splits `text` at its `|` caret marker into the text without it and the caret's position. */
function caret(text: string): { text: string; position: Position } {
  const index = text.indexOf('|');
  assert.ok(index >= 0, 'no caret marker in the text');
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return {
    text: text.slice(0, index) + text.slice(index + 1),
    position: { line, character: index - (before.lastIndexOf('\n') + 1) },
  };
}

/** Returns the position of the first character of `needle`, plus `shift` characters. */
function at(text: string, needle: string, shift = 0): Position {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not in the text`);
  const before = text.slice(0, index + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((entry) => entry.label === label);
  assert.ok(item, `no "${label}" in ${items.map((entry) => entry.label).join(', ')}`);
  return item;
}

function byTitle(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((entry) => entry.title === title);
  assert.ok(action, `no "${title}" in ${actions.map((entry) => entry.title).join(', ')}`);
  return action;
}

function editRange(item: CompletionItem): Range | undefined {
  return item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
}

describe('lsp editor fixes', { timeout: 30_000 }, () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = copyFixture(fixture('lsp', 'editor-fixes'));
    client = await LspTestClient.start({ folder, settings: { today: '2026-06-01' } });
    await client.diagnosticsMatching(client.uri(RECORD), () => true);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function complete(relativePath: string, marked: string): Promise<CompletionItem[]> {
    const { text, position } = caret(marked);
    const uri = await client.open(relativePath, text);
    try {
      const result = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position,
      });
      return Array.isArray(result) ? result : (result?.items ?? []);
    } finally {
      await client.close(uri);
    }
  }

  async function hoverText(relativePath: string, marked: string): Promise<string | undefined> {
    const { text, position } = caret(marked);
    const uri = await client.open(relativePath, text);
    try {
      const hover = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position,
      });
      return hover ? (hover.contents as MarkupContent).value : undefined;
    } finally {
      await client.close(uri);
    }
  }

  async function rename(relativePath: string, needle: string, newName: string): Promise<unknown> {
    const text = fs.readFileSync(fixture('lsp', 'editor-fixes', relativePath), 'utf8');
    return client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: client.uri(relativePath) },
      position: at(text, needle, 1),
      newName,
    });
  }

  /** Opens `text`, waits for a diagnostic with `code` and returns it with the document URI. */
  async function openWithDiagnostic(relativePath: string, text: string, code: string) {
    const uri = client.uri(relativePath);
    const published = client.nextDiagnostics(uri, (d) => d.some((item) => item.code === code));
    await client.open(relativePath, text);
    const diagnostic = (await published).find((item) => item.code === code) as Diagnostic;
    return { uri, diagnostic };
  }

  async function codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    return (actions ?? []).map((action) => {
      assert.ok('edit' in action, 'expected a code action literal');
      return action;
    });
  }

  it('rename rejects an existing training', async () => {
    await assert.rejects(
      rename(DEVELOPER_PROFILE, 'secure-coding-awareness', 'stride-workshop'),
      (error: Error) => {
        assert.match(error.message, /training with this id is already defined/);
        assert.match(error.message, /profiles\/threat-modeler-profile\.yaml, line 5/);
        return true;
      },
    );
  });

  it('rename rejects an existing person', async () => {
    await assert.rejects(rename(RECORD, 'p-0042', 'p-0009'), /records\/p-0009\.yaml, line \d+/);
  });

  it('rename rejects a catalog role', async () => {
    await assert.rejects(
      rename('roles/pump-threat-modeler.yaml', 'pump-threat-modeler', 'threat-modeler'),
      /role with this id is already defined in the built-in catalog/,
    );
  });

  it('rename accepts a free training id', async () => {
    const edit = await rename(DEVELOPER_PROFILE, 'secure-coding-awareness', 'secure-coding-basics');
    const changes = (edit as { changes?: Record<string, unknown[]> } | null)?.changes ?? {};
    assert.equal(Object.keys(changes).length, 3);
  });

  it('quick fix ignores byte-column ranges', async () => {
    const text = fs
      .readFileSync(fixture('lsp', 'editor-fixes', RECORD), 'utf8')
      .replace(
        '  - role: pump-threat-modeler\n    from: 2026-01-05',
        '  - {item: Gerät 😀😀, role: pump-threat-modeller, from: 2026-01-05}',
      );
    const { uri, diagnostic } = await openWithDiagnostic(RECORD, text, 'unknown-reference');
    try {
      const line = text.split('\n')[diagnostic.range.start.line]!;
      const start = line.indexOf('pump-threat-modeller');
      const expected: Range = {
        start: { line: diagnostic.range.start.line, character: start },
        end: { line: diagnostic.range.start.line, character: start + 20 },
      };
      assert.deepEqual(diagnostic.range, expected);
      // Neovim 0.7.2 sends the range back in UTF-8 byte columns.
      const byteStart = Buffer.byteLength(line.slice(0, start));
      const byteRange: Range = {
        start: { line: expected.start.line, character: byteStart },
        end: { line: expected.start.line, character: byteStart + 20 },
      };
      const actions = await codeActions(uri, { ...diagnostic, range: byteRange });
      const fix = byTitle(actions, 'Change to "pump-threat-modeler"');
      assert.deepEqual(fix.edit?.changes?.[uri], [
        { range: expected, newText: 'pump-threat-modeler' },
      ]);
    } finally {
      await client.close(uri);
    }
  });

  it('quick fix skips an unmatched diagnostic', async () => {
    const text = fs
      .readFileSync(fixture('lsp', 'editor-fixes', RECORD), 'utf8')
      .replace('role: pump-threat-modeler', 'role: pump-threat-modeller');
    const { uri, diagnostic } = await openWithDiagnostic(RECORD, text, 'unknown-reference');
    try {
      const moved = {
        ...diagnostic,
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } },
      };
      assert.deepEqual(await codeActions(uri, moved), []);
    } finally {
      await client.close(uri);
    }
  });

  it('person fix is never preferred', async () => {
    const text = fs
      .readFileSync(fixture('lsp', 'editor-fixes', RECORD), 'utf8')
      .replace('assessor: p-0009', 'assessor: p-0099');
    const { uri, diagnostic } = await openWithDiagnostic(RECORD, text, 'unknown-reference');
    try {
      const actions = await codeActions(uri, diagnostic);
      const fix = byTitle(actions, 'Change to "p-0009"');
      assert.equal(fix.isPreferred, undefined);
    } finally {
      await client.close(uri);
    }
  });

  it('role fix stays preferred', async () => {
    const text = fs
      .readFileSync(fixture('lsp', 'editor-fixes', RECORD), 'utf8')
      .replace('role: pump-threat-modeler', 'role: pump-threat-modeller');
    const { uri, diagnostic } = await openWithDiagnostic(RECORD, text, 'unknown-reference');
    try {
      const actions = await codeActions(uri, diagnostic);
      assert.equal(byTitle(actions, 'Change to "pump-threat-modeler"').isPreferred, true);
    } finally {
      await client.close(uri);
    }
  });

  it('completion skips present keys', async () => {
    const items = await complete(
      'new-record.yaml',
      'kind: TrainingRecord\nperson:\n  id: p-0077\nassignments:\n  - role: security-tester\n    |\n    to: 2026-12-31\n',
    );
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('from'), labels.join(', '));
    assert.ok(!labels.includes('role'), labels.join(', '));
    assert.ok(!labels.includes('to'), labels.join(', '));
    const top = await complete('new-role.yaml', 'kind: RoleDescription\nid: new-role\n|\n');
    const topLabels = top.map((item) => item.label);
    assert.ok(topLabels.includes('title'), topLabels.join(', '));
    assert.ok(!topLabels.includes('id'), topLabels.join(', '));
  });

  it('completion replaces the whole key', async () => {
    const items = await complete(
      'new-record.yaml',
      'kind: TrainingRecord\nperson:\n  id: p-0077\nassignments:\n  - ro|le: threat-modeler\n',
    );
    const role = byLabel(items, 'role');
    assert.deepEqual(role.textEdit, {
      range: { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } },
      newText: 'role',
    });
  });

  it('completion in a flow mapping value', async () => {
    const items = await complete(
      'new-record.yaml',
      'kind: TrainingRecord\nperson:\n  id: p-0077\nassignments:\n  - {role: |, from: 2025-01-01}\n',
    );
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('pump-threat-modeler'), labels.join(', '));
    assert.ok(labels.includes('security-tester'), labels.join(', '));
    assert.ok(!labels.includes('from'), labels.join(', '));
    assert.deepEqual(editRange(byLabel(items, 'security-tester')), {
      start: { line: 4, character: 11 },
      end: { line: 4, character: 11 },
    });
  });

  it('completion of flow mapping keys', async () => {
    const items = await complete(
      'new-record.yaml',
      'kind: TrainingRecord\nperson:\n  id: p-0077\nassignments:\n  - {role: security-tester, |}\n',
    );
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('from'), labels.join(', '));
    assert.ok(!labels.includes('role'), labels.join(', '));
  });

  it('completion skips listed clauses', async () => {
    const flow = await complete(
      'new-role.yaml',
      'kind: RoleDescription\nid: new-role\nclauses: [IEC81001-5-1:5.4, |\n',
    );
    const flowLabels = flow.map((item) => item.label);
    assert.ok(flowLabels.includes('IEC81001-5-1:5.3'));
    assert.ok(!flowLabels.includes('IEC81001-5-1:5.4'));
    const block = await complete(
      'new-role.yaml',
      'kind: RoleDescription\nid: new-role\nclauses:\n  - IEC81001-5-1:5.4\n  - |\n  - IEC81001-5-1:5.3\n',
    );
    const blockLabels = block.map((item) => item.label);
    assert.ok(blockLabels.includes('IEC81001-5-1:7.2'));
    assert.ok(!blockLabels.includes('IEC81001-5-1:5.4'));
    assert.ok(!blockLabels.includes('IEC81001-5-1:5.3'));
  });

  it('completion skips the role itself', async () => {
    const items = await complete(
      'new-role.yaml',
      'kind: RoleDescription\nid: threat-modeler\nindependentOf: [|\n',
    );
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('software-developer'), labels.join(', '));
    assert.ok(!labels.includes('threat-modeler'), labels.join(', '));
  });

  it('level numbers sort after names', async () => {
    const items = await complete(
      'new-role.yaml',
      'kind: RoleDescription\nid: new-role\ncompetencies:\n  - competency: stride\n    level: |\n',
    );
    const names = ['none', 'awareness', 'basic', 'proficient', 'expert'];
    const lastName = names
      .map((name) => byLabel(items, name).sortText!)
      .sort()
      .pop()!;
    for (const value of ['0', '1', '2', '3', '4']) {
      const item = byLabel(items, value);
      assert.ok(item.sortText! > lastName, `${value} sorts before the names`);
      assert.equal(item.detail, `level ${value}: ${names[Number(value)]}`);
    }
  });

  it('front matter levels match YAML', async () => {
    const yaml = await complete(
      'new-role.yaml',
      'kind: RoleDescription\nid: new-role\ncompetencies:\n  - competency: stride\n    level: |\n',
    );
    const frontMatter = await complete(
      'roles/job-description.md',
      '---\nid: new-role\ntitle: New role\ntype: job_description\ncompetencies:\n  - competency: stride\n    level: |\n---\n\n# New role\n',
    );
    const shape = (items: CompletionItem[]) =>
      items.map((item) => [item.label, item.sortText, item.detail]).sort();
    assert.deepEqual(shape(frontMatter), shape(yaml));
  });

  it('method docs read as sentences', async () => {
    const items = await complete(
      'new-profile.yaml',
      'kind: TrainingProfile\nid: new-profile\nrole: security-tester\nassessment:\n  method: |\n',
    );
    const expected: Record<string, string> = {
      quiz: 'Counts only with a pass threshold, and only when the score reaches it.',
      'external-certification': 'Counts while the certificate is valid.',
      'self-assessment': 'Accepted only with a written justification.',
    };
    for (const [id, sentence] of Object.entries(expected)) {
      const text = (byLabel(items, id).documentation as MarkupContent).value;
      assert.ok(text.split('\n\n').includes(sentence), text);
      assert.doesNotMatch(text, /Counts only with (Counts|Accepted)/);
      assert.doesNotMatch(text, /\.\./);
    }
  });

  it('hover on an unknown role', async () => {
    const text = await hoverText(
      'new-profile.yaml',
      'kind: TrainingProfile\nid: new-profile\nrole: pump-threat-model|ler2\n',
    );
    assert.ok(text, 'no hover');
    assert.match(text, /Unknown role/);
    assert.match(text, /Did you mean "pump-threat-modeler"/);
  });

  it('hover on a profile id', async () => {
    const text = fs.readFileSync(fixture('lsp', 'editor-fixes', MODELER_PROFILE), 'utf8');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri(MODELER_PROFILE) },
      position: at(text, 'pump-threat-modeler-profile', 3),
    });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /training profile/);
    assert.match(value, /Role: `pump-threat-modeler` \(Pump Threat Modeler\)/);
    assert.match(value, /`stride-workshop`: STRIDE threat modeling workshop/);
    assert.match(value, /every 2 years/);
  });

  it('hover on a duration', async () => {
    const text = await hoverText(
      'program.yaml',
      'kind: TrainingProgram\nid: other-program\nneedsAnalysis:\n  reviewInterval: P1|Y\n',
    );
    assert.equal(text, '`P1Y`, ISO 8601 duration: every year.');
  });
});
