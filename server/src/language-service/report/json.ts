// The report as JSON: the coverage result with the report's document id and product name,
// file paths relative to the repository, gaps, obligations and matrix cells in report order,
// and every diagnostic of single files, information and hints included.
import type { CoverageResult, CoverageSummary, Severity } from '../../shared/coverage';
import { sortGaps, sortMatrix, sortObligations, uniqueSorted } from './content';
import type { ReportDiagnostic, ReportInput } from './input';
import { sortDiagnostics } from './problems';

export interface ReportJson extends CoverageResult {
  documentId: string;
  productName: string;
  /** Diagnostics of single files, sorted by file, line, character, code and message. */
  diagnostics: Omit<ReportDiagnostic, 'uri'>[];
  summary: CoverageSummary & { diagnosticsBySeverity: Record<Severity, number> };
}

export function renderJson(input: ReportInput): string {
  const { coverage } = input;
  const diagnostics = sortDiagnostics(input.diagnostics).map((d) => ({
    file: d.file,
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
  const count = (severity: Severity): number =>
    diagnostics.filter((d) => d.severity === severity).length;
  const report: ReportJson = {
    documentId: input.documentId,
    productName: input.productName,
    ...coverage,
    gaps: sortGaps(coverage.gaps).map((gap) => ({ ...gap, file: input.relativePath(gap.file) })),
    diagnostics,
    obligations: sortObligations(coverage.obligations).map((obligation) => ({
      ...obligation,
      evidence: uniqueSorted(obligation.evidence.map((file) => input.relativePath(file))),
    })),
    matrix: sortMatrix(coverage.matrix),
    summary: {
      ...coverage.summary,
      diagnosticsBySeverity: {
        error: count('error'),
        warning: count('warning'),
        information: count('information'),
        hint: count('hint'),
      },
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
