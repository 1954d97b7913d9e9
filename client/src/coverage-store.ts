// The latest coverage result from the language server. The store requests it again on each
// `competencyLens/coverageChanged` notification and notifies the tree view and the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CoverageResult } from '../../server/src/shared/coverage';
import { CoverageChangedNotification, CoverageRequest } from '../../server/src/shared/protocol';
import type { Log } from './log';

export class CoverageStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<CoverageResult | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private latest: CoverageResult | undefined;
  /** Counts requests so that a slow, older response never replaces a newer one. */
  private requestGeneration = 0;

  /** Fires after each refresh with the new result, or `undefined` when the request failed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: Log,
  ) {
    this.disposables.push(
      client.onNotification(CoverageChangedNotification.type, () => {
        void this.refresh();
      }),
    );
  }

  get result(): CoverageResult | undefined {
    return this.latest;
  }

  /** Requests the coverage from the server and resolves once the result is published. */
  async refresh(): Promise<CoverageResult | undefined> {
    const generation = ++this.requestGeneration;
    let result: CoverageResult | undefined;
    try {
      result = await this.client.sendRequest(CoverageRequest.type, {});
    } catch (error) {
      this.log.error('Coverage request failed', error);
    }
    if (generation !== this.requestGeneration) {
      return this.latest;
    }
    this.latest = result;
    const hasDocuments = result !== undefined && hasCompetencyDocuments(result);
    await vscode.commands.executeCommand('setContext', 'competencyLens.coverageLoaded', true);
    await vscode.commands.executeCommand('setContext', 'competencyLens.hasDocuments', hasDocuments);
    this.changeEmitter.fire(result);
    return result;
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

/** Returns true when the workspace has a competency document, as evidence for an obligation. */
export function hasCompetencyDocuments(result: CoverageResult): boolean {
  return result.obligations.some((obligation) => obligation.evidence.length > 0);
}
