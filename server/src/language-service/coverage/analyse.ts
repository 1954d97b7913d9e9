// STUB: replaced by the coverage analysis.
import type { CoverageResult } from '../../shared/coverage';
import type { Catalog } from '../catalog-types';
import type { WorkspaceModel } from '../model';

export interface CoverageOptions {
  /** The date the analysis is made for, `YYYY-MM-DD`. */
  today: string;
  /** Days before expiry from which a training counts as expiring. */
  expiryWarningDays: number;
}

export function analyseCoverage(
  _model: WorkspaceModel,
  _catalog: Catalog,
  options: CoverageOptions,
): CoverageResult {
  return {
    today: options.today,
    gaps: [],
    obligations: [],
    matrix: [],
    summary: {
      people: 0,
      peopleFullyCovered: 0,
      roles: 0,
      gapsBySeverity: { error: 0, warning: 0, information: 0, hint: 0 },
    },
  };
}
