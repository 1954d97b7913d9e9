// Words for schema errors: what is wrong, the allowed values and the fix, for a quality
// engineer who reads the message in the editor or in a CI log.
import { ownValue } from '../collections';
import type { ErrorObject } from 'ajv';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostics';
import { LEVEL_NAMES, type DocumentKind } from '../model';
import { didYouMean, suggest } from '../suggest';
import type { YamlPath } from './yaml-paths';

export interface SchemaMessage {
  code: DiagnosticCode;
  message: string;
  suggestions?: string[];
}

/** The value at a path, as the plain data and the YAML source show it. */
export interface FoundValue {
  value: unknown;
  /** The scalar as written, such as `1.10`, when it is a plain number or boolean. */
  plainSource?: string;
}

const KEBAB_ID = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** Names of list entries by the key of their list, for "in a competency requirement". */
const ITEM_PHRASES: Record<string, string> = {
  competencies: 'a competency requirement',
  covers: 'a competency requirement',
  trainings: 'a training',
  assessmentPrograms: 'an assessment program',
  completed: 'a completed training',
  assignments: 'a role assignment',
  people: 'a person entry of the matrix',
};

const OBJECT_PHRASES: Record<string, string> = {
  assessment: 'an assessment',
  person: 'the person',
  needsAnalysis: 'the needs analysis',
  levels: 'the levels',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a block of properties (key: value lines)',
  null: 'empty',
};

/** Returns the label a message starts with: `"result"`, or `Entry 2 of "roles"` for a list entry. */
export function fieldLabel(path: YamlPath): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    return `Entry ${last + 1} of "${String(list)}"`;
  }
  return last === undefined ? 'The document' : `"${last}"`;
}

/** Names the object at `path` for a message, such as "a competency requirement". */
export function objectPhrase(path: YamlPath, kind: DocumentKind): string {
  const last = path[path.length - 1];
  if (last === undefined) return `a ${kind} document`;
  if (typeof last === 'number') {
    const list = String(path[path.length - 2]);
    return ownValue(ITEM_PHRASES, list) ?? `an entry of "${list}"`;
  }
  return ownValue(OBJECT_PHRASES, last) ?? `"${last}"`;
}

