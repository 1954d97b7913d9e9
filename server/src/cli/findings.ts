// The result of `check`: file diagnostics and coverage gaps, with workspace-relative paths,
// in a stable order.
import {
  collectFileDiagnostics,
  compareLocated,
  type DiagnosticEntry,
} from '../language-service/diagnostic-entries';
import type { CoverageOptions } from '../language-service/coverage/analyse';
import type { CoverageResult, Gap, Severity } from '../shared/coverage';
import type { LoadedWorkspace } from './load';

export interface CheckSummary {
  today: string;
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  gaps: number;
  people: number;
  peopleFullyCovered: number;
}

export interface CheckResult {
  diagnostics: DiagnosticEntry[];
  gaps: Gap[];
  summary: CheckSummary;
}

export function collectFindings(
  loaded: LoadedWorkspace,
  coverage: CoverageResult,
  options: CoverageOptions,
): CheckResult {
  const { workspace, relativePath } = loaded;
  const diagnostics = collectFileDiagnostics(workspace, relativePath, options);
  const gaps = coverage.gaps.map((gap) => ({ ...gap, file: relativePath(gap.file) }));
  gaps.sort(compareLocated);

  const all = [...diagnostics, ...gaps];
  const count = (severity: Severity): number => all.filter((f) => f.severity === severity).length;
  return {
    diagnostics,
    gaps,
    summary: {
      today: coverage.today,
      files: workspace.uris.length,
      errors: count('error'),
      warnings: count('warning'),
      information: count('information'),
      hints: count('hint'),
      gaps: gaps.length,
      people: coverage.summary.people,
      peopleFullyCovered: coverage.summary.peopleFullyCovered,
    },
  };
}
