// The report webview and the starter documents, in a real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompetencyLensApi } from '../extension';
import { writeStarterDocuments } from '../starter-templates';
import { EXTENSION_ID, activateExtension, coverageWithGaps, waitFor } from './helpers';

const REPORT_VIEW_TYPE = 'competencyLens.report';

suite('report and starter documents', () => {
  let api: CompetencyLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await coverageWithGaps(api);
  });

  test('report command opens webview', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(
      'competencyLens.showReport',
    );
    assert.equal(panel.viewType, REPORT_VIEW_TYPE);
    assert.equal(api.reportPanel.current, panel);
    // The tab model reaches the extension host after the panel, so wait for it if needed.
    if (!findReportTab()) {
      await waitFor(
        vscode.window.tabGroups.onDidChangeTabs,
        () => findReportTab() !== undefined,
        'the report tab',
      );
    }
    assert.ok(findReportTab(), 'no report tab is open');
  });

  test('report webview has the report', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(
      'competencyLens.showReport',
    );
    const html = panel.webview.html;
    const today = api.coverage.result?.today ?? '';
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.ok(html.includes(today), `the report does not name the analysis date ${today}`);
    for (const obligation of api.coverage.result?.obligations ?? []) {
      assert.ok(html.includes(obligation.title), `the report lacks '${obligation.title}'`);
    }
  });

  test('report link opens its location', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(
      'competencyLens.showReport',
    );
    const link = /href="command:([\w.]+)\?([^"]+)"/.exec(panel.webview.html);
    assert.ok(link, 'the report has no command link');
    const [, command = '', encodedArguments = ''] = link;
    const args = JSON.parse(decodeURIComponent(unescapeHtml(encodedArguments))) as [
      string,
      { start: { line: number; character: number } },
    ];
    assert.equal(command, 'competencyLens.openLocation');

    await vscode.commands.executeCommand(command, ...args);

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor is active after following the link');
    assert.equal(editor.document.uri.toString(), vscode.Uri.parse(args[0]).toString());
    assert.equal(editor.selection.start.line, args[1].start.line);
  });

  test('starter documents skip existing files', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-starter-'));
    const existing = path.join(target, 'competency', 'training-program.yaml');
    fs.mkdirSync(path.dirname(existing), { recursive: true });
    fs.writeFileSync(existing, 'kind: TrainingProgram\nid: kept\n');
    const templates = vscode.Uri.joinPath(
      vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri ?? vscode.Uri.file('/'),
      'templates',
    );

    const result = await writeStarterDocuments(templates, vscode.Uri.file(target));

    assert.deepEqual(
      result.skipped.map((uri) => uri.fsPath),
      [existing],
    );
    assert.equal(fs.readFileSync(existing, 'utf8'), 'kind: TrainingProgram\nid: kept\n');
    assert.ok(result.written.length > 0, 'no starter document was written');
    for (const uri of result.written) {
      assert.ok(fs.existsSync(uri.fsPath), `${uri.fsPath} was not written`);
    }
    fs.rmSync(target, { recursive: true, force: true });
  });
});

function findReportTab(): vscode.Tab | undefined {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return tabs.find(
    (tab) =>
      tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(REPORT_VIEW_TYPE),
  );
}

/** Reverses the HTML escaping of an attribute value. */
function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
