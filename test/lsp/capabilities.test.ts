import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { CoverageChangedNotification, CoverageRequest } from '../../server/src/shared/protocol';
import { copyFixture, FULL_CAPABILITIES, LspTestClient } from '../helpers/lsp-client';
import { fixture } from '../helpers/paths';

describe('lsp capabilities', { timeout: 30_000 }, () => {
  it('full client gets every provider', async () => {
    const folder = copyFixture(fixture('lsp', 'workspace'));
    const client = await LspTestClient.start({ folder, capabilities: FULL_CAPABILITIES });
    try {
      const capabilities = client.initializeResult!.capabilities;
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
      assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
      assert.equal(capabilities.hoverProvider, true);
      assert.equal(capabilities.definitionProvider, true);
      assert.equal(capabilities.referencesProvider, true);
      assert.equal(capabilities.documentSymbolProvider, true);
      assert.ok(capabilities.completionProvider);
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('minimal client', () => {
    let client: LspTestClient;
    let folder: string;

    before(async () => {
      folder = copyFixture(fixture('lsp', 'workspace'));
      client = await LspTestClient.start({ folder, capabilities: {} });
      await client.diagnosticsMatching(client.uri('records/p-0042.yaml'), (d) => d.length > 0);
    });

    after(async () => {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('omits code actions and watchers', () => {
      const capabilities = client.initializeResult!.capabilities;
      assert.equal(capabilities.codeActionProvider, undefined);
      assert.equal(capabilities.renameProvider, true);
      assert.deepEqual(client.registrations, []);
    });

    it('symbols come as a flat list', async () => {
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri: client.uri('profiles/device-threat-modeler-profile.yaml') },
      })) as SymbolInformation[];
      assert.deepEqual(
        symbols.map((symbol) => [symbol.name, symbol.containerName]),
        [
          ['device-threat-modeler-profile', undefined],
          ['stride-workshop', 'device-threat-modeler-profile'],
        ],
      );
    });

    it('reads pushed settings', async () => {
      const changed = client.nextNotification(CoverageChangedNotification.method);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { competencyLens: { today: '2027-03-04' } },
      });
      await changed;
      const coverage = await client.connection.sendRequest(CoverageRequest.type, {});
      assert.equal(coverage.today, '2027-03-04');
    });
  });

  for (const [shape, options] of [
    ['section', { competencyLens: { today: '2027-05-06' } }],
    ['settings and section', { settings: { competencyLens: { today: '2027-05-06' } } }],
  ] as const) {
    it(`reads initialization options (${shape})`, async () => {
      const folder = copyFixture(fixture('lsp', 'workspace'));
      const client = await LspTestClient.start({
        folder,
        capabilities: {},
        initializationOptions: options,
      });
      try {
        const coverage = await client.connection.sendRequest(CoverageRequest.type, {});
        assert.equal(coverage.today, '2027-05-06');
      } finally {
        await client.stop();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
