// Finds template placeholders left in values, such as `[Date]`, `_[Name]_` or `TBD`. They
// are reported once by the coverage analysis as unfilled templates, never as schema errors.
import { ownValue } from '../collections';
import { isScalar, isSeq, type Node } from 'yaml';
import type { YamlBlock } from '../documents';
import type { UnfilledValue } from '../model';
import type { SourceFile } from '../source-file';
import { nodeRange, nodeSource, toPointer, walkValues, type YamlPath } from './yaml-paths';

export interface PlaceholderScan {
  unfilled: UnfilledValue[];
  /** JSON pointers of the values that hold a placeholder. */
  pointers: Set<string>;
}

/** Whole values that only a template leaves behind. */
const WHOLE_PLACEHOLDER = /^(TBD|TBC|TODO|x{3,}|YYYY-MM-DD|DD\.MM\.YYYY|MM\/DD\/YYYY)$/i;

/** A bracketed capitalised word such as `[Date]` or `[Company Name]`. */
const BRACKETED_PLACEHOLDER = /^\[[A-Z][A-Za-z]*( [A-Za-z]+)*\]$/;

/**
 * Placeholders inside longer text: `_[Name]_`, `<enter …>`, `[Product Name]` (but not a
 * Markdown link `[text](url)`), and XXX in capitals.
 */
const EMBEDDED_PLACEHOLDER =
  /_\[[^\]]+\]_|<(enter|insert|add|your)\b[^<>]*>|\[[A-Z][A-Za-z]*( [A-Za-z]+)*\](?![([])|\bXXX+\b/;

/**
 * Keys whose value is a list, where `[Developer]` is a one-entry flow list and not a
 * `[Placeholder]`.
 */
const LIST_KEYS = new Set([
  'roles',
  'clauses',
  'independentOf',
  'triggers',
  'responsibilities',
  'people',
  'trainings',
  'covers',
  'competencies',
  'assignments',
  'completed',
  'assessmentPrograms',
]);

/** Human names of the fields a placeholder replaces, by key and the key above it. */
const FIELD_NAMES: Record<string, string> = {
  'completed.date': 'completion date',
  'assessment.date': 'assessment date',
  'assignments.from': 'assignment start date',
  'assignments.to': 'assignment end date',
  'person.id': 'person id',
  'person.name': 'person name',
  'person.startDate': 'start date',
  'assessment.assessor': 'assessor id',
  'assessment.result': 'assessment result',
  'completed.version': 'training version',
  'completed.evidence': 'evidence link',
  'completed.expires': 'expiry date',
  'completed.training': 'training id',
  asOf: 'matrix date',
};

export function findPlaceholders(file: SourceFile, block: YamlBlock): PlaceholderScan {
  const unfilled: UnfilledValue[] = [];
  const pointers = new Set<string>();
  walkValues(block, (node, path, key) => {
    const placeholder = placeholderText(block, node, key);
    if (placeholder === undefined) return true;
    const range = nodeRange(file, block, node);
    if (range) unfilled.push({ uri: file.uri, range, text: placeholder, field: fieldName(path) });
    pointers.add(toPointer(path));
    return false;
  });
  return { unfilled, pointers };
}

function placeholderText(
  block: YamlBlock,
  node: Node,
  key: string | undefined,
): string | undefined {
  const isFlowList = isSeq(node) && node.flow === true;
  if (!isScalar(node) && !isFlowList) return undefined;
  if (isFlowList && key !== undefined && LIST_KEYS.has(key)) return undefined;
  const source = nodeSource(block, node).trim();
  const text = isScalar(node) ? String(node.value ?? '').trim() : source;
  if (WHOLE_PLACEHOLDER.test(text) || BRACKETED_PLACEHOLDER.test(text)) return source;
  if (isScalar(node) && typeof node.value === 'string' && EMBEDDED_PLACEHOLDER.test(node.value)) {
    return source;
  }
  return undefined;
}

/** Names the field for the message, such as "completion date"; the key otherwise. */
function fieldName(path: YamlPath): string | undefined {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  const key = names[names.length - 1];
  if (key === undefined) return undefined;
  const parent = names[names.length - 2];
  return ownValue(FIELD_NAMES, `${parent}.${key}`) ?? ownValue(FIELD_NAMES, key) ?? key;
}
