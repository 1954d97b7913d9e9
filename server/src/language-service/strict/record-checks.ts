// Checks the dates of a training record against each other: an assignment that ends before
// it starts, and an assessment dated before the training it assesses. The schema checks each
// date alone, so these are warnings of their own.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createDiagnostic, DIAGNOSTIC_CODES } from '../diagnostics';
import type { YamlBlock } from '../documents';
import { nodeRange } from '../documents';
import type { SourceFile } from '../source-file';
import { findNode, toPointer, type YamlPath } from './yaml-paths';

/** A calendar date as the schemas write it. Such strings sort in the order of their dates. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns a warning for each inconsistent pair of dates in a training record. Dates with a
 * schema error at their pointer (`skipped`) are not compared, because that error comes first.
 */
export function recordConsistencyWarnings(
  file: SourceFile,
  block: YamlBlock,
  data: unknown,
  skipped: ReadonlySet<string>,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const dateAt = (path: YamlPath): string | undefined => {
    if (skipped.has(toPointer(path))) return undefined;
    const value = valueAt(data, path);
    return typeof value === 'string' && ISO_DATE.test(value) ? value : undefined;
  };
  const warnAt = (path: YamlPath, message: string) => {
    const node = findNode(block, path).node;
    if (!node) return;
    const range = nodeRange(file, block, node);
    const code = DIAGNOSTIC_CODES.recordInconsistent;
    warnings.push(createDiagnostic(range, DiagnosticSeverity.Warning, code, message));
  };

  listIndexes(valueAt(data, ['assignments'])).forEach((index) => {
    const from = dateAt(['assignments', index, 'from']);
    const to = dateAt(['assignments', index, 'to']);
    if (from === undefined || to === undefined || to >= from) return;
    warnAt(
      ['assignments', index, 'to'],
      `This assignment ends on ${to}, before it starts on ${from}. ` +
        'Correct the "to" or the "from" date so that "to" is on or after "from".',
    );
  });

  listIndexes(valueAt(data, ['completed'])).forEach((index) => {
    const trained = dateAt(['completed', index, 'date']);
    const assessed = dateAt(['completed', index, 'assessment', 'date']);
    if (trained === undefined || assessed === undefined || assessed >= trained) return;
    warnAt(
      ['completed', index, 'assessment', 'date'],
      `This assessment is dated ${assessed}, before the training it assesses on ${trained}. ` +
        'Correct the assessment date or the training date, since an assessment follows its training.',
    );
  });
  return warnings;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Returns the indexes of `value` when it is a list, else none. */
function listIndexes(value: unknown): number[] {
  return Array.isArray(value) ? value.map((_item, index) => index) : [];
}
