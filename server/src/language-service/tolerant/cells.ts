// Meaning of a single table cell: the marks training matrices use, dates and placeholders.
import { readDate } from './dates';
import { findPlaceholder } from './placeholders';

export type CellValue =
  | { kind: 'empty' }
  /** `Applicable`, `required`, `erforderlich`: the training applies, with no word on completion. */
  | { kind: 'applicable' }
  /** `N/A`, `—`, `entfällt`: the training does not apply. */
  | { kind: 'not-applicable' }
  /** `x`, `✓`, `yes`, `ja`, `done`, `[x]`. */
  | { kind: 'yes' }
  /** `no`, `nein`, `✗`, `[ ]`, `open`. */
  | { kind: 'no' }
  | { kind: 'date'; iso: string }
  | { kind: 'invalid-date'; reason: string }
  | { kind: 'placeholder'; text: string }
  | { kind: 'text'; text: string };

const APPLICABLE = new Set([
  'applicable',
  'required',
  'mandatory',
  'erforderlich',
  'pflicht',
  'zutreffend',
]);
const NOT_APPLICABLE = new Set([
  'n/a',
  'na',
  'n.a.',
  'n. a.',
  'not applicable',
  '-',
  '–',
  '—',
  'entfällt',
  'nicht zutreffend',
]);
const YES = new Set(['x', '✓', '✔', '✅', '☑', 'yes', 'y', 'ja', 'j', 'done', 'erledigt', '[x]']);
const NO = new Set(['no', 'n', 'nein', '✗', '✘', '❌', '☐', 'open', 'offen', '[ ]', '[]']);

/** Classifies the plain text of a cell. */
export function readCell(text: string): CellValue {
  const value = text.trim();
  if (value === '') return { kind: 'empty' };
  const lower = value.toLowerCase();
  if (APPLICABLE.has(lower)) return { kind: 'applicable' };
  if (NOT_APPLICABLE.has(lower)) return { kind: 'not-applicable' };
  if (YES.has(lower)) return { kind: 'yes' };
  if (NO.has(lower)) return { kind: 'no' };
  const date = readDate(value);
  if (date.kind === 'date') return { kind: 'date', iso: date.iso };
  if (date.kind === 'invalid') return { kind: 'invalid-date', reason: date.reason };
  const placeholder = findPlaceholder(value);
  if (placeholder !== undefined) return { kind: 'placeholder', text: placeholder };
  return { kind: 'text', text: value };
}

const PASS =
  /(?<![\p{L}])(pass(ed)?|confirmed|effective|successful(ly)?|ok|bestanden|bestätigt|wirksam|erfolgreich)(?![\p{L}])/iu;
const FAIL =
  /(?<![\p{L}])(fail(ed)?|not (passed|confirmed|effective)|ineffective|nicht (bestanden|bestätigt|wirksam)|unwirksam)(?![\p{L}])/iu;
const PERCENT = /(\d{1,3}(?:[.,]\d+)?)\s*%/;

/** Reads a result or effectiveness cell: a percentage, fail, or pass; undefined when unreadable. */
export function readResult(text: string): 'pass' | 'fail' | number | undefined {
  const percent = PERCENT.exec(text);
  if (percent) return Number(percent[1]!.replace(',', '.'));
  if (FAIL.test(text)) return 'fail';
  if (PASS.test(text)) return 'pass';
  const mark = readCell(text).kind;
  if (mark === 'yes') return 'pass';
  if (mark === 'no') return 'fail';
  return undefined;
}
