// The report as JSON: the coverage result with the report's document id and product name,
// file paths relative to the repository, and gaps, obligations and matrix cells in report order.
import type { CoverageResult } from '../../shared/coverage';
import { sortGaps, sortMatrix, sortObligations, uniqueSorted } from './content';
import type { ReportInput } from './input';

export interface ReportJson extends CoverageResult {
  documentId: string;
  productName: string;
}

export function renderJson(input: ReportInput): string {
  const { coverage } = input;
  const report: ReportJson = {
    documentId: input.documentId,
    productName: input.productName,
    ...coverage,
    gaps: sortGaps(coverage.gaps).map((gap) => ({ ...gap, file: input.relativePath(gap.file) })),
    obligations: sortObligations(coverage.obligations).map((obligation) => ({
      ...obligation,
      evidence: uniqueSorted(obligation.evidence.map((file) => input.relativePath(file))),
    })),
    matrix: sortMatrix(coverage.matrix),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
