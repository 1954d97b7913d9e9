import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ReportRequest } from '../../server/src/shared/protocol';
import { copyFixture, LspTestClient } from '../helpers/lsp-client';
import { fixture } from '../helpers/paths';

const CONFIG = '.competency-lens.yaml';

describe('lsp repository configuration', { timeout: 30_000 }, () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = copyFixture(fixture('lsp', 'workspace'));
    fs.writeFileSync(path.join(folder, CONFIG), 'exlcude: [drafts/**]\nexpiryWarningDays: soon\n');
    client = await LspTestClient.start({ folder, settings: { today: '2026-06-01' } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports each config problem once', async () => {
    const diagnostics = await client.diagnosticsMatching(client.uri(CONFIG), (d) => d.length > 0);
    const places = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}`);
    assert.deepEqual(places.sort(), ['0:0', '1:19']);
    assert.match(diagnostics.find((d) => d.range.start.line === 0)!.message, /"exclude"/);
  });

  it('report without labels uses the defaults', async () => {
    const report = await client.connection.sendRequest(ReportRequest.type, { format: 'markdown' });
    assert.match(report.content, /^# Security training and competency report: the product$/m);
    assert.match(report.content, /\| Document \| unnumbered \|/);
  });
});
