// Document problems: the diagnostics of single files (YAML syntax, schema, unreadable
// files) that the report lists after the coverage gaps. It lists errors and warnings, but
// only counts information and hints, because those are notes such as role mappings.
import type { Severity } from '../../shared/coverage';
import type { ReportDiagnostic } from './input';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Counts of document diagnostics, by how the report treats them. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Information and hint diagnostics, which the report counts but does not list. */
  notes: number;
  /** Files with at least one error. */
  filesWithErrors: number;
}

/** True for the severities the report lists as document problems. */
export function isListedProblem(diagnostic: ReportDiagnostic): boolean {
  return diagnostic.severity === 'error' || diagnostic.severity === 'warning';
}

/**
 * Sorts diagnostics by file, line, character, code and message, then by severity and end
 * position, so two runs over the same diagnostics in any order give the same list.
 */
export function sortDiagnostics(diagnostics: readonly ReportDiagnostic[]): ReportDiagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character,
  );
}

export function countProblems(diagnostics: readonly ReportDiagnostic[]): ProblemCounts {
  const count = (severity: Severity): number =>
    diagnostics.filter((d) => d.severity === severity).length;
  const errorFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  return {
    errors: count('error'),
    warnings: count('warning'),
    notes: count('information') + count('hint'),
    filesWithErrors: errorFiles.size,
  };
}

/** Compares by UTF-16 code units, so the order never depends on the machine's locale. */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
