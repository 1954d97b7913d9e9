// Starts the Competency Lens language server (the bundled `dist/server.js`) over IPC for
// YAML and Markdown files on disk.
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

export const CLIENT_ID = 'competencyLens';
export const CLIENT_NAME = 'Competency Lens';

/** The files the server reads. The server applies `competencyLens.files.exclude` to them. */
export const WATCHED_FILES = '**/*.{yaml,yml,md}';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=127.0.0.1:6009'] },
    },
  };

  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
  context.subscriptions.push(watcher);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: CLIENT_ID,
      fileEvents: watcher,
    },
    outputChannel,
    traceOutputChannel: outputChannel,
  };

  // The client reads the `competencyLens.trace.server` setting itself, from its id.
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
