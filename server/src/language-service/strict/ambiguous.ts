// Warns about unquoted words that YAML 1.2 reads as text but YAML 1.1 reads as booleans,
// so the same file means different things to different tools.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { createDiagnostic, DIAGNOSTIC_CODES } from '../diagnostics';
import type { YamlBlock } from '../documents';
import type { SourceFile } from '../source-file';
import { nodeRange, toPointer, walkValues } from './yaml-paths';

/** The YAML 1.1 boolean words that YAML 1.2's core schema leaves as text. */
const YAML11_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word) => [word, false] as const),
]);

/**
 * Returns a warning for each plain scalar such as `no` that this reader takes as text.
 * Values with a schema error at their pointer are skipped, because that error already
 * names the problem.
 */
export function ambiguousScalarWarnings(
  file: SourceFile,
  block: YamlBlock,
  errorPointers: ReadonlySet<string>,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  walkValues(block, (node, path) => {
    if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string') return;
    const booleanValue = YAML11_BOOLEANS.get(node.value);
    if (booleanValue === undefined || errorPointers.has(toPointer(path))) return;
    const range = nodeRange(file, block, node);
    if (!range) return;
    const quoted = JSON.stringify(node.value);
    const message =
      `YAML 1.1 tools read the unquoted ${node.value} as the boolean ${booleanValue}, ` +
      `but this value is text. Quote it: ${quoted}.`;
    warnings.push(
      createDiagnostic(
        range,
        DiagnosticSeverity.Warning,
        DIAGNOSTIC_CODES.ambiguousScalar,
        message,
        {
          suggestions: [quoted],
        },
      ),
    );
  });
  return warnings;
}
