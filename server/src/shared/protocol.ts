// Custom LSP messages between the extension and the server, declared once for both sides.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CoverageResult } from './coverage';

export interface CoverageParams {
  /** Overrides the analysis date, `YYYY-MM-DD`; the server's setting or today otherwise. */
  today?: string;
}

export interface ReportParams extends CoverageParams {
  format: 'markdown' | 'html' | 'csv' | 'json';
  /** Render links for the report webview (command links) instead of relative file links. */
  forWebview?: boolean;
}

export interface ReportResult {
  content: string;
}

export const CoverageRequest = {
  method: 'competencyLens/coverage',
  type: new RequestType<CoverageParams, CoverageResult, void>('competencyLens/coverage'),
} as const;

/** Sent after any change that may alter the coverage; the client then requests it again. */
export const CoverageChangedNotification = {
  method: 'competencyLens/coverageChanged',
  type: new NotificationType<{ generation: number }>('competencyLens/coverageChanged'),
} as const;

export const ReportRequest = {
  method: 'competencyLens/report',
  type: new RequestType<ReportParams, ReportResult, void>('competencyLens/report'),
} as const;

/**
 * Client command that opens a document at a range, with arguments `[uri, range]`. Report
 * links rendered for the webview are command links to it.
 */
export const OPEN_LOCATION_COMMAND = 'competencyLens.openLocation';
