// Diagnostics of workspace files as plain entries with workspace-relative paths: the form
// the CLI's JSON output and the coverage report both use.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Severity } from '../shared/coverage';
import type { CoverageOptions } from './coverage/analyse';
import { compareText } from './coverage/gap';
import type { Workspace } from './workspace';

/** One diagnostic of the JSON output; the field set is a public interface. */
export interface DiagnosticEntry {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/**
 * Lists the diagnostics of every workspace file, duplicate ids across files included but no
 * coverage gaps, with `relativePath` paths, sorted by place.
 */
export function collectFileDiagnostics(
  workspace: Workspace,
  relativePath: (uri: string) => string,
  options?: CoverageOptions,
): DiagnosticEntry[] {
  const diagnostics: DiagnosticEntry[] = [];
  for (const uri of workspace.uris) {
    for (const diagnostic of workspace.fileDiagnostics(uri, options)) {
      diagnostics.push(toDiagnosticEntry(relativePath(uri), diagnostic));
    }
  }
  return diagnostics.sort(compareLocated);
}

export function toDiagnosticEntry(file: string, diagnostic: Diagnostic): DiagnosticEntry {
  return {
    file,
    range: diagnostic.range,
    severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
    code: String(diagnostic.code ?? ''),
    message: diagnostic.message,
  };
}

interface Located {
  file: string;
  range: Range;
  code: string;
  message: string;
}

export function compareLocated(a: Located, b: Located): number {
  return (
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}
