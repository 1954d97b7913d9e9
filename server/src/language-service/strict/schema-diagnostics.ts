// Turns ajv's errors on one strict document into one diagnostic per problem. Each goes on
// the YAML text that causes it: the key of an unknown property, the value of a wrong one,
// or the key of an object that lacks a required property.
import type { ErrorObject } from 'ajv';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { isMap, isScalar } from 'yaml';
import { createDiagnostic } from '../diagnostics';
import type { YamlBlock } from '../documents';
import type { DocumentKind } from '../model';
import type { SourceFile } from '../source-file';
import {
  alternativesMessage,
  duplicateItemMessage,
  enumMessage,
  formatMessage,
  missingPropertyMessage,
  otherMessage,
  patternMessage,
  rangeMessage,
  typeMessage,
  unknownPropertyMessage,
  type FoundValue,
  type SchemaMessage,
} from './messages';
import {
  findNode,
  firstLineRange,
  keyRange,
  nodeRange,
  nodeSource,
  parsePointer,
  type YamlPath,
} from './yaml-paths';

export interface SchemaErrorContext {
  file: SourceFile;
  block: YamlBlock;
  kind: DocumentKind;
  /** The document's plain data, as validated. */
  data: unknown;
  /** JSON pointers of values holding a template placeholder; their errors are left out. */
  placeholders: ReadonlySet<string>;
  /** True when the document has no `kind`, which is reported on its own already. */
  kindMissing: boolean;
}

const RANGE_KEYWORDS = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
]);

/**
 * Ajv reports an `if` or `propertyNames` failure next to the error that explains it, so
 * those two wrappers add nothing to a message.
 */
const WRAPPER_KEYWORDS = new Set(['if', 'propertyNames']);

export function schemaDiagnostics(
  errors: ErrorObject[],
  context: SchemaErrorContext,
): Diagnostic[] {
  const kept = collapseAlternatives(dropNoise(errors, context));
  return kept.map((error) => toDiagnostic(error, context));
}

/** Keywords whose error means the value itself is wrong, not the object around it. */
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'anyOf',
  'oneOf',
  ...RANGE_KEYWORDS,
]);

/** Returns the JSON pointers of values that fail the schema, so other checks leave them alone. */
export function invalidValuePointers(errors: ErrorObject[]): Set<string> {
  const pointers = errors
    .filter((error) => VALUE_KEYWORDS.has(error.keyword) && error.propertyName === undefined)
    .map((error) => error.instancePath);
  return new Set(pointers);
}

function dropNoise(errors: ErrorObject[], context: SchemaErrorContext): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (WRAPPER_KEYWORDS.has(error.keyword)) return false;
    if (isUnderPlaceholder(error.instancePath, context.placeholders)) return false;
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    if (context.kindMissing && error.instancePath === '' && missing === 'kind') return false;
    const key = `${error.instancePath}|${error.propertyName ?? ''}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isUnderPlaceholder(pointer: string, placeholders: ReadonlySet<string>): boolean {
  for (const placeholder of placeholders) {
    if (pointer === placeholder || pointer.startsWith(`${placeholder}/`)) return true;
  }
  return false;
}

/**
 * Keeps one error per `anyOf`/`oneOf`. When the value has the shape of one branch and fails
 * deeper inside it, that branch's errors are the useful ones. Otherwise the value fits no
 * branch, and the alternatives error alone is reported with every branch listed.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors
    .filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  const dropped = new Set<ErrorObject>();
  for (const alternative of alternatives) {
    if (dropped.has(alternative)) continue;
    const prefix = `${alternative.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      if (!error.schemaPath.startsWith(prefix) || dropped.has(error)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const deeper = [...branches.values()].find((branchErrors) =>
      branchErrors.every((error) => error.instancePath.length > alternative.instancePath.length),
    );
    for (const branchErrors of branches.values()) {
      if (branchErrors === deeper) continue;
      for (const error of branchErrors) dropped.add(error);
    }
    if (deeper) dropped.add(alternative);
  }
  return errors.filter((error) => !dropped.has(error));
}

function toDiagnostic(error: ErrorObject, context: SchemaErrorContext): Diagnostic {
  const path = toYamlPath(error.instancePath, context.data);
  const { message, range } = describe(error, path, context);
  const data = message.suggestions?.length ? { suggestions: message.suggestions } : undefined;
  return createDiagnostic(range, DiagnosticSeverity.Error, message.code, message.message, data);
}

