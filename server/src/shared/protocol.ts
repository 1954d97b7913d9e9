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

export namespace CoverageRequest {
  export const method = 'competencyLens/coverage';
  export const type = new RequestType<CoverageParams, CoverageResult, void>(method);
}

/** Sent after any change that may alter the coverage; the client then requests it again. */
export namespace CoverageChangedNotification {
  export const method = 'competencyLens/coverageChanged';
  export const type = new NotificationType<{ generation: number }>(method);
}

export namespace ReportRequest {
  export const method = 'competencyLens/report';
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}
