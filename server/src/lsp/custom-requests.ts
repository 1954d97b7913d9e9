// The custom protocol: the coverage request the tree view shows, the report request, and
// the notification that makes the client request the coverage again.
import { ErrorCodes, ResponseError, type Connection, type Range } from 'vscode-languageserver/node';
import { toDiagnosticEntry } from '../language-service/diagnostic-entries';
import { renderReport, type ReportDiagnostic } from '../language-service/report/render';
import type { RepositoryConfig } from '../language-service/config';
import type { CoverageOptions } from '../language-service/coverage/analyse';
import type { Workspace } from '../language-service/workspace';
import type { CoverageResult } from '../shared/coverage';
import {
  CoverageChangedNotification,
  OPEN_LOCATION_COMMAND,
  type CoverageParams,
  type ReportParams,
  type ReportResult,
} from '../shared/protocol';
import { coverageOptions, isValidDate, reportLabels, type ServerSettings } from './settings';

/** Command the extension registers to open a file at a range; report webviews link to it. */
const REPORT_FORMATS = ['markdown', 'html', 'csv', 'json'];

export interface RequestContext {
  workspace: Workspace;
  settings: ServerSettings;
  config: RepositoryConfig;
  /** Converts a document URI to the path shown in the report. */
  relativePath(uri: string): string;
}

export function handleCoverageRequest(
  context: RequestContext,
  params: CoverageParams | undefined,
): CoverageResult {
  return context.workspace.coverage(requestOptions(context, params));
}

export function handleReportRequest(context: RequestContext, params: ReportParams): ReportResult {
  const { workspace, settings, config } = context;
  if (!REPORT_FORMATS.includes(params.format)) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `Unknown report format "${String(params.format)}"; use one of ${REPORT_FORMATS.join(', ')}.`,
    );
  }
  const options = requestOptions(context, params);
  const content = renderReport(
    {
      coverage: workspace.coverage(options),
      diagnostics: fileDiagnostics(context, options),
      model: workspace.model,
      catalog: workspace.context.catalog,
      ...reportLabels(settings, config),
      relativePath: context.relativePath,
      ...(params.forWebview ? { link: commandLink } : {}),
    },
    params.format,
  );
  return { content };
}

export function sendCoverageChanged(connection: Connection, generation: number): void {
  void connection.sendNotification(CoverageChangedNotification.type, { generation });
}

function requestOptions(context: RequestContext, params: CoverageParams | undefined) {
  const options = coverageOptions(context.settings, context.config);
  const today = params?.today;
  if (today === undefined || today === '') return options;
  if (!isValidDate(today)) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `Invalid date "${today}" in the request; use YYYY-MM-DD.`,
    );
  }
  return { ...options, today };
}

/**
 * Lists the diagnostics of every workspace file with the paths the report shows for gaps,
 * keeping each URI so a webview link opens the file in its own workspace folder.
 */
function fileDiagnostics(context: RequestContext, options: CoverageOptions): ReportDiagnostic[] {
  const { workspace, relativePath } = context;
  return workspace.uris.flatMap((uri) => {
    const file = relativePath(uri);
    const diagnostics = workspace.fileDiagnostics(uri, options);
    return diagnostics.map((diagnostic) => ({ ...toDiagnosticEntry(file, diagnostic), uri }));
  });
}

/** Builds a `command:` link that opens `uri` at `range` through the extension's command. */
function commandLink(uri: string, range: Range): string {
  return `command:${OPEN_LOCATION_COMMAND}?${encodeURIComponent(JSON.stringify([uri, range]))}`;
}