/** Describes a value for "found …": quoted text, a number, "a list", "an empty value". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of properties';
  return String(value);
}

/** Joins words as "a, b or c". */
export function listWords(words: readonly string[], conjunction = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * Returns the allowed values that `input` may have meant, best first: a match ignoring
 * case, the input in kebab-case, then the close spellings.
 */
export function closestValues(input: string, allowed: readonly string[]): string[] {
  const kebab = toKebabCase(input);
  const first = allowed.filter(
    (value) => value !== input && (value.toLowerCase() === input.toLowerCase() || value === kebab),
  );
  return [...new Set([...first, ...suggest(input, allowed)])].slice(0, 3);
}

/** Turns `Threat Modeler` or `threat_modeler` into `threat-modeler`. */
export function toKebabCase(text: string): string {
  return text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function unknownPropertyMessage(
  property: string,
  objectPath: YamlPath,
  kind: DocumentKind,
  allowed: string[],
): SchemaMessage {
  const suggestions = closestValues(property, allowed);
  const where = objectPhrase(objectPath, kind);
  const list = allowed.length > 0 ? ` Allowed: ${allowed.join(', ')}.` : '';
  return {
    code: DIAGNOSTIC_CODES.schemaAdditionalProperty,
    message: `Unknown property "${property}" in ${where}.${list}${didYouMean(suggestions)}`,
    suggestions,
  };
}

export function missingPropertyMessage(
  property: string,
  objectPath: YamlPath,
  kind: DocumentKind,
  description: string | undefined,
): SchemaMessage {
  const where = objectPhrase(objectPath, kind);
  // The description is the schema's own sentence about the property, such as "Date the
  // training was completed, as YYYY-MM-DD."
  const hint = description ? ` ${description.replace(/\.?$/, '.')}` : '';
  return {
    code: DIAGNOSTIC_CODES.schemaRequired,
    message: `Missing required property "${property}" in ${where}. Add "${property}:".${hint}`,
  };
}

/**
 * Explains a wrong type. A plain scalar that YAML read as a number or boolean where text
 * is expected gets the reason and the quoted form, such as `1.10` read as the number 1.1.
 */
export function typeMessage(path: YamlPath, expected: string[], found: FoundValue): SchemaMessage {
  const label = fieldLabel(path);
  const { value, plainSource } = found;
  const readAsOther = typeof value === 'number' || typeof value === 'boolean';
  if (expected.includes('string') && readAsOther && plainSource !== undefined) {
    const what = typeof value === 'number' ? 'number' : 'boolean';
    const reading =
      plainSource === String(value) ? `as a ${what}` : `as the ${what} ${String(value)}`;
    const quoted = JSON.stringify(plainSource);
    return {
      code: DIAGNOSTIC_CODES.schemaType,
      message: `${label} must be text, but YAML reads ${plainSource} ${reading}. Quote it: ${quoted}.`,
      suggestions: [quoted],
    };
  }
  const names = expected.map((type) => TYPE_NAMES[type] ?? type);
  return {
    code: DIAGNOSTIC_CODES.schemaType,
    message: `${label} must be ${listWords(names)}; found ${describeValue(value)}.`,
  };
}

export function enumMessage(
  path: YamlPath,
  allowed: readonly unknown[],
  value: unknown,
): SchemaMessage {
  const label = fieldLabel(path);
  const words = allowed.filter((entry): entry is string => typeof entry === 'string');
  const suggestions = typeof value === 'string' ? closestValues(value, words) : [];
  return {
    code: DIAGNOSTIC_CODES.schemaEnum,
    message: `${label} must be ${describeAllowed(allowed)}; found ${describeValue(value)}.${didYouMean(suggestions)}`,
    suggestions,
  };
}

/** Lists allowed values; the level scale reads as names with their numbers. */
export function describeAllowed(allowed: readonly unknown[]): string {
  const isLevelScale =
    LEVEL_NAMES.every((name) => allowed.includes(name)) &&
    LEVEL_NAMES.every((_, level) => allowed.includes(level));
  if (isLevelScale) {
    const scale = LEVEL_NAMES.map((name, level) => `${name} (${level})`);
    return `a level: ${listWords(scale)}`;
  }
  const words = allowed.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
  return words.length === 1 ? words[0]! : `one of ${listWords(words)}`;
}

export function patternMessage(path: YamlPath, pattern: string, value: unknown): SchemaMessage {
  const label = fieldLabel(path);
  const found = describeValue(value);
  if (pattern === KEBAB_ID) {
    const kebab = typeof value === 'string' ? toKebabCase(value) : '';
    const suggestions = kebab && kebab !== value ? [kebab] : [];
    return {
      code: DIAGNOSTIC_CODES.schemaPattern,
      message:
        `${label} must be a kebab-case id (lowercase letters and digits joined by hyphens, ` +
        `such as threat-modeler); found ${found}.${didYouMean(suggestions)}`,
      suggestions,
    };
  }
  if (pattern.startsWith('^P')) {
    return {
      code: DIAGNOSTIC_CODES.schemaPattern,
      message:
        `${label} must be an ISO 8601 duration such as P1Y (one year), P6M (six months), ` +
        `P2W or P90D; found ${found}.`,
    };
  }
  if (pattern.includes('IEC81001-5-1')) {
    return {
      code: DIAGNOSTIC_CODES.schemaPattern,
      message:
        `${label} must be a clause reference: standard, colon, clause, such as ` +
        `IEC81001-5-1:5.7.3, IEC62443-4-1:SM-4 or ISO13485:6.2; found ${found}.`,
    };
  }
  return {
    code: DIAGNOSTIC_CODES.schemaPattern,
    message: `${label} must match the pattern ${pattern}; found ${found}.`,
  };
}

export function formatMessage(path: YamlPath, format: string, value: unknown): SchemaMessage {
  const label = fieldLabel(path);
  if (format !== 'date') {
    return {
      code: DIAGNOSTIC_CODES.schemaFormat,
      message: `${label} must be a valid ${format}; found ${describeValue(value)}.`,
    };
  }
  const text = String(value);
  const suggestion = isoDateFor(text);
  const suggestions = suggestion ? [suggestion] : [];
  const notInCalendar = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? ', which is not a day in the calendar'
    : '';
  return {
    code: DIAGNOSTIC_CODES.schemaFormat,
    message:
      `${label} must be a date in the form YYYY-MM-DD, such as 2024-02-01; ` +
      `found ${describeValue(value)}${notInCalendar}.${didYouMean(suggestions)}`,
    suggestions,
  };
}

/** Rewrites `1.2.2024` (day first) or `2024-2-1` as `2024-02-01` when that is a real date. */
export function isoDateFor(text: string): string | undefined {
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const parts = dayFirst
    ? [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!]
    : yearFirst
      ? [yearFirst[1]!, yearFirst[2]!, yearFirst[3]!]
      : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const iso = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  return iso !== text && isCalendarDate(year, month, day) ? iso : undefined;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Bounds: `minimum`, `maximum`, lengths and item counts. */
export function rangeMessage(path: YamlPath, error: ErrorObject, value: unknown): SchemaMessage {
  const label = fieldLabel(path);
  const limit = (error.params as { limit?: number }).limit ?? 0;
  const found = describeValue(value);
  const bounds: Record<string, string> = {
    minimum: `at least ${limit}`,
    maximum: `at most ${limit}`,
    exclusiveMinimum: `greater than ${limit}`,
    exclusiveMaximum: `less than ${limit}`,
  };
  let message: string;
  if (error.keyword in bounds) {
    message = `${label} must be ${bounds[error.keyword]}; found ${found}.`;
  } else if (error.keyword === 'minLength' && limit === 1) {
    message = `${label} must not be empty. Fill it in or remove the line.`;
  } else if (error.keyword === 'minItems') {
    message = `${label} must list at least ${limit} ${limit === 1 ? 'entry' : 'entries'}.`;
  } else if (error.keyword === 'maxItems') {
    message = `${label} must list at most ${limit} ${limit === 1 ? 'entry' : 'entries'}.`;
  } else {
    const unit = error.keyword.endsWith('Length') ? 'characters' : 'entries';
    const bound = error.keyword.startsWith('min') ? 'at least' : 'at most';
    message = `${label} must have ${bound} ${limit} ${unit}.`;
  }
  return { code: DIAGNOSTIC_CODES.schemaRange, message };
}

/** Explains a value that fits no branch of an `anyOf` or `oneOf`, such as pass, fail or a score. */
export function alternativesMessage(
  path: YamlPath,
  branches: unknown[],
  value: unknown,
): SchemaMessage {
  const key = path[path.length - 1];
  const choices = branches.map((branch) => describeBranch(branch, key === 'result'));
  const words = [...new Set(choices.flat())];
  const allowed = branches.flatMap((branch) => branchEnum(branch));
  const suggestions = typeof value === 'string' ? closestValues(value, allowed) : [];
  const found = describeValue(value);
  return {
    code: alternativesCode(branches, value),
    message: `${fieldLabel(path)} must be ${listWords(words)}; found ${found}.${didYouMean(suggestions)}`,
    suggestions,
  };
}

/**
 * Picks the code by what went wrong: a number out of bounds when a number branch exists,
 * a value outside the allowed words when an enum branch exists, the wrong type otherwise.
 */
function alternativesCode(branches: unknown[], value: unknown): DiagnosticCode {
  const types = branches.map((branch) => (branch as { type?: string }).type);
  if (typeof value === 'number' && (types.includes('number') || types.includes('integer'))) {
    return DIAGNOSTIC_CODES.schemaRange;
  }
  if (typeof value === 'string' && branches.some((branch) => branchEnum(branch).length > 0)) {
    return DIAGNOSTIC_CODES.schemaEnum;
  }
  return DIAGNOSTIC_CODES.schemaType;
}

function branchEnum(branch: unknown): string[] {
  const values = (branch as { enum?: unknown[] }).enum ?? [];
  return values.filter((value): value is string => typeof value === 'string');
}

function describeBranch(branch: unknown, isScore: boolean): string[] {
  const schema = branch as {
    enum?: unknown[];
    const?: unknown;
    type?: string;
    minimum?: number;
    maximum?: number;
  };
  if (schema.enum)
    return schema.enum.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  if (schema.const !== undefined) return [JSON.stringify(schema.const)];
  if (schema.type === 'number' || schema.type === 'integer') {
    let noun = schema.type === 'integer' ? 'a whole number' : 'a number';
    if (isScore) noun = 'a score';
    if (schema.minimum !== undefined && schema.maximum !== undefined) {
      return [`${noun} from ${schema.minimum} to ${schema.maximum}`];
    }
    return [noun];
  }
  return [TYPE_NAMES[schema.type ?? ''] ?? 'another allowed form'];
}

export function duplicateItemMessage(path: YamlPath, value: unknown, first: number): SchemaMessage {
  return {
    code: DIAGNOSTIC_CODES.schemaOther,
    message: `${fieldLabel(path)} repeats ${describeValue(value)} from entry ${first + 1}. Remove the duplicate.`,
  };
}

/** Any other keyword: ajv's own words, with the field named. */
export function otherMessage(path: YamlPath, error: ErrorObject): SchemaMessage {
  return {
    code: DIAGNOSTIC_CODES.schemaOther,
    message: `${fieldLabel(path)} is invalid: ${error.message ?? error.keyword}.`,
  };
}
