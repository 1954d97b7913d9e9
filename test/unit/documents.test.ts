import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { isMap, isScalar, type Node } from 'yaml';
import {
  findYamlBlocks,
  nodeRange,
  type YamlBlock,
  type YamlScan,
} from '../../server/src/language-service/documents';
import { createSourceFile, type SourceFile } from '../../server/src/language-service/source-file';
import { fixture } from '../helpers/paths';

function load(name: string): { file: SourceFile; scan: YamlScan } {
  const filePath = fixture('documents', name);
  const file = createSourceFile(pathToFileURL(filePath).href, fs.readFileSync(filePath, 'utf8'));
  return { file, scan: findYamlBlocks(file) };
}

function scanText(uri: string, text: string): { file: SourceFile; scan: YamlScan } {
  const file = createSourceFile(uri, text);
  return { file, scan: findYamlBlocks(file) };
}

/** Formats a range as `line:character-line:character`, for readable failures. */
function place(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Returns the value node at `key` of a block's top-level mapping. */
function valueNode(block: YamlBlock, key: string): Node {
  const node = block.document.get(key, true);
  assert.ok(isScalar(node) || isMap(node), `no value at ${key}`);
  return node;
}

function summarise(diagnostic: Diagnostic): string {
  return `${place(diagnostic.range)} ${String(diagnostic.code)}`;
}

describe('findYamlBlocks in YAML files', () => {
  it('stream yields one block per document', () => {
    const { scan } = load('stream.yaml');
    assert.equal(scan.blocks.length, 3);
    assert.deepEqual(
      scan.blocks.map((block) => block.index),
      [0, 1, 2],
    );
    assert.ok(scan.blocks.every((block) => block.origin === 'yaml'));
    assert.deepEqual(scan.diagnostics, []);
  });

  it('stream documents keep their values', () => {
    const { scan } = load('stream.yaml');
    const kinds = scan.blocks.map((block) => (block.value as { kind: string }).kind);
    assert.deepEqual(kinds, ['RoleDescription', 'TrainingProfile', 'CompetencyMatrix']);
  });

  it('stream node ranges point into the file', () => {
    const { file, scan } = load('stream.yaml');
    assert.equal(
      place(nodeRange(file, scan.blocks[0]!, valueNode(scan.blocks[0]!, 'id'))),
      '2:4-2:18',
    );
    assert.equal(
      place(nodeRange(file, scan.blocks[1]!, valueNode(scan.blocks[1]!, 'role'))),
      '7:6-7:20',
    );
    assert.equal(
      place(nodeRange(file, scan.blocks[2]!, valueNode(scan.blocks[2]!, 'asOf'))),
      '11:6-11:16',
    );
  });

  it('nodeRange ends a block collection at its last value', () => {
    const { file, scan } = load('stream.yaml');
    const people = scan.blocks[2]!.document.get('people', true) as Node;
    assert.equal(place(nodeRange(file, scan.blocks[2]!, people)), '13:2-15:24');
  });

  it('core schema keeps YAML 1.1 booleans and dates as strings', () => {
    const { scan } = load('core-schema.yaml');
    const value = scan.blocks[0]!.value as Record<string, unknown>;
    assert.equal(value.active, 'no');
    assert.equal(value.startDate, '2024-02-01');
  });

  it('empty YAML file yields no blocks', () => {
    const { scan } = scanText('file:///qms/empty.yaml', '# nothing yet\n');
    assert.equal(scan.blocks.length, 0);
    assert.equal(scan.diagnostics.length, 0);
  });
});

describe('findYamlBlocks in Markdown files', () => {
  it('finds front matter and yaml fences in order', () => {
    const { scan } = load('role-description.md');
    assert.deepEqual(
      scan.blocks.map((block) => block.origin),
      ['front-matter', 'fence', 'fence', 'fence'],
    );
    assert.deepEqual(scan.diagnostics, []);
  });

  it('reads tilde fences in list items', () => {
    const { scan } = load('role-description.md');
    assert.deepEqual(scan.blocks[2]!.value, {
      kind: 'TrainingProfile',
      id: 'threat-modeler-profile',
      role: 'threat-modeler',
    });
  });

  it('reads fences in block quotes with an info string', () => {
    const { scan } = load('role-description.md');
    assert.deepEqual(scan.blocks[3]!.value, {
      method: 'supervised-practice',
      program: 'secure-coding-exam',
    });
  });

  it('maps front matter values to the file', () => {
    const { file, scan } = load('role-description.md');
    const block = scan.blocks[0]!;
    assert.equal(place(nodeRange(file, block, valueNode(block, 'effective_date'))), '4:16-4:28');
  });

  it('maps fence values to the file', () => {
    const { file, scan } = load('role-description.md');
    assert.equal(
      place(nodeRange(file, scan.blocks[1]!, valueNode(scan.blocks[1]!, 'id'))),
      '13:4-13:18',
    );
    assert.equal(
      place(nodeRange(file, scan.blocks[2]!, valueNode(scan.blocks[2]!, 'role'))),
      '24:8-24:22',
    );
    assert.equal(
      place(nodeRange(file, scan.blocks[3]!, valueNode(scan.blocks[3]!, 'program'))),
      '31:11-31:29',
    );
  });

  it('records the offset of the block text', () => {
    const { file, scan } = load('role-description.md');
    const fence = scan.blocks[2]!;
    assert.deepEqual(file.document.positionAt(fence.offset), { line: 22, character: 2 });
    assert.equal(fence.text.split('\n')[0], 'kind: TrainingProfile');
  });

  it('plain Markdown yields no blocks', () => {
    const { scan } = load('plain.md');
    assert.equal(scan.blocks.length, 0);
    assert.equal(scan.diagnostics.length, 0);
  });

  it('empty front matter yields no blocks', () => {
    const { scan } = scanText('file:///qms/empty.md', '---\n---\n\n# Title\n');
    assert.equal(scan.blocks.length, 0);
  });

  it('fence with two documents yields two blocks', () => {
    const text = '```yaml\nkind: RoleDescription\n---\nkind: TrainingProfile\n```\n';
    const { scan } = scanText('file:///qms/two.md', text);
    assert.deepEqual(
      scan.blocks.map((block) => block.index),
      [0, 1],
    );
  });
});

describe('findYamlBlocks errors', () => {
  it('reports duplicate keys, tabs and unclosed quotes', () => {
    const { scan } = load('errors.yaml');
    assert.deepEqual(scan.diagnostics.map(summarise), [
      '3:2-3:4 duplicate-key',
      '5:0-5:1 yaml-syntax',
      '7:0-7:0 yaml-syntax',
    ]);
  });

  it('names the duplicate key and the fix', () => {
    const { scan } = load('errors.yaml');
    assert.equal(
      scan.diagnostics[0]!.message,
      'The key "id" appears more than once in this mapping. Remove the extra entry or rename it.',
    );
  });

  it('explains tabs as indentation', () => {
    const { scan } = load('errors.yaml');
    assert.match(scan.diagnostics[1]!.message, /tab is used for indentation.*Replace the tab/);
  });

  it('messages carry no line numbers', () => {
    const { scan } = load('errors.yaml');
    for (const diagnostic of scan.diagnostics) {
      assert.doesNotMatch(diagnostic.message, /at line \d/);
      assert.equal(diagnostic.source, 'competency-lens');
    }
  });

  it('returns a document with errors', () => {
    const { scan } = load('errors.yaml');
    assert.equal(scan.blocks.length, 1);
    assert.ok(scan.blocks[0]!.document.errors.length >= 3);
  });

  it('reports errors in a block quote fence at file positions', () => {
    const text = ['# Record', '', '> ```yaml', '> id: a', '> id: b', '> ```', ''].join('\r\n');
    const { scan } = scanText('file:///qms/record.md', text);
    assert.deepEqual(scan.diagnostics.map(summarise), ['4:2-4:4 duplicate-key']);
  });

  it('reports an alias without anchor', () => {
    const { scan } = scanText('file:///qms/alias.yaml', 'kind: TrainingRecord\nowner: *lead\n');
    assert.deepEqual(scan.diagnostics.map(summarise), ['1:7-1:12 yaml-syntax']);
    assert.equal(scan.blocks[0]!.value, undefined);
  });

  it('reports an alias inside its own anchor', () => {
    const { scan } = scanText('file:///qms/alias.yaml', 'roles: &all [a, *all]\n');
    assert.deepEqual(scan.diagnostics.map(summarise), ['0:16-0:20 yaml-syntax']);
    assert.equal(scan.blocks[0]!.value, undefined);
  });
});
