// Turns errors and warnings of the `yaml` package into diagnostics that say what is wrong
// and how to fix it. The package's own messages name the problem in parser terms; each
// error code adds the fix a QMS author needs.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isPair, isScalar, visit, type Document, type ErrorCode, type YAMLError } from 'yaml';
import { DIAGNOSTIC_CODES, createDiagnostic } from './diagnostics';
import { ALIAS_LIMIT_MESSAGE, NESTING_LIMIT_MESSAGE } from './yaml-parse';

const FIXES: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT:
    'Indent with spaces so that entries of one mapping or list start in the same column, ' +
    'and nested entries further right than their parent.',
  MISSING_CHAR:
    'Add the missing character; a value that contains ": " or " #" needs quotes around it.',
  MULTILINE_IMPLICIT_KEY:
    'Write each key and its colon on one line, and check that the line above is indented ' +
    'like its neighbours.',
  BLOCK_AS_IMPLICIT_KEY:
    'Put the nested entries on their own, further indented lines, or quote the value if ' +
    'it contains ": ".',
  BLOCK_IN_FLOW:
    'Inside [ ] or { } write the entries on one line separated by commas, or write the ' +
    'whole collection in block style with one entry per line.',
  BAD_SCALAR_START: 'Put the value in quotes.',
  BAD_DQ_ESCAPE: 'Write a backslash as \\\\ in double quotes, or use single quotes.',
  TAG_RESOLVE_FAILED: 'Remove the tag, or quote the value if the ! is part of the text.',
  BAD_COLLECTION_TYPE: 'Remove the tag or use one that fits the value.',
  BAD_ALIAS: 'Check the anchor (&name) and the alias (*name) that refers to it.',
  ALIAS_PROPS: 'Remove the anchor or tag from the alias.',
  MULTIPLE_ANCHORS: 'Keep one anchor (&name) on the value.',
  MULTIPLE_TAGS: 'Keep one tag on the value.',
  BAD_PROP_ORDER: 'Move the anchor or tag after the indicator.',
  BAD_DIRECTIVE: 'Remove the % directive line or correct it, for example "%YAML 1.2".',
  KEY_OVER_1024_CHARS: 'Shorten the key to at most 1024 characters.',
  UNEXPECTED_TOKEN:
    'Check the brackets, quotes and indentation around it, and quote a value that starts ' +
    'with a special character.',
};

/** Default fix for error codes without their own. */
const GENERAL_FIX = 'Check the YAML syntax at this place.';

/**
 * Converts one `yaml` error or warning into a diagnostic. `text` is the text the document
 * was parsed from and `toRange` converts its offsets into a file range.
 */
export function yamlErrorToDiagnostic(
  error: YAMLError,
  document: Document.Parsed | undefined,
  text: string,
  toRange: (start: number, end: number) => Range,
): Diagnostic {
  const severity =
    error.name === 'YAMLWarning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
  const [start, end] = error.pos;
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = document ? findKeyAt(document, start) : undefined;
      const name = key ? key.text : text.slice(start, end);
      const message =
        `The key "${name}" appears more than once in this mapping. ` +
        'Remove the extra entry or rename it.';
      const range = key ? toRange(key.start, key.end) : toRange(start, end);
      return createDiagnostic(range, severity, DIAGNOSTIC_CODES.duplicateKey, message);
    }
    case 'RESOURCE_EXHAUSTION': {
      const message =
        error.message === ALIAS_LIMIT_MESSAGE ? ALIAS_LIMIT_MESSAGE : NESTING_LIMIT_MESSAGE;
      return createDiagnostic(toRange(start, end), severity, DIAGNOSTIC_CODES.tooComplex, message);
    }
    case 'TAB_AS_INDENT': {
      const message =
        'A tab is used for indentation here, but YAML indents with spaces only. ' +
        'Replace the tab with spaces.';
      return createDiagnostic(toRange(start, end), severity, DIAGNOSTIC_CODES.yamlSyntax, message);
    }
    case 'UNEXPECTED_TOKEN': {
      const found = quoteSnippet(text.slice(start, Math.max(end, start + 1)));
      const message = `Unexpected ${found} here. ${FIXES.UNEXPECTED_TOKEN}`;
      return createDiagnostic(toRange(start, end), severity, DIAGNOSTIC_CODES.yamlSyntax, message);
    }
    default: {
      const message = `${asSentence(error.message)} ${FIXES[error.code] ?? GENERAL_FIX}`;
      return createDiagnostic(toRange(start, end), severity, DIAGNOSTIC_CODES.yamlSyntax, message);
    }
  }
}

/** Finds the scalar key that starts at `offset`, for the name and range of a duplicate. */
function findKeyAt(
  document: Document.Parsed,
  offset: number,
): { text: string; start: number; end: number } | undefined {
  let found: { text: string; start: number; end: number } | undefined;
  visit(document, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return undefined;
      const [start, end] = pair.key.range;
      if (start !== offset) return undefined;
      found = { text: String(pair.key.value), start, end };
      return visit.BREAK;
    },
  });
  return found;
}

/** Formats source text for a message: the first line, at most 20 characters, quoted. */
function quoteSnippet(source: string): string {
  const line = source.split(/\r?\n|\r/)[0]!.trim();
  if (line === '') return 'end of line';
  const short = line.length > 20 ? `${line.slice(0, 20)}…` : line;
  return `"${short}"`;
}

/**
 * Makes a `yaml` message a sentence: capitalised, ending in a full stop, and with its
 * `"quote` shorthand for a quote character spelt out.
 */
function asSentence(message: string): string {
  const spelt = message.replace(/closing (["'])quote/, 'closing $1 quote');
  const capitalised = spelt.charAt(0).toUpperCase() + spelt.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
