// Quick fixes for this server's diagnostics, built from the inputs each diagnostic carries
// in `data`: insert the guessed `kind`, replace a value with a suggestion, or quote a
// scalar that YAML 1.1 reads as something other than a string.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, SOURCE, type DiagnosticData } from '../diagnostics';
import { blockAtOffset, blockRange } from '../documents';
import type { ParsedFile } from '../parse-file';
import type { Workspace } from '../workspace';

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
    actions.push(...actionsFor(parsed, diagnostic));
  }
  return actions;
}

function actionsFor(parsed: ParsedFile, diagnostic: Diagnostic): CodeAction[] {
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  if (diagnostic.code === DIAGNOSTIC_CODES.missingKind && data.kind) {
    return [insertKind(parsed, diagnostic, data.kind)];
  }
  if (diagnostic.code === DIAGNOSTIC_CODES.ambiguousScalar) {
    const action = quoteScalar(parsed, diagnostic);
    return action ? [action] : [];
  }
  return (data.suggestions ?? []).map((suggestion, index) =>
    replaceWith(parsed, diagnostic, suggestion, index === 0),
  );
}

function insertKind(parsed: ParsedFile, diagnostic: Diagnostic, kind: string): CodeAction {
  const document = parsed.file.document;
  const block = blockAtOffset(
    parsed.file,
    parsed.blocks,
    document.offsetAt(diagnostic.range.start),
  );
  let position = { line: diagnostic.range.start.line, character: 0 };
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
  suggestion: string,
  preferred: boolean,
): CodeAction {
  const current = parsed.file.document.getText(diagnostic.range);
  const quote = /^(["']).*\1$/s.test(current) && !/^["']/.test(suggestion) ? current[0]! : '';
  // Some suggestions are already quoted, such as `"1.10"` for a version YAML reads as a number.
  const shown = /^["']/.test(suggestion) ? suggestion : `"${suggestion}"`;
  return quickFix(`Change to ${shown}`, parsed.file.uri, diagnostic, preferred, {
    range: diagnostic.range,
    newText: `${quote}${suggestion}${quote}`,
  });
}

function quoteScalar(parsed: ParsedFile, diagnostic: Diagnostic): CodeAction | undefined {
  const text = parsed.file.document.getText(diagnostic.range);
  if (text === '' || /^["']/.test(text) || text.includes('\n')) return undefined;
  const quoted = /["\\]/.test(text) ? `'${text.replace(/'/g, "''")}'` : `"${text}"`;
  return quickFix(`Quote ${text} as the string ${quoted}`, parsed.file.uri, diagnostic, true, {
    range: diagnostic.range,
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
    isPreferred,
    edit: { changes: { [uri]: [edit] } },
  };
}
