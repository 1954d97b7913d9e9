import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findYamlBlocks, type YamlScan } from '../../server/src/language-service/documents';
import { decodeFileContent } from '../../server/src/language-service/file-content';
import { createSourceFile } from '../../server/src/language-service/source-file';

// Hostile and broken inputs are generated into a temporary folder and read back as real
// files, the way the CLI and the language server read them.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-lens-bad-input-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

function writeFile(name: string, content: string | Uint8Array): string {
  const filePath = path.join(folder, name);
  fs.writeFileSync(filePath, content);
  return filePath;
}

function decode(filePath: string, maxBytes?: number): ReturnType<typeof decodeFileContent> {
  const limits = maxBytes === undefined ? {} : { maxBytes };
  return decodeFileContent(fs.readFileSync(filePath), pathToFileURL(filePath).href, limits);
}

function scanFile(name: string, content: string): YamlScan {
  const filePath = writeFile(name, content);
  const decoded = decode(filePath);
  assert.ok('text' in decoded, `${name} was not decoded`);
  return findYamlBlocks(createSourceFile(pathToFileURL(filePath).href, decoded.text));
}

function diagnosticOf(result: ReturnType<typeof decodeFileContent>): Diagnostic {
  assert.ok('diagnostic' in result, 'expected a diagnostic, got text');
  return result.diagnostic;
}

