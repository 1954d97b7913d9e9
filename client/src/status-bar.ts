// The status bar item: how many people are fully covered, of all people with records.
import * as vscode from 'vscode';
import type { CoverageResult } from '../../server/src/shared/coverage';
import type { CoverageStore } from './coverage-store';
import { hasCompetencyDocuments } from './coverage-store';

export const SHOW_COVERAGE_COMMAND = 'competencyLens.showCoverage';

export function createStatusBar(store: CoverageStore): vscode.Disposable & {
  item: vscode.StatusBarItem;
} {
  const item = vscode.window.createStatusBarItem(
    'competencyLens.status',
    vscode.StatusBarAlignment.Left,
  );
  item.name = 'Competency Lens Coverage';
  item.command = SHOW_COVERAGE_COMMAND;
  const subscription = store.onDidChange((result) => update(item, result));
  update(item, store.result);
  return {
    item,
    dispose: () => {
      subscription.dispose();
      item.dispose();
    },
  };
}

function update(item: vscode.StatusBarItem, result: CoverageResult | undefined): void {
  // Without competency documents the welcome view shows instead, and "0/0 covered" is noise.
  if (!result || !hasCompetencyDocuments(result)) {
    item.hide();
    return;
  }
  const { people, peopleFullyCovered, gapsBySeverity } = result.summary;
  item.text = `$(shield) ${peopleFullyCovered}/${people} covered`;
  item.tooltip =
    `${peopleFullyCovered} of ${people} people are fully trained and assessed for their roles ` +
    `as of ${result.today}. Gaps: ${gapsBySeverity.error} errors, ` +
    `${gapsBySeverity.warning} warnings, ${gapsBySeverity.information} information.`;
  item.show();
}
