// The repository configuration, `.competency-lens.yaml` at the repository root: which files
// are read, how the tolerant layer reads Markdown conventions, and analysis and report
// settings. The CLI and the language server both read it; a missing key takes its default.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { isMap } from 'yaml';
import { ownValue } from './collections';
import { createDiagnostic, DIAGNOSTIC_CODES, type DiagnosticData } from './diagnostics';
import { findYamlBlocks, type YamlBlock } from './documents';
import { createSourceFile, type SourceFile } from './source-file';
import { closestValues } from './strict/messages';
import { schemaDiagnostics, type SchemaErrorContext } from './strict/schema-diagnostics';
import { findNode, firstLineRange, keyRange, nodeRange, parsePointer } from './strict/yaml-paths';
import { didYouMean } from './suggest';
import type { KeywordRuleSet } from './tolerant/keyword-rules';
import { readSchemaJson } from './tolerant/schema-files';

export const CONFIG_FILE_NAME = '.competency-lens.yaml';
export const CONFIG_SCHEMA_FILE = 'competency-lens-config.schema.json';
const KEYWORDS_SCHEMA_FILE = 'catalog/catalog-keywords.schema.json';

/** Model fields a table column can hold; `ignore` skips the column without a diagnostic. */
export const COLUMN_FIELDS = [
  'person',
  'role',
  'training',
  'training-type',
  'start-date',
  'due',
  'completed',
  'result',
  'assessment',
  'assessor',
  'level',
  'version',
  'expires',
  'evidence',
  'ignore',
] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/** Front matter keys that identify job descriptions in Markdown. */
export interface FrontMatterConventions {
  typeKey: string;
  idKey: string;
  titleKey: string;
  /** Values of the type key that mark a job or role description. */
  jobDescriptionTypes: string[];
  /** Id prefixes that mark a job or role description, such as `JD-`. */
  jobDescriptionIdPrefixes: string[];
}

export interface RepositoryConfig {
  /** Glob patterns of files the check reads; empty means every `.yaml`, `.yml` and `.md`. */
  include: string[];
  exclude: string[];
  /** Table header (matched case-insensitively) → field, in addition to the built-in headers. */
  columns: Record<string, ColumnField>;
  frontMatter: FrontMatterConventions;
  /** Department name → role ids, for procedures that assign training to departments. */
  departments: Record<string, string[]>;
  /** Classification rules tried before the built-in `schemas/catalog/keywords.json`. */
  keywords: KeywordRuleSet;
  /** Analysis date `YYYY-MM-DD`; the current date when absent. */
  today?: string;
  /** Days before expiry from which a training is reported as expiring. */
  expiryWarningDays: number;
  report: { documentId?: string; productName?: string };
}

export interface ConfigReadResult {
  config: RepositoryConfig;
  /** Problems in the configuration file itself, with ranges in that file. */
  diagnostics: Diagnostic[];
}

export function defaultConfig(): RepositoryConfig {
  return {
    include: [],
    exclude: [],
    columns: {},
    frontMatter: {
      typeKey: 'type',
      idKey: 'id',
      titleKey: 'title',
      jobDescriptionTypes: ['job_description', 'role_description'],
      jobDescriptionIdPrefixes: ['JD-'],
    },
    departments: {},
    keywords: {},
    expiryWarningDays: 30,
    report: {},
  };
}

let validator: ReturnType<Ajv['compile']> | undefined;

function configValidator(): ReturnType<Ajv['compile']> {
  if (!validator) {
    // `verbose` gives each error its schema, which names the allowed keys of an object.
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv);
    ajv.addSchema(readSchemaJson(KEYWORDS_SCHEMA_FILE) as object);
    validator = ajv.compile(readSchemaJson(CONFIG_SCHEMA_FILE) as object);
  }
  return validator;
}

/** Copies the valid top-level settings over the defaults; an invalid key keeps its default. */
function mergeSettings(
  values: Record<string, unknown>,
  invalidKeys: Set<string>,
): RepositoryConfig {
  const config = defaultConfig();
  const valid = (key: string): boolean => key in values && !invalidKeys.has(key);
  if (valid('include')) config.include = values['include'] as string[];
  if (valid('exclude')) config.exclude = values['exclude'] as string[];
  if (valid('columns')) config.columns = values['columns'] as Record<string, ColumnField>;
  if (valid('frontMatter')) {
    config.frontMatter = { ...config.frontMatter, ...(values['frontMatter'] as object) };
  }
  if (valid('departments')) config.departments = values['departments'] as Record<string, string[]>;
  if (valid('keywords')) config.keywords = values['keywords'] as KeywordRuleSet;
  if (valid('today')) config.today = values['today'] as string;
  if (valid('expiryWarningDays')) config.expiryWarningDays = values['expiryWarningDays'] as number;
  if (valid('report')) config.report = values['report'] as RepositoryConfig['report'];
  return config;
}

