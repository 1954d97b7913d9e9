import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codesOf, copyFixture, LspTestClient } from '../helpers/lsp-client';
import { fixture } from '../helpers/paths';

const SETTINGS = { today: '2026-06-01' };

const UNKNOWN_ROLE_RECORD = `kind: TrainingRecord
person:
  id: p-0099
assignments:
  - role: device-threat-modeller
    from: 2026-01-05
completed: []
`;

function hasCode(code: string) {
  return (diagnostics: { code?: number | string }[]) =>
    diagnostics.some((diagnostic) => diagnostic.code === code);
}

function lacksCode(code: string) {
  return (diagnostics: { code?: number | string }[]) => !hasCode(code)(diagnostics);
}

function readFixture(relativePath: string): string {
  return fs.readFileSync(fixture('lsp', 'workspace', relativePath), 'utf8');
}

describe('lsp diagnostics', { timeout: 30_000 }, () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = copyFixture(fixture('lsp', 'workspace'));
    fs.writeFileSync(path.join(folder, 'records', 'p-0099.yaml'), UNKNOWN_ROLE_RECORD);
    fs.mkdirSync(path.join(folder, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'node_modules', 'pkg', 'record.yaml'), UNKNOWN_ROLE_RECORD);
    client = await LspTestClient.start({ folder, settings: SETTINGS });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('scan publishes files never opened', async () => {
    const diagnostics = await client.diagnosticsMatching(
      client.uri('records/p-0099.yaml'),
      hasCode('unknown-reference'),
    );
    const unknown = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-reference')!;
    assert.match(unknown.message, /device-threat-modeller/);
    assert.deepEqual(unknown.range.start, { line: 4, character: 10 });
    assert.equal(unknown.source, 'competency-lens');
  });

  it('scan skips node_modules', () => {
    const skipped = client.uri('node_modules/pkg/record.yaml');
    assert.equal(client.diagnostics.has(skipped), false);
  });

  it('scan resolves references across files', async () => {
    const uri = client.uri('records/p-0042.yaml');
    const diagnostics = await client.diagnosticsMatching(uri, hasCode('person-missing-training'));
    assert.equal(codesOf(diagnostics).includes('unknown-reference'), false);
  });

  it('registers a watcher for yaml and markdown', () => {
    const watcher = client.registrations.find(
      (registration) => registration.method === 'workspace/didChangeWatchedFiles',
    );
    assert.ok(watcher, 'no file watcher registered');
    const options = watcher.registerOptions as { watchers: { globPattern: string }[] };
    assert.deepEqual(
      options.watchers.map((entry) => entry.globPattern),
      ['**/*.{yaml,yml,md}'],
    );
  });

  it('open publishes the editor text', async () => {
    const uri = client.uri('records/p-0042.yaml');
    const text = readFixture('records/p-0042.yaml').replace(
      'role: device-threat-modeler',
      'role: device-threat-modeller',
    );
    const published = client.nextDiagnostics(uri);
    await client.open('records/p-0042.yaml', text);
    const diagnostics = await published;
    const unknown = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-reference');
    assert.ok(unknown, `expected unknown-reference, got ${codesOf(diagnostics).join(', ')}`);
    assert.deepEqual(unknown.data, { suggestions: ['device-threat-modeler'] });
  });

  it('change republishes after the edit', async () => {
    const uri = client.uri('records/p-0042.yaml');
    const text = readFixture('records/p-0042.yaml').replace('id: p-0042', 'id: p-0042\n  name: No');
    const published = client.nextDiagnostics(uri);
    await client.change(uri, text);
    const diagnostics = await published;
    assert.equal(codesOf(diagnostics).includes('unknown-reference'), false);
    assert.equal(codesOf(diagnostics).includes('yaml11-ambiguous'), true);
  });

  it('open republishes other files', async () => {
    const profile = client.uri('profiles/device-threat-modeler-profile.yaml');
    const text = readFixture('roles/device-threat-modeler.yaml').replace(
      'id: device-threat-modeler',
      'id: firmware-threat-modeler',
    );
    const profilePublished = client.nextDiagnostics(profile, hasCode('unknown-reference'));
    await client.open('roles/device-threat-modeler.yaml', text);
    const unknown = (await profilePublished).find((d) => d.code === 'unknown-reference')!;
    assert.match(unknown.message, /device-threat-modeler/);
  });

  it('close falls back to the disk', async () => {
    const uri = client.uri('roles/device-threat-modeler.yaml');
    const profile = client.uri('profiles/device-threat-modeler-profile.yaml');
    const profilePublished = client.nextDiagnostics(profile, lacksCode('unknown-reference'));
    await client.close(uri);
    const diagnostics = await profilePublished;
    assert.equal(codesOf(diagnostics).includes('unknown-reference'), false);
  });

  it('close of an edited file rereads it', async () => {
    const uri = client.uri('records/p-0042.yaml');
    const published = client.nextDiagnostics(uri, lacksCode('yaml11-ambiguous'));
    await client.close(uri);
    assert.equal(codesOf(await published).includes('person-missing-training'), true);
  });

  it('watched creation reads the new file', async () => {
    const uri = client.uri('records/p-0100.yaml');
    const published = client.nextDiagnostics(uri);
    await client.writeFile('records/p-0100.yaml', UNKNOWN_ROLE_RECORD.replace('p-0099', 'p-0100'));
    assert.equal(codesOf(await published).includes('unknown-reference'), true);
  });

  it('watched change rereads the file', async () => {
    const uri = client.uri('records/p-0100.yaml');
    const published = client.nextDiagnostics(uri);
    await client.writeFile(
      'records/p-0100.yaml',
      UNKNOWN_ROLE_RECORD.replace('p-0099', 'p-0100').replace('modeller', 'modeler'),
    );
    assert.equal(codesOf(await published).includes('unknown-reference'), false);
  });

  it('watched deletion clears diagnostics', async () => {
    const uri = client.uri('records/p-0099.yaml');
    const published = client.nextDiagnostics(uri);
    await client.deleteFile('records/p-0099.yaml');
    assert.deepEqual(await published, []);
  });

  it('watched folder deletion clears files', async () => {
    const uri = client.uri('records/p-0100.yaml');
    const published = client.nextDiagnostics(uri);
    fs.rmSync(path.join(folder, 'records'), { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri('records'), type: 3 }],
    });
    assert.deepEqual(await published, []);
    fs.mkdirSync(path.join(folder, 'records'));
  });

  it('binary file gets one diagnostic', async () => {
    const uri = client.uri('records/scan.yaml');
    const published = client.nextDiagnostics(uri);
    fs.writeFileSync(path.join(folder, 'records', 'scan.yaml'), Buffer.from([0x6b, 0x00, 0x01]));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri, type: 1 }],
    });
    assert.deepEqual(codesOf(await published), ['file-binary']);
  });
});
