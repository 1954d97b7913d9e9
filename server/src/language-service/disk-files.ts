// Reads workspace files from disk into the workspace, the way the CLI reads them, so the
// editor and CI report the same diagnostics for the same bytes.
import * as fs from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { DIAGNOSTIC_CODES, createDiagnostic } from './diagnostics';
import { decodeFileContent } from './file-content';
import type { Workspace } from './workspace';

const START_OF_FILE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export type DiskReadResult = 'read' | 'unreadable' | 'missing';

/**
 * Reads the file behind `uri` into `workspace`. A missing file is removed from the
 * workspace; a file that cannot be read or decoded is kept with one diagnostic.
 */
export function readFileInto(
  workspace: Workspace,
  uri: string,
  maxBytes: number,
  logger?: ErrorLogger,
): DiskReadResult {
  const fsPath = URI.parse(uri).fsPath;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(fsPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      workspace.removeFile(uri);
      return 'missing';
    }
    const message = `Cannot read this file (${code ?? (error as Error).message}). Check that it exists and is readable.`;
    workspace.setUnreadableFile(
      uri,
      createDiagnostic(
        START_OF_FILE,
        DiagnosticSeverity.Error,
        DIAGNOSTIC_CODES.unreadableFile,
        message,
      ),
    );
    return 'unreadable';
  }
  const decoded = decodeFileContent(bytes, uri, { maxBytes });
  if ('diagnostic' in decoded) {
    workspace.setUnreadableFile(uri, decoded.diagnostic);
    return 'unreadable';
  }
  return setFileOrReportError(workspace, uri, decoded.text, 0, logger) ? 'read' : 'unreadable';
}

export interface ErrorLogger {
  warn(message: string): void;
}

/**
 * Reads `text` into the workspace as the content of `uri`. When the analysis throws, the
 * file is kept with one `file-unreadable` diagnostic naming the error, so the user sees the
 * failure on the document and not only in the server log. Returns false in that case.
 */
export function setFileOrReportError(
  workspace: Workspace,
  uri: string,
  text: string,
  version: number,
  logger?: ErrorLogger,
): boolean {
  try {
    workspace.setFile(uri, text, version);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message =
      `Competency Lens failed while checking this file (${detail}), so it is not checked. ` +
      'Report the error with the file attached, or exclude the file from the checked files.';
    logger?.warn(
      `Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? detail) : detail}`,
    );
    const diagnostic = createDiagnostic(
      START_OF_FILE,
      DiagnosticSeverity.Error,
      DIAGNOSTIC_CODES.unreadableFile,
      message,
    );
    workspace.setUnreadableFile(uri, diagnostic);
    return false;
  }
}

export function uriToPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export function pathToUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}