/**
 * Reads `.competency-lens.yaml`. YAML and schema errors become diagnostics on the file's own
 * ranges. Every setting they affect falls back to its default, so a broken file never stops
 * a check.
 */
export function readRepositoryConfig(text: string, uri: string): ConfigReadResult {
  const file = createSourceFile(uri, text);
  const scan = findYamlBlocks(file);
  const diagnostics = [...scan.diagnostics];
  const [block, ...extraBlocks] = scan.blocks;
  for (const extra of extraBlocks) diagnostics.push(extraDocumentDiagnostic(file, extra));
  if (!block || block.document.errors.length > 0 || block.value === undefined) {
    return { config: defaultConfig(), diagnostics };
  }

  // A file with only comments is an empty document, which sets nothing.
  const values: unknown = block.value ?? {};
  const validate = configValidator();
  const errors = validate(values) ? [] : (validate.errors ?? []);
  diagnostics.push(...configSchemaDiagnostics(errors, file, block, values));
  const invalidKeys = new Set<string>();
  for (const error of errors) {
    const [topKey] = parsePointer(error.instancePath);
    // An unknown top-level key is only reported, but any other error at the root makes
    // every setting keep its default.
    if (topKey !== undefined) invalidKeys.add(topKey);
    else if (error.keyword !== 'additionalProperties') invalidKeys.add('*');
  }
  if (!isRecord(values) || Array.isArray(values) || invalidKeys.has('*')) {
    return { config: defaultConfig(), diagnostics };
  }
  return { config: mergeSettings(values, invalidKeys), diagnostics };
}

function extraDocumentDiagnostic(file: SourceFile, block: YamlBlock): Diagnostic {
  const message =
    'The configuration file contains more than one YAML document, and only the first is ' +
    'read. Move these settings into the first document and remove the "---" line above them.';
  const range = firstLineRange(file, block);
  return createDiagnostic(range, DiagnosticSeverity.Error, DIAGNOSTIC_CODES.schemaOther, message);
}

/** A sample line for each top-level setting, shown when its value has the wrong type. */
const SETTING_EXAMPLES: Record<string, string> = {
  include: 'include: ["qms/**/*.md"]',
  exclude: 'exclude: ["drafts/**"]',
  columns: 'columns: { Kollege: person }',
  frontMatter: 'frontMatter: { jobDescriptionIdPrefixes: [SB-] }',
  departments: 'departments: { Engineering: [software-developer] }',
  keywords: 'keywords: { competencies: [{ competency: fuzzing, phrases: [afl] }] }',
  today: "today: '2026-11-01'",
  expiryWarningDays: 'expiryWarningDays: 45',
  report: 'report: { documentId: QMS-REC-021, productName: Pump Controller }',
};

/** Keywords whose error is about a key of an object rather than about a value. */
const KEY_KEYWORDS = new Set(['additionalProperties', 'required']);

/**
 * Turns ajv's errors into one diagnostic per problem, in file order, each ending with the
 * setting that keeps its default. Unknown and missing keys are worded here, because the
 * strict layer names the object by its document kind. Value errors (type, format, enum,
 * pattern, bounds) get the strict layer's messages and ranges.
 */
