// Table headers mapped to model fields, in English and German, plus the column groups of
// the wide layout ("Training #1: QMS Intro") and the transposed one ("Participant #1").
import { ownValue } from '../collections';
import type { ColumnField } from '../config';
import { NUMBERED_PERSON_LABEL } from './placeholders';
import { normalizeLabel } from './text';

export type ColumnRole =
  | { kind: 'field'; field: ColumnField }
  /** Starts a group of columns about one training; the header names it. */
  | { kind: 'training-group'; name: string }
  /** Starts a group of columns about one participant, such as "Participant #1: Jack Rack". */
  | { kind: 'participant-group'; label: string; name?: string }
  /** A template column such as `(...)`, left for more entries. */
  | { kind: 'placeholder' }
  | { kind: 'unknown' };

const BUILT_IN_HEADERS: Record<string, ColumnField> = {};

function headers(field: ColumnField, labels: string[]): void {
  for (const label of labels) BUILT_IN_HEADERS[label] = field;
}

headers('person', [
  'person',
  'employee',
  'name',
  'participant',
  'staff member',
  'full name',
  'employee name',
  'mitarbeiter',
  'mitarbeiterin',
  'mitarbeitende',
  'teilnehmer',
  'teilnehmerin',
]);
headers('role', [
  'role',
  'job role',
  'position',
  'job title',
  'function',
  'rolle',
  'funktion',
  'stelle',
]);
headers('training', [
  'training',
  'name of training',
  'training name',
  'course',
  'topic',
  'schulung',
  'schulungsthema',
  'kurs',
  'thema',
]);
headers('training-type', [
  'type of training',
  'training type',
  'type',
  'art der schulung',
  'schulungsart',
]);
headers('start-date', [
  'start of employment',
  'start date',
  'hire date',
  'eintrittsdatum',
  'eintritt',
]);
headers('due', ['date due', 'due date', 'due', 'fällig', 'fälligkeit', 'fällig am']);
headers('completed', [
  'date completed',
  'completed',
  'completion date',
  'completed on',
  'date',
  'erledigt',
  'erledigt am',
  'datum',
  'abgeschlossen',
]);
headers('result', [
  'result',
  'effectiveness',
  'effectiveness check',
  'outcome',
  'score',
  'ergebnis',
  'wirksamkeit',
  'wirksamkeitsprüfung',
]);
headers('assessment', ['assessment', 'assessment method', 'method', 'prüfmethode', 'methode']);
headers('assessor', [
  'assessor',
  'verified by',
  'confirmed by',
  'prüfer',
  'prüferin',
  'bestätigt von',
]);
headers('level', ['level', 'competency level', 'stufe', 'niveau']);
headers('version', ['version']);
headers('expires', ['expires', 'expiry', 'expiry date', 'valid until', 'gültig bis', 'ablauf']);
headers('evidence', ['evidence', 'certificate', 'nachweis']);

const TRAINING_GROUP = /^(?:training|schulung|course|kurs)\s*#?\s*\d*\s*[:–-]\s*(.+)$/i;
const PARTICIPANT_GROUP = new RegExp(`^(${NUMBERED_PERSON_LABEL})\\s*(?:[:–-]\\s*(.+))?$`, 'i');
const PLACEHOLDER_HEADER = /^\(?\s*(\.\.\.|…)\s*\)?$/;

/** Classifies a header cell; the repository's `columns` mapping wins over the built-in headers. */
export function classifyHeader(
  header: string,
  configured: Record<string, ColumnField>,
): ColumnRole {
  const label = normalizeLabel(header);
  for (const [name, field] of Object.entries(configured)) {
    if (normalizeLabel(name) === label) return { kind: 'field', field };
  }
  if (PLACEHOLDER_HEADER.test(label)) return { kind: 'placeholder' };
  const training = TRAINING_GROUP.exec(header.trim());
  if (training) return { kind: 'training-group', name: training[1]!.trim() };
  const participant = PARTICIPANT_GROUP.exec(header.trim());
  if (participant) {
    const name = participant[2]?.trim();
    return name
      ? { kind: 'participant-group', label: participant[1]!, name }
      : { kind: 'participant-group', label: participant[1]! };
  }
  const field = ownValue(BUILT_IN_HEADERS, label);
  return field ? { kind: 'field', field } : { kind: 'unknown' };
}

/** Field names as messages show them, such as "completion date". */
export const FIELD_DESCRIPTIONS: Record<ColumnField, string> = {
  person: 'person',
  role: 'role',
  training: 'training',
  'training-type': 'training type',
  'start-date': 'start date',
  due: 'due date',
  completed: 'completion date',
  result: 'result',
  assessment: 'assessment method',
  assessor: 'assessor',
  level: 'level',
  version: 'version',
  expires: 'expiry date',
  evidence: 'evidence',
  ignore: 'ignored column',
};
