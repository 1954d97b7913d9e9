// Entry point of the Competency Lens extension: starts the language server and wires the
// coverage tree view, the status bar item, the report webview and the commands to it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CoverageStore } from './coverage-store';
import { COVERAGE_VIEW_ID, CoverageTreeProvider } from './coverage-tree';
import { registerGapCommands } from './gap-commands';
import { CLIENT_NAME, createLanguageClient } from './language-client';
import { Log } from './log';
import { exportReport } from './report-export';
import { ReportPanel } from './report-panel';
import { SHOW_COVERAGE_COMMAND, createStatusBar } from './status-bar';
import { createStarterDocuments } from './starter-templates';

/** The extension's parts that `activate` returns, for the extension-host tests to drive. */
export interface CompetencyLensApi {
  client: LanguageClient;
  coverage: CoverageStore;
  tree: CoverageTreeProvider;
  treeView: vscode.TreeView<unknown>;
  statusBarItem: vscode.StatusBarItem;
  reportPanel: ReportPanel;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CompetencyLensApi> {
  const log = new Log(CLIENT_NAME);
  context.subscriptions.push(log);

  client = createLanguageClient(context, log.channel);
  const coverage = new CoverageStore(client, log);
  const tree = new CoverageTreeProvider(coverage);
  const treeView = vscode.window.createTreeView(COVERAGE_VIEW_ID, {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const statusBar = createStatusBar(coverage);
  const reportPanel = new ReportPanel(client, coverage, log);
  context.subscriptions.push(coverage, tree, treeView, statusBar, reportPanel);

  context.subscriptions.push(
    ...registerGapCommands(log),
    vscode.commands.registerCommand('competencyLens.refreshCoverage', () => coverage.refresh()),
    vscode.commands.registerCommand('competencyLens.showReport', () => reportPanel.show()),
    vscode.commands.registerCommand('competencyLens.exportReport', () =>
      exportReport(requireClient(), log),
    ),
    vscode.commands.registerCommand('competencyLens.createStarterDocuments', () =>
      createStarterDocuments(context.extensionUri, log),
    ),
    vscode.commands.registerCommand(SHOW_COVERAGE_COMMAND, () =>
      vscode.commands.executeCommand(`${COVERAGE_VIEW_ID}.focus`),
    ),
  );

  try {
    await client.start();
    log.info('Language server started');
  } catch (error) {
    log.error('The language server failed to start', error);
  }
  await coverage.refresh();

  return {
    client,
    coverage,
    tree,
    treeView,
    statusBarItem: statusBar.item,
    reportPanel,
  };
}

export async function deactivate(): Promise<void> {
  // A client whose server never started cannot be stopped, and has nothing to stop.
  if (client?.needsStop()) {
    await client.stop();
  }
  client = undefined;
}

function requireClient(): LanguageClient {
  if (!client) {
    throw new Error('The Competency Lens language server is not running.');
  }
  return client;
}
