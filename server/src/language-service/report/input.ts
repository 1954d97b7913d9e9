// The input of every report format: the coverage, the model it was computed from, and how
// to name and link files.
import type { Range } from 'vscode-languageserver-types';
import type { CoverageResult } from '../../shared/coverage';
import type { Catalog } from '../catalog-types';
import type { WorkspaceModel } from '../model';

export type ReportFormat = 'markdown' | 'html' | 'csv' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'html', 'csv', 'json'];

export interface ReportInput {
  coverage: CoverageResult;
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
