// "Export Coverage Report…": prompts for a format and a file, then writes the server's report.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ReportParams } from '../../server/src/shared/protocol';
import { ReportRequest } from '../../server/src/shared/protocol';
import type { Log } from './log';

type ReportFormat = ReportParams['format'];

interface FormatChoice extends vscode.QuickPickItem {
  format: ReportFormat;
  extension: string;
}

const FORMAT_CHOICES: FormatChoice[] = [
  { label: 'Markdown', format: 'markdown', extension: 'md' },
  { label: 'HTML', format: 'html', extension: 'html' },
  { label: 'CSV', format: 'csv', extension: 'csv', detail: 'One row per gap and per matrix cell' },
  { label: 'JSON', format: 'json', extension: 'json', detail: 'The coverage result as data' },
];

/** Exports the report and resolves to the written file, or `undefined` when the user cancels. */
export async function exportReport(
  client: LanguageClient,
  log: Log,
): Promise<vscode.Uri | undefined> {
  const choice = await vscode.window.showQuickPick(FORMAT_CHOICES, {
    title: 'Export Coverage Report',
    placeHolder: 'Report format',
  });
  if (!choice) {
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `coverage-report.${choice.extension}`;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Coverage Report',
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    filters: { [choice.label]: [choice.extension] },
  });
  if (!target) {
    return undefined;
  }
  try {
    const { content } = await client.sendRequest(ReportRequest.type, { format: choice.format });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  } catch (error) {
    log.error(`Exporting the coverage report to ${target.toString()} failed`, error);
    void vscode.window.showErrorMessage(
      `Exporting the coverage report failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  log.info(`Exported the coverage report to ${target.toString()}`);
  void vscode.window
    .showInformationMessage(
      `Exported the coverage report to ${vscode.workspace.asRelativePath(target)}.`,
      'Open',
    )
    .then((action) => (action === 'Open' ? vscode.window.showTextDocument(target) : undefined));
  return target;
}
