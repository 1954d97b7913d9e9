import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../server/src/shared/coverage';
import {
  CoverageChangedNotification,
  CoverageRequest,
  ReportRequest,
} from '../../server/src/shared/protocol';
import { copyFixture, LspTestClient } from '../helpers/lsp-client';
import { fixture } from '../helpers/paths';

const RECORD = 'records/p-0042.yaml';

const COMPLETED = `completed:
  - training: stride-workshop
    date: 2026-01-20
    version: "2.1"
    assessment:
      method: peer-review
      result: pass
      assessor: p-0007
      date: 2026-01-27
`;

function missingTrainingOf(coverage: CoverageResult, person: string) {
  return coverage.gaps.filter(
    (gap) => gap.code === 'person-missing-training' && gap.people.includes(person),
  );
}

describe('lsp coverage', { timeout: 30_000 }, () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = copyFixture(fixture('lsp', 'workspace'));
    client = await LspTestClient.start({
      folder,
      settings: { today: '2026-06-01', report: { documentId: 'SEC-REP-007', productName: 'Pump' } },
    });
    await client.diagnosticsMatching(client.uri(RECORD), (d) => d.length > 0);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('coverage request reports the gap', async () => {
    const coverage = await client.connection.sendRequest(CoverageRequest.type, {});
    assert.equal(coverage.today, '2026-06-01');
    const gaps = missingTrainingOf(coverage, 'p-0042');
    assert.equal(gaps.length, 1);
    assert.equal(gaps[0]!.file, client.uri(RECORD));
  });

  it('coverage follows an edit', async () => {
    const text = fs.readFileSync(fixture('lsp', 'workspace', RECORD), 'utf8');
    const uri = await client.open(RECORD, text);
    const changed = client.nextNotification<{ generation: number }>(
      CoverageChangedNotification.method,
    );
    const published = client.nextDiagnostics(
      uri,
      (diagnostics) => !diagnostics.some((d) => d.code === 'person-missing-training'),
    );
    await client.change(uri, text.replace('completed: []\n', COMPLETED));
    await published;
    const notification = await changed;
    assert.equal(typeof notification.generation, 'number');
    const coverage = await client.connection.sendRequest(CoverageRequest.type, {});
    assert.deepEqual(missingTrainingOf(coverage, 'p-0042'), []);
    const cell = coverage.matrix.find((entry) => entry.person === 'p-0042');
    assert.equal(cell?.status, 'done');
  });

  it('coverage request sees an edit at once', async () => {
    // The request flushes pending edits, so its answer never waits for the debounce.
    const text = fs.readFileSync(fixture('lsp', 'workspace', RECORD), 'utf8');
    const uri = client.uri(RECORD);
    await client.change(uri, text);
    const before = await client.connection.sendRequest(CoverageRequest.type, {});
    assert.equal(missingTrainingOf(before, 'p-0042').length, 1);
    await client.change(uri, text.replace('completed: []\n', COMPLETED));
    const after = await client.connection.sendRequest(CoverageRequest.type, {});
    assert.deepEqual(missingTrainingOf(after, 'p-0042'), []);
  });

  it('coverage request takes a date', async () => {
    const coverage = await client.connection.sendRequest(CoverageRequest.type, {
      today: '2030-01-01',
    });
    assert.equal(coverage.today, '2030-01-01');
    const expired = coverage.gaps.filter(
      (gap) => gap.code === 'training-expired' && gap.people.includes('p-0042'),
    );
    assert.equal(expired.length, 1);
  });

  it('coverage request rejects a bad date', async () => {
    await assert.rejects(
      client.connection.sendRequest(CoverageRequest.type, { today: '01.06.2026' }),
      /YYYY-MM-DD/,
    );
  });

  it('report request renders markdown', async () => {
    const report = await client.connection.sendRequest(ReportRequest.type, { format: 'markdown' });
    assert.match(report.content, /SEC-REP-007/);
    assert.match(report.content, /Pump/);
    assert.match(report.content, /\[records\/p-0042\.yaml:\d+\]\(records\/p-0042\.yaml#L\d+\)/);
  });

  it('report links open locations in webviews', async () => {
    const report = await client.connection.sendRequest(ReportRequest.type, {
      format: 'html',
      forWebview: true,
    });
    const link = /href="command:competencyLens\.openLocation\?([^"]+)"/.exec(report.content);
    assert.ok(link, 'no command link in the report');
    const [uri, range] = JSON.parse(decodeURIComponent(link[1]!)) as [string, unknown];
    assert.match(uri, /^file:\/\//);
    assert.equal(typeof range, 'object');
  });

  it('report request rejects an unknown format', async () => {
    await assert.rejects(
      client.connection.sendRequest(ReportRequest.type, {
        format: 'pdf' as unknown as 'markdown',
      }),
      /Unknown report format "pdf"/,
    );
  });

  it('settings change applies live', async () => {
    client.settings = { ...client.settings, today: '2031-02-03' };
    const changed = client.nextNotification(CoverageChangedNotification.method);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    await changed;
    const coverage = await client.connection.sendRequest(CoverageRequest.type, {});
    assert.equal(coverage.today, '2031-02-03');
  });
});
