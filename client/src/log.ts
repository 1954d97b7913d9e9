// The extension's own log, kept apart from the language server's trace. It writes to the
// "Competency Lens" log output channel, which the language client shares for server output.
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private shownOnError = false;

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  /** Logs an error and reveals the channel the first time, so a failure is not silent. */
  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : error;
    this.channel.error(detail === undefined ? message : `${message}: ${String(detail)}`);
    if (!this.shownOnError) {
      this.shownOnError = true;
      this.channel.show(true);
    }
  }

  dispose(): void {
    this.channel.dispose();
  }
}
