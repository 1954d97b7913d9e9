import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import { isMap, isScalar, type Node } from 'yaml';
import {
  blockAtOffset,
  blockOffset,
  blockRange,
  findYamlBlocks,
  nodeRange,
  type YamlBlock,
} from '../../server/src/language-service/documents';
import { decodeFileContent } from '../../server/src/language-service/file-content';
import { createSourceFile, type SourceFile } from '../../server/src/language-service/source-file';

// Each case puts one line with a flow mapping into a container and checks the LSP range of
// its `role` value. The columns are counted by hand in UTF-16 code units: an emoji outside
// the Basic Multilingual Plane counts two, a tab one.
interface LineCase {
  name: string;
  line: string;
  /** Columns of `threat-modeler` in the line, without a container prefix. */
  start: number;
  end: number;
}

const LINES: LineCase[] = [
  { name: 'ascii', line: 'meta: { note: "ab", role: threat-modeler }', start: 26, end: 40 },
  { name: 'emoji', line: 'meta: { note: "🔐🔑", role: threat-modeler }', start: 28, end: 42 },
  { name: 'tabs', line: 'meta: { note: "a\tb", role:\tthreat-modeler }', start: 27, end: 41 },
];

interface ContainerCase {
  name: string;
  /** Builds the file's lines around the YAML lines. */
  wrap(yamlLines: string[]): string[];
  uri: string;
  /** Line of the flow mapping in the file and the columns its prefix adds. */
  line: number;
  indent: number;
}

const YAML_LINES = (line: string): string[] => [
  'kind: RoleDescription',
  'id: threat-modeler',
  line,
];

const CONTAINERS: ContainerCase[] = [
  {
    name: 'YAML file',
    uri: 'file:///qms/role.yaml',
    wrap: (lines) => [...lines, ''],
    line: 2,
    indent: 0,
  },
  {
    name: 'front matter',
    uri: 'file:///qms/role.md',
    wrap: (lines) => ['---', ...lines, '---', '', '# Threat Modeler', ''],
    line: 3,
    indent: 0,
  },
  {
    name: 'fence',
    uri: 'file:///qms/role.md',
    wrap: (lines) => ['# Threat Modeler', '', '```yaml', ...lines, '```', ''],
    line: 5,
    indent: 0,
  },
  {
    name: 'tilde fence in a list',
    uri: 'file:///qms/role.md',
    wrap: (lines) => ['- Role:', '', '  ~~~yml', ...lines.map((l) => `  ${l}`), '  ~~~', ''],
    line: 5,
    indent: 2,
  },
  {
    name: 'fence in a block quote',
    uri: 'file:///qms/role.md',
    wrap: (lines) => ['> ```yaml', ...lines.map((l) => `> ${l}`), '> ```', ''],
    line: 3,
    indent: 2,
  },
];

const VARIANTS = [
  { name: 'LF', lineBreak: '\n', bom: '' },
  { name: 'CRLF', lineBreak: '\r\n', bom: '' },
  { name: 'BOM', lineBreak: '\n', bom: '\uFEFF' },
  { name: 'BOM and CRLF', lineBreak: '\r\n', bom: '\uFEFF' },
];

function roleBlock(file: SourceFile): YamlBlock {
  const blocks = findYamlBlocks(file).blocks;
  const block = blocks.find((candidate) => candidate.document.get('kind') === 'RoleDescription');
  assert.ok(block, 'no RoleDescription block found');
  return block;
}

function roleNode(block: YamlBlock): Node {
  const meta = block.document.get('meta', true);
  assert.ok(isMap(meta));
  const role = meta.get('role', true);
  assert.ok(isScalar(role));
  return role;
}

describe('nodeRange positions', () => {
  for (const container of CONTAINERS) {
    for (const variant of VARIANTS) {
      for (const lineCase of LINES) {
        const name = `${container.name}, ${variant.name}, ${lineCase.name}`;
        it(name, () => {
          const lines = container.wrap(YAML_LINES(lineCase.line));
          const file = createSourceFile(container.uri, variant.bom + lines.join(variant.lineBreak));
          const block = roleBlock(file);
          const expected = {
            start: { line: container.line, character: container.indent + lineCase.start },
            end: { line: container.line, character: container.indent + lineCase.end },
          };
          assert.deepEqual(nodeRange(file, block, roleNode(block)), expected);
        });
      }
    }
  }
});

