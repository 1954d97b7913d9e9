// The strict layer: finds the documents of our own kinds in a file's YAML blocks, checks
// each against the JSON Schema of its kind, and converts it into model entities.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { isNode, type Document } from 'yaml';
import { appendAll } from '../collections';
import type { Catalog } from '../catalog-types';
import { defaultConfig, type FrontMatterConventions } from '../config';
import { createDiagnostic, DIAGNOSTIC_CODES } from '../diagnostics';
import type { YamlBlock } from '../documents';
import { DOCUMENT_KINDS, emptyEntities, type DocumentKind, type FileEntities } from '../model';
import type { SourceFile } from '../source-file';
import { closestValues, describeValue } from './messages';
import { ambiguousScalarWarnings } from './ambiguous';
import { convertDocument, IdRegistry } from './entities';
import { findPlaceholders } from './placeholders';
import { recordConsistencyWarnings } from './record-checks';
import { invalidValuePointers, schemaDiagnostics } from './schema-diagnostics';
import { documentScope, type DocumentScope } from './scope';
import { validateAgainstSchema } from './validate';
import { firstLineRange, keyRange, nodeRange } from './yaml-paths';

/** A YAML document of one of the strict kinds, or one in scope that lacks its kind. */
export interface StrictDocument {
  block: YamlBlock;
  kind?: DocumentKind;
}

export interface StrictReadResult {
  entities: FileEntities;
  diagnostics: Diagnostic[];
  documents: StrictDocument[];
}

/**
 * YAML errors after which the parsed data still matches what the user wrote, so schema
 * checks on it are meaningful. After any other error the data may be cut short or nested
 * wrongly, and only the YAML error is reported.
 */
const HARMLESS_YAML_ERRORS = new Set([
  'DUPLICATE_KEY',
  'BAD_DQ_ESCAPE',
  'BAD_DIRECTIVE',
  'KEY_OVER_1024_CHARS',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_TAGS',
  'TAG_RESOLVE_FAILED',
]);

/**
 * Reads the strict documents of a file. `conventions` are the front matter keys and values
 * that mark a Markdown job description, which stays with the tolerant layer.
 */
export function readStrictDocuments(
  file: SourceFile,
  blocks: YamlBlock[],
  _catalog: Catalog,
  conventions: FrontMatterConventions = defaultConfig().frontMatter,
): StrictReadResult {
  const result: StrictReadResult = { entities: emptyEntities(), diagnostics: [], documents: [] };
  const ids = new IdRegistry(file.uri);
  for (const block of blocks) {
    const scope = documentScope(file, block, conventions);
    if (scope) readDocument(file, block, scope, ids, result);
  }
  appendAll(result.diagnostics, ids.diagnostics);
  result.diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return result;
}

function readDocument(
  file: SourceFile,
  block: YamlBlock,
  scope: DocumentScope,
  ids: IdRegistry,
  result: StrictReadResult,
): void {
  const declared = scope.reason === 'kind' ? declaredKind(file, block, scope, result) : undefined;
  if (scope.reason === 'kind' && !declared) {
    result.documents.push({ block });
    return;
  }
  if (!declared) result.diagnostics.push(missingKind(file, block, scope));
  result.documents.push({ block, ...(declared ? { kind: declared } : {}) });

  const kind = declared ?? scope.guessedKind;
  const data = block.value;
  if (!kind || data === undefined || data === null) return;

  const placeholders = findPlaceholders(file, block);
  appendAll(result.entities.unfilled, placeholders.unfilled);
  const errors = isMeaningful(block.document) ? validateAgainstSchema(kind, data) : [];
  const context = {
    file,
    block,
    kind,
    data,
    placeholders: placeholders.pointers,
    kindMissing: !declared,
  };
  appendAll(result.diagnostics, schemaDiagnostics(errors, context));

  const invalid = invalidValuePointers(errors);
  appendAll(result.diagnostics, ambiguousScalarWarnings(file, block, invalid));
  const skipped = new Set([...invalid, ...placeholders.pointers]);
  convertDocument(kind, { file, block, data, skipped, entities: result.entities, ids });
  if (kind === 'TrainingRecord') {
    appendAll(result.diagnostics, recordConsistencyWarnings(file, block, data, skipped));
  }
}

/** The kind a `kind:` key names; reports `unknown-kind` and returns undefined otherwise. */
function declaredKind(
  file: SourceFile,
  block: YamlBlock,
  scope: DocumentScope,
  result: StrictReadResult,
): DocumentKind | undefined {
  const value = scope.kindValue;
  const kind = DOCUMENT_KINDS.find((known) => known === value);
  if (kind) return kind;
  const suggestions = typeof value === 'string' ? closestValues(value, DOCUMENT_KINDS) : [];
  if (scope.guessedKind && !suggestions.includes(scope.guessedKind)) {
    suggestions.push(scope.guessedKind);
  }
  const isEmpty = value === null || value === undefined || value === '';
  const problem = isEmpty ? 'The "kind" is empty.' : `Unknown kind ${describeValue(value)}.`;
  const message =
    `${problem} Use one of ${DOCUMENT_KINDS.join(', ')}.` +
    (suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '');
  const range = kindRange(file, block, scope);
  result.diagnostics.push(
    createDiagnostic(range, DiagnosticSeverity.Error, DIAGNOSTIC_CODES.unknownKind, message, {
      suggestions,
    }),
  );
  return undefined;
}

/** Returns the range of the kind's value, or of the `kind` key when the value is empty. */
function kindRange(file: SourceFile, block: YamlBlock, scope: DocumentScope): Range {
  const pair = scope.kindPair;
  const valueNode = pair?.value;
  if (isNode(valueNode) && valueNode.range && valueNode.range[0] < valueNode.range[1]) {
    return nodeRange(file, block, valueNode);
  }
  return (pair && keyRange(file, block, pair)) ?? firstLineRange(file, block);
}

function missingKind(file: SourceFile, block: YamlBlock, scope: DocumentScope): Diagnostic {
  const reason =
    scope.reason === 'schema' ? 'that the schema reference names' : 'that the file name suggests';
  const guess = scope.guessedKind;
  const message = guess
    ? `Missing "kind". Add "kind: ${guess}", the kind ${reason}.`
    : `Missing "kind". Add "kind:" with one of ${DOCUMENT_KINDS.join(', ')}.`;
  return createDiagnostic(
    firstLineRange(file, block),
    DiagnosticSeverity.Error,
    DIAGNOSTIC_CODES.missingKind,
    message,
    guess ? { kind: guess } : undefined,
  );
}

function isMeaningful(document: Document.Parsed): boolean {
  return document.errors.every((error) => HARMLESS_YAML_ERRORS.has(error.code));
}
