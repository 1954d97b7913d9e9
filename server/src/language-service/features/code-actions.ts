// Quick fixes for this server's diagnostics, built from the inputs each diagnostic carries
// in `data`: insert the guessed `kind`, replace a value with a suggestion, or quote a
// scalar that YAML 1.1 reads as something other than a string. Every edit goes to the range
// of the value the server reported, never to the range the client sent back: some clients
// return ranges in other units, such as Neovim 0.7 with byte columns.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, SOURCE, type DiagnosticData } from '../diagnostics';
import { blockAtOffset, blockRange } from '../documents';
import type { ReferenceKind } from '../model';
import type { ParsedFile } from '../parse-file';
import type { Workspace } from '../workspace';

/** The value a client's diagnostic is about, as the server's own analysis finds it. */
interface ReportedValue {
  range: Range;
  data: DiagnosticData;
  /** The kind of id, when the value is a reference. */
  referenceKind?: ReferenceKind;
}

const UNKNOWN_REFERENCE = 'unknown-reference';

export function getCodeActions(
  workspace: Workspace,
  uri: string,
  _range: Range,
  context: CodeActionContext,
): CodeAction[] {
  const parsed = workspace.getFile(uri);
  if (!parsed) return [];
  if (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) {
    return [];
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const reported = findReportedValue(parsed, diagnostic);
    if (reported) actions.push(...actionsFor(parsed, diagnostic, reported));
  }
  return actions;
}

/**
 * Finds the value a client's diagnostic is about in the current text. That is the server's
 * own diagnostic with the same code and message on an overlapping line. For an unknown
 * reference, it is the reference on an overlapping line that the message names. Returns
 * undefined when neither is found, so no edit lands on text the server did not report.
 */
function findReportedValue(parsed: ParsedFile, diagnostic: Diagnostic): ReportedValue | undefined {
  const own = closest(
    diagnostic.range,
    parsed.diagnostics.filter(
      (candidate) =>
        candidate.code === diagnostic.code &&
        candidate.message === diagnostic.message &&
        linesOverlap(candidate.range, diagnostic.range),
    ),
  );
  if (own) return { range: own.range, data: (own.data ?? {}) as DiagnosticData };
  if (diagnostic.code !== UNKNOWN_REFERENCE) return undefined;
  // Coverage gaps depend on settings the language service does not hold, so an unknown
  // reference is matched to the reference it names instead of to the server's diagnostic.
  const reference = closest(
    diagnostic.range,
    parsed.entities.references.filter(
      (candidate) =>
        linesOverlap(candidate.range, diagnostic.range) &&
        diagnostic.message.includes(`"${candidate.id}"`),
    ),
  );
  if (!reference) return undefined;
  return {
    range: reference.range,
    data: (diagnostic.data ?? {}) as DiagnosticData,
    referenceKind: reference.kind,
  };
}

/** Picks the candidate whose range starts nearest to `range`, preferring the same line. */
function closest<T extends { range: Range }>(range: Range, candidates: T[]): T | undefined {
  const distance = (candidate: T): number =>
    Math.abs(candidate.range.start.line - range.start.line) * 1_000_000 +
    Math.abs(candidate.range.start.character - range.start.character);
  return [...candidates].sort((a, b) => distance(a) - distance(b))[0];
}

function linesOverlap(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

function actionsFor(
  parsed: ParsedFile,
  diagnostic: Diagnostic,
  reported: ReportedValue,
): CodeAction[] {
  const data = reported.data;
  if (diagnostic.code === DIAGNOSTIC_CODES.missingKind && data.kind) {
    return [insertKind(parsed, diagnostic, reported.range, data.kind)];
  }
  if (diagnostic.code === DIAGNOSTIC_CODES.ambiguousScalar) {
    const action = quoteScalar(parsed, diagnostic, reported.range);
    return action ? [action] : [];
  }
  // A suggested person id is a real colleague, so it is offered but never marked preferred,
  // which an automatic "fix all" would apply. A close spelling does not show who was there.
  const mayPrefer = reported.referenceKind !== 'person';
  return (data.suggestions ?? []).map((suggestion, index) =>
    replaceWith(parsed, diagnostic, reported.range, suggestion, mayPrefer && index === 0),
  );
}

function insertKind(
  parsed: ParsedFile,
  diagnostic: Diagnostic,
  range: Range,
  kind: string,
): CodeAction {
  const document = parsed.file.document;
  const block = blockAtOffset(parsed.file, parsed.blocks, document.offsetAt(range.start));
  let position = { line: range.start.line, character: 0 };
  if (block) {
    // Insert before the first key, so leading comments such as a modeline stay on top.
    const contents = block.document.contents;
    const start = contents?.range?.[0] ?? 0;
    position = blockRange(parsed.file, block, start, start).start;
  }
  return quickFix(`Insert "kind: ${kind}"`, parsed.file.uri, diagnostic, true, {
    range: { start: position, end: position },
    newText: `kind: ${kind}\n${' '.repeat(position.character)}`,
  });
}

function replaceWith(
  parsed: ParsedFile,
  diagnostic: Diagnostic,
  range: Range,
  suggestion: string,
  preferred: boolean,
): CodeAction {
  const current = parsed.file.document.getText(range);
  const quote = /^(["']).*\1$/s.test(current) && !/^["']/.test(suggestion) ? current[0]! : '';
  // Some suggestions are already quoted, such as `"1.10"` for a version YAML reads as a number.
  const shown = /^["']/.test(suggestion) ? suggestion : `"${suggestion}"`;
  return quickFix(`Change to ${shown}`, parsed.file.uri, diagnostic, preferred, {
    range,
    newText: `${quote}${suggestion}${quote}`,
  });
}

function quoteScalar(
  parsed: ParsedFile,
  diagnostic: Diagnostic,
  range: Range,
): CodeAction | undefined {
  const text = parsed.file.document.getText(range);
  if (text === '' || /^["']/.test(text) || text.includes('\n')) return undefined;
  const quoted = /["\\]/.test(text) ? `'${text.replace(/'/g, "''")}'` : `"${text}"`;
  return quickFix(`Quote ${text} as the string ${quoted}`, parsed.file.uri, diagnostic, true, {
    range,
    newText: quoted,
  });
}

function quickFix(
  title: string,
  uri: string,
  diagnostic: Diagnostic,
  isPreferred: boolean,
  edit: { range: Range; newText: string },
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(isPreferred ? { isPreferred } : {}),
    edit: { changes: { [uri]: [edit] } },
  };
}
