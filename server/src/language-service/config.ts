// The repository configuration, `.competency-lens.yaml` at the repository root: which files
// are read, how the tolerant layer reads Markdown conventions, and analysis and report
// settings. The CLI and the language server both read it; a missing key takes its default.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { createDiagnostic, DIAGNOSTIC_CODES } from './diagnostics';
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
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(readSchemaJson(KEYWORDS_SCHEMA_FILE) as object);
    validator = ajv.compile(readSchemaJson(CONFIG_SCHEMA_FILE) as object);
  }
  return validator;
}

const SCHEMA_CODES: Record<string, string> = {
  required: DIAGNOSTIC_CODES.schemaRequired,
  type: DIAGNOSTIC_CODES.schemaType,
  enum: DIAGNOSTIC_CODES.schemaEnum,
  pattern: DIAGNOSTIC_CODES.schemaPattern,
  format: DIAGNOSTIC_CODES.schemaFormat,
  additionalProperties: DIAGNOSTIC_CODES.schemaAdditionalProperty,
  minimum: DIAGNOSTIC_CODES.schemaRange,
  maximum: DIAGNOSTIC_CODES.schemaRange,
  minItems: DIAGNOSTIC_CODES.schemaRange,
  minLength: DIAGNOSTIC_CODES.schemaRange,
};

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Finds the key node of `key` in the mapping at `path`, for errors about a property itself. */
function keyNode(document: Document, path: (string | number)[], key: string): Node | undefined {
  const parent = path.length ? document.getIn(path, true) : document.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return isScalar(pair?.key) ? pair.key : undefined;
}

function nodeRange(text: TextDocument, node: Node | null | undefined): Range {
  const [start, end] = node?.range ?? [0, 0];
  return { start: text.positionAt(start), end: text.positionAt(end) };
}

function describePath(path: (string | number)[]): string {
  if (path.length === 0) return 'The configuration';
  let described = '';
  for (const part of path) {
    if (typeof part === 'number') described += `[${part}]`;
    else described += described === '' ? part : `.${part}`;
  }
  return described;
}

function schemaDiagnostic(text: TextDocument, document: Document, error: ErrorObject): Diagnostic {
  const path = pointerSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  let node: Node | null | undefined = path.length
    ? (document.getIn(path, true) as Node)
    : document.contents;
  let message = `${describePath(path)} ${error.message ?? 'is invalid'}.`;
  if (error.keyword === 'additionalProperties') {
    const property = String(params['additionalProperty']);
    node = keyNode(document, path, property) ?? node;
    message = `Unknown key "${property}" in ${describePath(path)}.`;
  } else if (error.keyword === 'enum') {
    const allowed = (params['allowedValues'] as unknown[]).map((value) => `"${String(value)}"`);
    message = `${describePath(path)} must be one of ${allowed.join(', ')}.`;
  }
  const code = SCHEMA_CODES[error.keyword] ?? DIAGNOSTIC_CODES.schemaOther;
  return createDiagnostic(nodeRange(text, node), DiagnosticSeverity.Error, code, message);
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
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const textDocument = TextDocument.create(uri, 'yaml', 0, content);
  const document = parseDocument(content, { prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    const range = {
      start: textDocument.positionAt(error.pos[0]),
      end: textDocument.positionAt(error.pos[1]),
    };
    const code =
      error.code === 'DUPLICATE_KEY' ? DIAGNOSTIC_CODES.duplicateKey : DIAGNOSTIC_CODES.yamlSyntax;
    diagnostics.push(createDiagnostic(range, DiagnosticSeverity.Error, code, error.message));
  }
  if (document.errors.length > 0) return { config: defaultConfig(), diagnostics };

  const values: unknown = document.toJS() ?? {};
  const validate = configValidator();
  const invalidKeys = new Set<string>();
  if (!validate(values)) {
    for (const error of validate.errors ?? []) {
      diagnostics.push(schemaDiagnostic(textDocument, document, error));
      const [topKey] = pointerSegments(error.instancePath);
      // An unknown top-level key is only reported; any other error at the root is fatal.
      if (topKey !== undefined) invalidKeys.add(String(topKey));
      else if (error.keyword !== 'additionalProperties') invalidKeys.add('*');
    }
  }
  if (
    typeof values !== 'object' ||
    values === null ||
    Array.isArray(values) ||
    invalidKeys.has('*')
  ) {
    return { config: defaultConfig(), diagnostics };
  }
  return { config: mergeSettings(values as Record<string, unknown>, invalidKeys), diagnostics };
}
