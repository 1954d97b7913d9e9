import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  DefinitionRequest,
  HoverRequest,
  ReferencesRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { copyFixture, LspTestClient } from '../helpers/lsp-client';
import { fixture } from '../helpers/paths';

/** A small limit, so an opened document can exceed it without megabytes of text. */
const MAX_FILE_SIZE = 4096;
const ROLE = 'roles/device-threat-modeler.yaml';
/** Far past the end of any line; a scan that walks to it never ends in a test run. */
const FAR_CHARACTER = 1_000_000_000;

function hasCode(code: string) {
  return (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === code);
}

/** Builds a training record padded with comments to `bytes` UTF-8 bytes or more. */
function largeRecord(bytes: number, filler: string): string {
  const head = 'kind: TrainingRecord\nperson:\n  id: p-0100\nassignments: []\ncompleted: []\n';
  const lines = [head];
  let size = Buffer.byteLength(head);
  while (size < bytes) {
    const line = `# ${filler}\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return lines.join('');
}

describe('lsp robustness', { timeout: 30_000 }, () => {
  let client: LspTestClient;
  let folder: string;
  let roleText: string;

  before(async () => {
    folder = copyFixture(fixture('lsp', 'workspace'));
    roleText = fs.readFileSync(fixture('lsp', 'workspace', ROLE), 'utf8');
    client = await LspTestClient.start({
      folder,
      settings: { today: '2026-06-01', maxFileSize: MAX_FILE_SIZE },
    });
    await client.diagnosticsMatching(client.uri('records/p-0042.yaml'), (d) => d.length > 0);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('open document over the size limit', async () => {
    const uri = await client.open('records/large.yaml', largeRecord(MAX_FILE_SIZE + 100, 'x'));
    const diagnostics = await client.diagnosticsMatching(uri, hasCode('file-too-large'));
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /competencyLens\.maxFileSize/);
    await client.close(uri);
  });

  it('open document limit counts UTF-8 bytes', async () => {
    // Each "é" is one UTF-16 unit but two UTF-8 bytes, so the text has fewer characters
    // than the limit and more bytes.
    const text = largeRecord(MAX_FILE_SIZE + 100, 'é'.repeat(60));
    assert.ok(text.length < MAX_FILE_SIZE, 'the text must be shorter than the limit');
    const uri = await client.open('records/accented.yaml', text);
    const diagnostics = await client.diagnosticsMatching(uri, hasCode('file-too-large'));
    assert.equal(diagnostics.length, 1);
    await client.close(uri);
  });

  it('edited document shrinking below the limit', async () => {
    const uri = await client.open('records/shrinks.yaml', largeRecord(MAX_FILE_SIZE + 100, 'x'));
    await client.diagnosticsMatching(uri, hasCode('file-too-large'));
    await client.change(uri, largeRecord(100, 'x'));
    const diagnostics = await client.diagnosticsMatching(uri, (d) => !hasCode('file-too-large')(d));
    assert.equal(hasCode('file-too-large')(diagnostics), false);
    await client.close(uri);
  });

  it('hover far past the line end', async () => {
    const uri = client.uri(ROLE);
    const lineEnd = { line: 1, character: roleText.split('\n')[1]!.length };
    const far = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: FAR_CHARACTER },
    });
    const atEnd = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: lineEnd,
    });
    assert.ok(atEnd, 'no hover at the line end');
    assert.deepEqual(far, atEnd);
  });

  it('definition far past the line end', async () => {
    const uri = client.uri(ROLE);
    const far = await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: FAR_CHARACTER },
    });
    const atEnd = await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: roleText.split('\n')[1]!.length },
    });
    assert.deepEqual(far, atEnd);
  });

  it('references past the last line', async () => {
    const uri = client.uri(ROLE);
    const result = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: { line: 1_000_000, character: FAR_CHARACTER },
      context: { includeDeclaration: true },
    });
    assert.ok(Array.isArray(result) || result === null);
  });
});
