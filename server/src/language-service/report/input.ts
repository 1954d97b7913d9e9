// The input of every report format: the coverage, the model it was computed from, the
// diagnostics of single files, and how to name and link files.
import type { Range } from 'vscode-languageserver-types';
import type { CoverageResult, Severity } from '../../shared/coverage';
import type { Catalog } from '../catalog-types';
import type { WorkspaceModel } from '../model';

export type ReportFormat = 'markdown' | 'html' | 'csv' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'html', 'csv', 'json'];

/**
 * A diagnostic of one file, such as a YAML syntax error or a schema error, with the same
 * fields as a diagnostic of the `check` command's JSON output.
 */
export interface ReportDiagnostic {
  /** Path relative to the repository, shown to the reader as it is. */
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  /**
   * The document URI, passed to `link` in place of `file` when the caller has it, so a
   * webview link opens the right file in a multi-root workspace. The JSON output leaves it out.
   */
  uri?: string;
}

export interface ReportInput {
  coverage: CoverageResult;
  /** Diagnostics of every workspace file, in any order. */
  diagnostics: readonly ReportDiagnostic[];
  model: WorkspaceModel;
  catalog: Catalog;
  /** The QMS document number the report is filed under, such as `SEC-REP-004`. */
  documentId: string;
  productName: string;
  /**
   * Turns a document URI, or a path in the form `Gap.file` uses, into the path shown to
   * the reader, relative to the repository.
   */
  relativePath(uri: string): string;
  /** Builds the link target for a place in a document, such as a webview command link. */
  link?: (uri: string, range: Range) => string;
}