describe('blockOffset', () => {
  const text = ['> ```yaml', '> id: threat-modeler', '> role: x', '> ```', ''].join('\r\n');
  const file = createSourceFile('file:///qms/quote.md', text);
  const block = findYamlBlocks(file).blocks[0]!;
  const offsetOf = (position: Position): number => file.document.offsetAt(position);

  it('maps a file offset to the block text', () => {
    const local = blockOffset(file, block, offsetOf({ line: 2, character: 8 }));
    assert.equal(local, 'id: threat-modeler\r\nrole: '.length);
  });

  it('maps the end of the block text', () => {
    assert.equal(blockOffset(file, block, offsetOf({ line: 2, character: 9 })), block.text.length);
  });

  it('returns undefined in a stripped prefix', () => {
    assert.equal(blockOffset(file, block, offsetOf({ line: 2, character: 1 })), undefined);
  });

  it('returns undefined before the block', () => {
    assert.equal(blockOffset(file, block, offsetOf({ line: 0, character: 4 })), undefined);
  });

  it('returns undefined after the block', () => {
    assert.equal(blockOffset(file, block, offsetOf({ line: 3, character: 3 })), undefined);
  });

  it('round-trips through blockRange', () => {
    const position = { line: 1, character: 6 };
    const local = blockOffset(file, block, offsetOf(position));
    assert.ok(local !== undefined);
    assert.deepEqual(blockRange(file, block, local, local).start, position);
  });
});

describe('blockAtOffset', () => {
  const streamText = ['# roles', 'kind: RoleDescription', '---', 'kind: TrainingProfile', ''].join(
    '\n',
  );
  const stream = createSourceFile('file:///qms/stream.yaml', streamText);
  const streamBlocks = findYamlBlocks(stream).blocks;
  const markdown = createSourceFile(
    'file:///qms/role.md',
    ['Intro', '', '- Role:', '', '  ```yaml', '  kind: RoleDescription', '  ```', ''].join('\n'),
  );
  const markdownBlocks = findYamlBlocks(markdown).blocks;
  const at = (file: SourceFile, blocks: YamlBlock[], position: Position): number | undefined =>
    blockAtOffset(file, blocks, file.document.offsetAt(position))?.index;

  it('finds the first document from its comments', () => {
    assert.equal(at(stream, streamBlocks, { line: 0, character: 2 }), 0);
  });

  it('finds the second document of a stream', () => {
    assert.equal(at(stream, streamBlocks, { line: 3, character: 6 }), 1);
  });

  it('finds a fence in a list item', () => {
    const block = blockAtOffset(
      markdown,
      markdownBlocks,
      markdown.document.offsetAt({ line: 5, character: 2 }),
    );
    assert.equal(block?.origin, 'fence');
  });

  it('finds a fence at its end', () => {
    const block = blockAtOffset(
      markdown,
      markdownBlocks,
      markdown.document.offsetAt({ line: 5, character: 23 }),
    );
    assert.equal(block?.origin, 'fence');
  });

  it('finds nothing in Markdown prose', () => {
    assert.equal(at(markdown, markdownBlocks, { line: 0, character: 2 }), undefined);
  });

  it('finds nothing in the list indent', () => {
    assert.equal(at(markdown, markdownBlocks, { line: 5, character: 1 }), undefined);
  });
});

describe('positions after decoding', () => {
  it('UTF-8 BOM is recorded and not counted', () => {
    const bytes = new TextEncoder().encode('\uFEFFkind: RoleDescription\nid: threat-modeler\n');
    const decoded = decodeFileContent(bytes, 'file:///qms/role.yaml');
    assert.ok('text' in decoded);
    const file = createSourceFile('file:///qms/role.yaml', decoded.text);
    assert.equal(file.hadBom, true);
    const block = findYamlBlocks(file).blocks[0]!;
    const id = block.document.get('id', true);
    assert.ok(isScalar(id));
    assert.deepEqual(nodeRange(file, block, id), {
      start: { line: 1, character: 4 },
      end: { line: 1, character: 18 },
    });
  });

  it('UTF-16 BOM file maps like UTF-8', () => {
    const text = '\uFEFF---\r\nid: 🔐-lead\r\n---\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const decoded = decodeFileContent(bytes, 'file:///qms/role.md');
    assert.ok('text' in decoded);
    const file = createSourceFile('file:///qms/role.md', decoded.text);
    const block = findYamlBlocks(file).blocks[0]!;
    const id = block.document.get('id', true);
    assert.ok(isScalar(id));
    assert.deepEqual(nodeRange(file, block, id), {
      start: { line: 1, character: 4 },
      end: { line: 1, character: 11 },
    });
  });
});
