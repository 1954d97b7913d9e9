// Shared steps of the extension-host suites: activate the extension and wait on its events.
import * as vscode from 'vscode';
import type { CoverageResult } from '../../../server/src/shared/coverage';
import type { CompetencyLensApi } from '../extension';

export const EXTENSION_ID = 'competency-lens.competency-lens';

/** Activates the extension under test and returns the API its `activate` returned. */
export async function activateExtension(): Promise<CompetencyLensApi> {
  const extension = vscode.extensions.getExtension<CompetencyLensApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`Extension ${EXTENSION_ID} is not installed in the test host.`);
  }
  return extension.activate();
}

/** Resolves with the first value of `event` that `accept` returns true for. */
export function waitFor<T>(
  event: vscode.Event<T>,
  accept: (value: T) => boolean,
  description: string,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}.`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (accept(value)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

/**
 * Resolves with a coverage result that has gaps, the current one or the next one the
 * server publishes once it has read the workspace.
 */
export async function coverageWithGaps(api: CompetencyLensApi): Promise<CoverageResult> {
  const current = api.coverage.result;
  if (current && current.gaps.length > 0) {
    return current;
  }
  const next = waitFor(
    api.coverage.onDidChange,
    (result) => result !== undefined && result.gaps.length > 0,
    'a coverage result with gaps',
  );
  await api.coverage.refresh();
  const result = await next;
  if (!result) {
    throw new Error('The coverage request failed.');
  }
  return result;
}