function tooComplex(scan: YamlScan): Diagnostic[] {
  return scan.diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-too-complex');
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('hostile YAML', () => {
  it('alias bomb is reported, not expanded', () => {
    const lines = ['kind: TrainingRecord', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const scan = scanFile('bomb.yaml', lines.join('\n') + '\n');
    const reported = tooComplex(scan);
    assert.equal(reported.length, 1);
    assert.deepEqual(reported[0]!.range, {
      start: { line: 2, character: 7 },
      end: { line: 2, character: 9 },
    });
    assert.equal(scan.blocks[0]!.value, undefined);
    assert.ok(scan.blocks[0]!.document.errors.length > 0);
  });

  it('few aliases convert normally', () => {
    const scan = scanFile('aliases.yaml', 'lead: &lead p-0007\nassessor: *lead\n');
    assert.deepEqual(scan.blocks[0]!.value, { lead: 'p-0007', assessor: 'p-0007' });
    assert.deepEqual(scan.diagnostics, []);
  });

  it('deep flow nesting is cut at the limit', () => {
    const scan = scanFile('flow.yaml', '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    const reported = tooComplex(scan);
    assert.equal(reported.length, 1);
    assert.deepEqual(reported[0]!.range, {
      start: { line: 0, character: 100 },
      end: { line: 0, character: 101 },
    });
    assert.ok(scan.blocks[0]!.document.errors.length > 0);
  });

  it('unclosed deep flow nesting is reported once', () => {
    const scan = scanFile('unclosed.yaml', 'roles: ' + '['.repeat(10_000) + '\n');
    assert.equal(tooComplex(scan).length, 1);
    assert.ok(scan.diagnostics.length < 10, `${scan.diagnostics.length} diagnostics`);
  });

  it('deep block nesting is cut at the limit', () => {
    const scan = scanFile('block.yaml', '- '.repeat(10_000) + 'x\n');
    const reported = tooComplex(scan);
    assert.equal(reported.length, 1);
    assert.deepEqual(reported[0]!.range.start, { line: 0, character: 200 });
  });

  it('deep nesting of mappings is cut at the limit', () => {
    const scan = scanFile('maps.yaml', 'a:\n  ' + '{b: '.repeat(10_000) + '}'.repeat(10_000));
    assert.equal(tooComplex(scan).length, 1);
  });

  it('deep nesting in a fence is reported in the file', () => {
    const scan = scanFile(
      'deep.md',
      '# Record\n\n> ```yaml\n> ' + '['.repeat(10_000) + '\n> ```\n',
    );
    const reported = tooComplex(scan);
    assert.equal(reported.length, 1);
    assert.deepEqual(reported[0]!.range.start, { line: 3, character: 102 });
  });

  it('nesting within the limit is read', () => {
    const depth = 100;
    const scan = scanFile('limit.yaml', '['.repeat(depth) + ']'.repeat(depth) + '\n');
    assert.deepEqual(scan.diagnostics, []);
    assert.notEqual(scan.blocks[0]!.value, undefined);
  });

  it('deeply nested Markdown block quotes are reported', () => {
    const scan = scanFile('quotes.md', '>'.repeat(10_000) + ' text\n');
    assert.equal(tooComplex(scan).length, 1);
    assert.equal(scan.blocks.length, 0);
  });

  it('__proto__ key stays plain data', () => {
    const scan = scanFile('proto.yaml', '__proto__:\n  polluted: yes\nkind: TrainingRecord\n');
    const value = scan.blocks[0]!.value as Record<string, unknown>;
    assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'));
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal((value as { polluted?: unknown }).polluted, undefined);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, {
      polluted: 'yes',
    });
  });

  it('__proto__ in flow mappings stays plain data', () => {
    const scan = scanFile('proto-flow.yaml', 'people: [{__proto__: {isAdmin: true}}]\n');
    const people = (scan.blocks[0]!.value as { people: object[] }).people;
    assert.ok(Object.prototype.hasOwnProperty.call(people[0], '__proto__'));
    assert.equal(({} as { isAdmin?: unknown }).isAdmin, undefined);
  });
});

describe('decodeFileContent', () => {
  it('rejects a 20 MB file by size', () => {
    const filePath = writeFile('large.yaml', Buffer.alloc(20 * 1024 * 1024, 'a'));
    const diagnostic = diagnosticOf(decode(filePath));
    assert.equal(diagnostic.code, 'file-too-large');
    assert.deepEqual(diagnostic.range, START);
  });

  it('names size, limit and how to raise it', () => {
    const filePath = writeFile('large-message.yaml', Buffer.alloc(20 * 1024 * 1024, 'a'));
    const message = diagnosticOf(decode(filePath)).message;
    assert.match(message, /20\.0 MiB/);
    assert.match(message, /5\.0 MiB/);
    assert.match(message, /competencyLens\.maxFileSize/);
    assert.match(message, /--max-file-size/);
  });

  it('honours a raised limit', () => {
    const filePath = writeFile('medium.yaml', 'kind: TrainingRecord\n' + '#'.repeat(2000) + '\n');
    assert.equal(diagnosticOf(decode(filePath, 1000)).code, 'file-too-large');
    assert.ok('text' in decode(filePath, 10_000));
  });

  it('rejects binary content', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const diagnostic = diagnosticOf(decode(writeFile('image.yaml', bytes)));
    assert.equal(diagnostic.code, 'file-binary');
    assert.deepEqual(diagnostic.range, START);
  });

  it('rejects broken UTF-8 naming the line', () => {
    const head = Buffer.from('kind: TrainingRecord\nperson:\n  name: Ren');
    const bytes = Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const diagnostic = diagnosticOf(decode(writeFile('latin.yaml', bytes)));
    assert.equal(diagnostic.code, 'file-encoding');
    assert.match(diagnostic.message, /line 3/);
    assert.match(diagnostic.message, /0xC3/);
    assert.deepEqual(diagnostic.range, START);
  });

  it('rejects an encoded surrogate', () => {
    const bytes = Buffer.from([0x61, 0x3a, 0x20, 0xed, 0xa0, 0x80, 0x0a]);
    assert.equal(diagnosticOf(decode(writeFile('surrogate.yaml', bytes))).code, 'file-encoding');
  });

  it('rejects a truncated sequence at the end', () => {
    const bytes = Buffer.concat([Buffer.from('id: a\nid2: '), Buffer.from([0xf0, 0x9f, 0x94])]);
    const diagnostic = diagnosticOf(decode(writeFile('truncated.yaml', bytes)));
    assert.match(diagnostic.message, /line 2/);
  });

  it('decodes UTF-16 big endian with a BOM', () => {
    const text = '\uFEFFkind: RoleDescription\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) >> 8;
      bytes[2 * i + 1] = text.charCodeAt(i) & 0xff;
    }
    const decoded = decode(writeFile('utf16.yaml', bytes));
    assert.ok('text' in decoded);
    assert.equal(decoded.text, text);
  });

  it('rejects broken UTF-16', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x0a, 0x00]);
    assert.equal(diagnosticOf(decode(writeFile('broken16.yaml', bytes))).code, 'file-encoding');
  });

  it('decodes valid multi-byte UTF-8', () => {
    const decoded = decode(writeFile('emoji.yaml', 'name: Zoë 🔐\n'));
    assert.ok('text' in decoded);
    assert.equal(decoded.text, 'name: Zoë 🔐\n');
  });
});
