// Converts the server's file names and LSP ranges into editor locations and opens them.
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-types';

/** Resolves a gap's `file`: a URI from the language server, or a workspace-relative path. */
export function resolveFile(file: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:/i.test(file)) {
    return vscode.Uri.parse(file);
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, file) : vscode.Uri.file(file);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(
    range.start.line,
    range.start.character,
    range.end.line,
    range.end.character,
  );
}

/** Opens a file with the range selected and revealed, in the given editor column. */
export async function openAt(
  uri: vscode.Uri,
  range: vscode.Range,
  viewColumn: vscode.ViewColumn = vscode.ViewColumn.Active,
): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { selection: range, viewColumn });
}

/** Formats a location as `path:line` with a 1-based line, relative to the workspace. */
export function describeLocation(uri: vscode.Uri, range: vscode.Range): string {
  return `${vscode.workspace.asRelativePath(uri, false)}:${range.start.line + 1}`;
}