function configSchemaDiagnostics(
  errors: ErrorObject[],
  file: SourceFile,
  block: YamlBlock,
  data: unknown,
): Diagnostic[] {
  const context: SchemaErrorContext = {
    file,
    block,
    // The kind only names the object in unknown and missing key messages, which
    // `keyDiagnostic` writes for this file.
    kind: 'RoleDescription',
    data,
    placeholders: new Set(),
    kindMissing: false,
  };
  const valueErrorsBySetting = new Map<string, ErrorObject[]>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    if (KEY_KEYWORDS.has(error.keyword)) {
      diagnostics.push(keyDiagnostic(error, file, block, data));
      continue;
    }
    const setting = parsePointer(error.instancePath)[0] ?? '';
    valueErrorsBySetting.set(setting, [...(valueErrorsBySetting.get(setting) ?? []), error]);
  }
  for (const [setting, settingErrors] of valueErrorsBySetting) {
    const example = isWholeSettingTypeError(setting, settingErrors)
      ? ownValue(SETTING_EXAMPLES, setting)
      : undefined;
    for (const diagnostic of schemaDiagnostics(settingErrors, context)) {
      // A message with a suggestion, such as quoting a number, has its fix already.
      const hasFix = (diagnostic.data as DiagnosticData | undefined)?.suggestions !== undefined;
      if (example && !hasFix) diagnostic.message += ` Write it as, for example, \`${example}\`.`;
      diagnostic.message += ` ${consequence(setting)}`;
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

function isWholeSettingTypeError(setting: string, errors: ErrorObject[]): boolean {
  return (
    errors.length === 1 &&
    errors[0]!.keyword === 'type' &&
    errors[0]!.instancePath === `/${setting}`
  );
}

/** Returns the sentence that names the setting an error makes fall back to its default. */
function consequence(setting: string): string {
  if (setting === '') return 'Until this is fixed, every setting keeps its default.';
  return `Until this is fixed, "${setting}" keeps its default.`;
}

/** Where a key error sits: the object's JSON pointer segments, name and schema. */
interface KeyErrorPlace {
  segments: string[];
  name: string;
  properties: Record<string, { description?: string }>;
  /** The top-level setting that keeps its default, or undefined for the root object. */
  setting: string | undefined;
}

function keyDiagnostic(
  error: ErrorObject,
  file: SourceFile,
  block: YamlBlock,
  data: unknown,
): Diagnostic {
  const segments = parsePointer(error.instancePath);
  const schema = error.parentSchema as
    { properties?: Record<string, { description?: string }> } | undefined;
  const place: KeyErrorPlace = {
    segments,
    name: placeName(segments, data),
    properties: schema?.properties ?? {},
    setting: segments[0],
  };
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  if (error.keyword === 'additionalProperties') {
    return unknownKeyDiagnostic(String(params.additionalProperty), place, file, block);
  }
  return missingKeyDiagnostic(String(params.missingProperty), place, file, block);
}

function unknownKeyDiagnostic(
  key: string,
  place: KeyErrorPlace,
  file: SourceFile,
  block: YamlBlock,
): Diagnostic {
  const allowed = Object.keys(place.properties).filter((name) => name !== '$schema');
  const suggestions = closestValues(key, allowed);
  const effect =
    place.setting === undefined ? 'it is ignored' : `"${place.setting}" keeps its default`;
  const message =
    `Unknown key "${key}" in ${place.name}, so ${effect}. Allowed keys: ${allowed.join(', ')}.` +
    didYouMean(suggestions);

  const range = keyRangeOf(file, block, [...place.segments, key]);
  const data = suggestions.length > 0 ? { suggestions } : undefined;
  const code = DIAGNOSTIC_CODES.schemaAdditionalProperty;
  return createDiagnostic(range, DiagnosticSeverity.Error, code, message, data);
}

function missingKeyDiagnostic(
  key: string,
  place: KeyErrorPlace,
  file: SourceFile,
  block: YamlBlock,
): Diagnostic {
  // The description is the schema's sentence about the key, such as what it lists.
  const description = ownValue(place.properties, key)?.description;
  const hint = description ? ` ${description.replace(/\.?$/, '.')}` : '';
  const effect = place.setting === undefined ? 'every setting' : `"${place.setting}"`;
  const message =
    `Missing required key "${key}" in ${place.name}, so ${effect} keeps its default. ` +
    `Add "${key}:".${hint}`;

  const range = keyRangeOf(file, block, place.segments);
  const code = DIAGNOSTIC_CODES.schemaRequired;
  return createDiagnostic(range, DiagnosticSeverity.Error, code, message);
}

/** Names the object at a JSON pointer's segments, such as `entry 2 of "keywords.levels"`. */
function placeName(segments: string[], data: unknown): string {
  if (segments.length === 0) return 'the configuration';
  let name = '';
  let current = data;
  let lastIndex: number | undefined;
  for (const segment of segments) {
    if (lastIndex !== undefined) name += `[${lastIndex}]`;
    lastIndex = undefined;
    if (Array.isArray(current)) {
      lastIndex = Number(segment);
      current = current[lastIndex];
    } else {
      name += name === '' ? segment : `.${segment}`;
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return lastIndex === undefined ? `"${name}"` : `entry ${lastIndex + 1} of "${name}"`;
}

/**
 * Returns the range of the key at `path`, or for a list entry (which has no key) the first
 * key inside it, or the first line of the document when neither exists.
 */
function keyRangeOf(file: SourceFile, block: YamlBlock, path: string[]): Range {
  const found = findNode(block, path);
  if (found.path.length === path.length) {
    const key = found.pair ? keyRange(file, block, found.pair) : undefined;
    if (key) return key;
    const first = isMap(found.node) ? found.node.items[0] : undefined;
    const firstKey = first ? keyRange(file, block, first) : undefined;
    if (firstKey) return firstKey;
    if (found.node) return nodeRange(file, block, found.node);
  }
  return firstLineRange(file, block);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