function describe(
  error: ErrorObject,
  path: YamlPath,
  context: SchemaErrorContext,
): { message: SchemaMessage; range: Range } {
  const params = error.params as Record<string, unknown>;
  const found = foundValue(path, context);
  const schema = error.parentSchema as
    { properties?: Record<string, { description?: string }> } | undefined;
  if (error.propertyName !== undefined) {
    const keyPath = [...path, error.propertyName];
    const message = describeValueError(error, keyPath, { value: error.propertyName });
    return { message, range: keyRangeAt(keyPath, context) };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const allowed = Object.keys(schema?.properties ?? {}).filter((name) => name !== '$schema');
      const message = unknownPropertyMessage(property, path, context.kind, allowed);
      return { message, range: keyRangeAt([...path, property], context) };
    }
    case 'required': {
      const property = String(params.missingProperty);
      const description = schema?.properties?.[property]?.description;
      const message = missingPropertyMessage(property, path, context.kind, description);
      return { message, range: objectRange(path, context) };
    }
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      const itemPath = [...path, later];
      const item = foundValue(itemPath, context);
      const message = duplicateItemMessage(itemPath, item.value, earlier);
      return { message, range: valueRange(itemPath, context) };
    }
    default:
      return { message: describeValueError(error, path, found), range: valueRange(path, context) };
  }
}

function describeValueError(error: ErrorObject, path: YamlPath, found: FoundValue): SchemaMessage {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return typeMessage(path, String(params.type).split(','), found);
    case 'enum':
      return enumMessage(path, params.allowedValues as unknown[], found.value);
    case 'const':
      return enumMessage(path, [params.allowedValue], found.value);
    case 'pattern':
      return patternMessage(path, String(params.pattern), found.value);
    case 'format':
      return formatMessage(path, String(params.format), found.value);
    case 'anyOf':
    case 'oneOf':
      return alternativesMessage(path, error.schema as unknown[], found.value);
    default:
      return RANGE_KEYWORDS.has(error.keyword)
        ? rangeMessage(path, error, found.value)
        : otherMessage(path, error);
  }
}

/** Converts a pointer into a path whose list indexes are numbers, following the data. */
function toYamlPath(pointer: string, data: unknown): YamlPath {
  const path: YamlPath = [];
  let current = data;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function foundValue(path: YamlPath, context: SchemaErrorContext): FoundValue {
  let value = context.data;
  for (const segment of path)
    value = isRecord(value) ? (value as Record<string, unknown>)[segment] : undefined;
  const { node } = findNode(context.block, path);
  const plain = isScalar(node) && node.type === 'PLAIN' && typeof node.value !== 'string';
  return plain ? { value, plainSource: nodeSource(context.block, node) } : { value };
}

/** Returns the value's range, the key's when the value is empty, or the object's at worst. */
function valueRange(path: YamlPath, context: SchemaErrorContext): Range {
  const { file, block } = context;
  const found = findNode(block, path);
  if (found.path.length === path.length) {
    const range = found.node ? nodeRange(file, block, found.node) : undefined;
    if (range && !isEmptyRange(range)) return range;
    const key = found.pair ? keyRange(file, block, found.pair) : undefined;
    if (key) return key;
    if (range) return range;
  }
  return objectRange(path.slice(0, found.path.length), context);
}

function keyRangeAt(path: YamlPath, context: SchemaErrorContext): Range {
  const found = findNode(context.block, path);
  const key =
    found.pair && found.path.length === path.length
      ? keyRange(context.file, context.block, found.pair)
      : undefined;
  return key ?? valueRange(path.slice(0, -1), context);
}

/** Returns where a problem of a whole object goes: its key, else its first key. */
function objectRange(path: YamlPath, context: SchemaErrorContext): Range {
  const { file, block } = context;
  const found = findNode(block, path);
  if (found.path.length === path.length) {
    const key = found.pair ? keyRange(file, block, found.pair) : undefined;
    if (key) return key;
    if (isMap(found.node) && found.node.items[0]) {
      const first = keyRange(file, block, found.node.items[0]);
      if (first) return first;
    }
    const range = found.node ? nodeRange(file, block, found.node) : undefined;
    if (range && !isEmptyRange(range)) return range;
  }
  return firstLineRange(file, block);
}

function isEmptyRange(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}
