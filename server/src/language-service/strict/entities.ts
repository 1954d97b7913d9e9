// Converts strict documents into the workspace model: one entity per document, the place
// each was written, and a reference for every id a document uses. Values that fail the
// schema or hold a placeholder are left out, so a partly valid document still counts.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createDiagnostic, DIAGNOSTIC_CODES } from '../diagnostics';
import type { YamlBlock } from '../documents';
import {
  LEVEL_NAMES,
  TRAINING_TYPES,
  type AssessmentRecord,
  type CompetencyRequirement,
  type DocumentKind,
  type FileEntities,
  type Level,
  type Location,
  type ReferenceKind,
  type TrainingRequirement,
  type TrainingType,
} from '../model';
import type { SourceFile } from '../source-file';
import { findNode, keyRange, nodeRange, toPointer, type YamlPath } from './yaml-paths';

/** One document being converted: its data, where it sits, and where results go. */
export interface EntityContext {
  file: SourceFile;
  block: YamlBlock;
  data: unknown;
  /** JSON pointers of values left out: template placeholders and values that fail the schema. */
  skipped: ReadonlySet<string>;
  entities: FileEntities;
  ids: IdRegistry;
}

/** Reports an id that one file defines twice for the same kind of thing. */
export class IdRegistry {
  private readonly seen = new Map<string, Range>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly uri: string) {}

  define(what: string, id: string, range: Range, scope = ''): void {
    const key = `${what}|${scope}|${id}`;
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, range);
      return;
    }
    const message =
      `Duplicate ${what} id "${id}": line ${first.start.line + 1} of this file defines it ` +
      'already. Rename one of them or remove the duplicate.';
    const diagnostic = createDiagnostic(
      range,
      DiagnosticSeverity.Error,
      DIAGNOSTIC_CODES.duplicateId,
      message,
    );
    diagnostic.relatedInformation = [
      { location: { uri: this.uri, range: first }, message: 'First definition' },
    ];
    this.diagnostics.push(diagnostic);
  }
}

export function convertDocument(kind: DocumentKind, context: EntityContext): void {
  const reader = new DocumentReader(context);
  switch (kind) {
    case 'TrainingProgram':
      return readProgram(reader, context);
    case 'RoleDescription':
      return readRole(reader, context);
    case 'TrainingProfile':
      return readProfile(reader, context);
    case 'TrainingRecord':
      return readRecord(reader, context);
    case 'CompetencyMatrix':
      return readMatrix(reader, context);
  }
}

/** Typed access to the document's data by path, skipping placeholders and invalid values. */
class DocumentReader {
  constructor(private readonly context: EntityContext) {}

  get origin(): 'yaml' | 'front-matter' | 'fence' {
    return this.context.block.origin;
  }

  value(path: YamlPath): unknown {
    if (this.context.skipped.has(toPointer(path))) return undefined;
    return this.rawValue(path);
  }

  /** Returns the value at `path` even when it was left out as invalid or a placeholder. */
  rawValue(path: YamlPath): unknown {
    let value = this.context.data;
    for (const segment of path) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<string | number, unknown>)[segment]
          : undefined;
    }
    return value;
  }

  /** True when the value at `path` was left out as invalid or a placeholder. */
  isSkipped(path: YamlPath): boolean {
    return this.context.skipped.has(toPointer(path));
  }

  text(path: YamlPath): string | undefined {
    const value = this.value(path);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }

  number(path: YamlPath): number | undefined {
    const value = this.value(path);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  texts(path: YamlPath): string[] {
    return this.indexes(path).flatMap((index) => this.text([...path, index]) ?? []);
  }

  /** Returns the indexes of the list at `path`, or none when it is not a list. */
  indexes(path: YamlPath): number[] {
    const value = this.value(path);
    return Array.isArray(value) ? value.map((_, index) => index) : [];
  }

  keys(path: YamlPath): string[] {
    const value = this.value(path);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value)
      : [];
  }

  level(path: YamlPath): Level | undefined {
    const value = this.value(path);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4)
      return value as Level;
    const index = LEVEL_NAMES.indexOf(value as (typeof LEVEL_NAMES)[number]);
    return index >= 0 ? (index as Level) : undefined;
  }

  location(path: YamlPath): Location | undefined {
    const { file, block } = this.context;
    const found = findNode(block, path);
    if (found.path.length !== path.length || !found.node) return undefined;
    const range = nodeRange(file, block, found.node);
    return range ? { uri: file.uri, range } : undefined;
  }

  keyLocation(path: YamlPath): Location | undefined {
    const { file, block } = this.context;
    const found = findNode(block, path);
    if (found.path.length !== path.length || !found.pair) return undefined;
    const range = keyRange(file, block, found.pair);
    return range ? { uri: file.uri, range } : undefined;
  }

  /** Records a reference to the id at `path`, when there is one, and returns the id. */
  reference(kind: ReferenceKind, path: YamlPath): string | undefined {
    const id = this.text(path);
    const location = id ? this.location(path) : undefined;
    if (id && location) this.context.entities.references.push({ kind, id, ...location });
    return id;
  }

  references(kind: ReferenceKind, path: YamlPath): string[] {
    return this.indexes(path).flatMap((index) => this.reference(kind, [...path, index]) ?? []);
  }

  /** Registers a definition for the duplicate check and returns its location. */
  define(
    what: string,
    path: YamlPath,
    scope?: string,
  ): { id: string; location: Location } | undefined {
    const id = this.text(path);
    const location = id ? this.location(path) : undefined;
    if (!id || !location) return undefined;
    this.context.ids.define(what, id, location.range, scope);
    return { id, location };
  }
}

function readRequirements(reader: DocumentReader, path: YamlPath): CompetencyRequirement[] {
  return reader.indexes(path).flatMap((index) => {
    const competency = reader.reference('competency', [...path, index, 'competency']);
    const level = reader.level([...path, index, 'level']);
    if (competency === undefined || level === undefined) return [];
    const location = reader.location([...path, index, 'competency']);
    return [{ competency, level, ...(location ? { location } : {}) }];
  });
}

function readProgram(reader: DocumentReader, context: EntityContext): void {
  const owner = reader.reference('role', ['owner']);
  const assessmentPrograms = reader.indexes(['assessmentPrograms']).flatMap((index) => {
    const path = ['assessmentPrograms', index];
    const method = reader.reference('assessment-method', [...path, 'method']);
    const definition = reader.define('assessment program', [...path, 'id']);
    if (!definition || !method) return [];
    const passThreshold = reader.number([...path, 'passThreshold']);
    const assessorQualification = reader.text([...path, 'assessorQualification']);
    return [
      {
        id: definition.id,
        method,
        location: definition.location,
        ...(passThreshold !== undefined ? { passThreshold } : {}),
        ...(assessorQualification ? { assessorQualification } : {}),
      },
    ];
  });
  const definition = reader.define('training program', ['id']);
  if (!definition) return;
  const reviewInterval = reader.text(['needsAnalysis', 'reviewInterval']);
  context.entities.programs.push({
    id: definition.id,
    ...(owner ? { owner } : {}),
    triggers: reader.texts(['needsAnalysis', 'triggers']),
    ...(reviewInterval ? { reviewInterval } : {}),
    assessmentPrograms,
    origin: reader.origin,
    location: definition.location,
  });
}

function readRole(reader: DocumentReader, context: EntityContext): void {
  const clauses = reader.references('clause', ['clauses']);
  const competencies = readRequirements(reader, ['competencies']);
  const independentOf = reader.references('role', ['independentOf']);
  const definition = reader.define('role', ['id']);
  if (!definition) return;
  const title = reader.text(['title']);
  context.entities.roles.push({
    id: definition.id,
    ...(title ? { title } : {}),
    clauses,
    responsibilities: reader.texts(['responsibilities']),
    competencies,
    independentOf,
    origin: reader.origin,
    location: definition.location,
  });
}

function readProfile(reader: DocumentReader, context: EntityContext): void {
  const role = reader.reference('role', ['role']);
  const profileId = reader.text(['id']) ?? '';
  const trainings = reader.indexes(['trainings']).flatMap((index) => {
    const path = ['trainings', index];
    const covers = readRequirements(reader, [...path, 'covers']);
    const definition = reader.define('training', [...path, 'id'], `profile ${profileId}`);
    if (!definition) return [];
    const title = reader.text([...path, 'title']);
    const dueWithinDays = reader.number([...path, 'dueWithinDays']);
    return [
      {
        id: definition.id,
        ...(title ? { title } : {}),
        type: trainingType(reader.text([...path, 'type'])),
        covers,
        ...readRecurrence(reader, [...path, 'recurrence']),
        ...(dueWithinDays !== undefined ? { dueWithinDays } : {}),
        location: definition.location,
      },
    ];
  });
  const method = reader.reference('assessment-method', ['assessment', 'method']);
  const program = reader.reference('assessment-program', ['assessment', 'program']);
  const assessmentLocation = reader.keyLocation(['assessment']);
  const definition = reader.define('training profile', ['id']);
  if (!definition || !role) return;
  context.entities.profiles.push({
    id: definition.id,
    role,
    trainings,
    ...(method
      ? {
          assessment: {
            method,
            ...(program ? { program } : {}),
            ...(assessmentLocation ? { location: assessmentLocation } : {}),
          },
        }
      : {}),
    origin: reader.origin,
    location: definition.location,
  });
}

/**
 * Reads a recurrence. A value the schema rejects, such as `yearly`, is kept as text and
 * marked unclear, so the training does not look as if it stated no recurrence at all.
 */
function readRecurrence(
  reader: DocumentReader,
  path: YamlPath,
): Pick<TrainingRequirement, 'recurrence' | 'recurrenceText' | 'recurrenceUnclear'> {
  const recurrence = reader.text(path);
  if (recurrence) return { recurrence };
  const raw = reader.rawValue(path);
  if (!reader.isSkipped(path) || raw === undefined || raw === null) return {};
  const scalar = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean';
  return scalar
    ? { recurrenceText: String(raw), recurrenceUnclear: true }
    : { recurrenceUnclear: true };
}

/**
 * Reads a training type. A training without a readable type counts as awareness training,
 * the weakest type, so a schema error never makes a training look stronger than it is.
 */
function trainingType(value: string | undefined): TrainingType {
  return TRAINING_TYPES.find((type) => type === value) ?? 'awareness';
}

function readRecord(reader: DocumentReader, context: EntityContext): void {
  const assignments = reader.indexes(['assignments']).flatMap((index) => {
    const path = ['assignments', index];
    const role = reader.reference('role', [...path, 'role']);
    if (!role) return [];
    const location = reader.location([...path, 'role']);
    const optional = optionalTexts(reader, path, ['from', 'to', 'item', 'objectivityMeasure']);
    return [{ role, ...optional, ...(location ? { location } : {}) }];
  });
  const completed = reader.indexes(['completed']).flatMap((index) => {
    const path = ['completed', index];
    const training = reader.reference('training', [...path, 'training']);
    const assessment = readAssessment(reader, [...path, 'assessment']);
    if (!training) return [];
    const location = reader.location([...path, 'training']);
    const optional = optionalTexts(reader, path, ['date', 'version', 'expires', 'evidence']);
    return [
      {
        training,
        ...optional,
        ...(assessment ? { assessment } : {}),
        ...(location ? { location } : {}),
      },
    ];
  });
  const definition = reader.define('person', ['person', 'id']);
  if (!definition) return;
  const optional = optionalTexts(reader, ['person'], ['name', 'startDate']);
  context.entities.records.push({
    id: definition.id,
    ...optional,
    assignments,
    completed,
    origin: reader.origin,
    location: definition.location,
  });
}

function readAssessment(reader: DocumentReader, path: YamlPath): AssessmentRecord | undefined {
  const method = reader.reference('assessment-method', [...path, 'method']);
  const assessor = reader.reference('person', [...path, 'assessor']);
  if (!method) return undefined;
  const result = reader.value([...path, 'result']);
  const score = typeof result === 'number' && result >= 0 && result <= 100 ? result : undefined;
  const outcome = result === 'pass' || result === 'fail' ? result : score;
  const date = reader.text([...path, 'date']);
  const justification = reader.text([...path, 'justification'])?.trim();
  const location = reader.location([...path, 'method']);
  return {
    method,
    ...(outcome !== undefined ? { result: outcome } : {}),
    ...(assessor ? { assessor } : {}),
    ...(date ? { date } : {}),
    ...(justification ? { justification } : {}),
    ...(location ? { location } : {}),
  };
}

function optionalTexts<K extends string>(
  reader: DocumentReader,
  path: YamlPath,
  keys: K[],
): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = reader.text([...path, key]);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

function readMatrix(reader: DocumentReader, context: EntityContext): void {
  const people = reader.indexes(['people']).flatMap((index) => {
    const path = ['people', index];
    const person = reader.reference('person', [...path, 'person']);
    const roles = reader.references('role', [...path, 'roles']);
    // Entries become own properties even for a key such as `__proto__`, which an assignment
    // would take as the object's prototype.
    const levelEntries: [string, Level][] = [];
    for (const competency of reader.keys([...path, 'levels'])) {
      const keyLocation = reader.keyLocation([...path, 'levels', competency]);
      if (keyLocation) {
        context.entities.references.push({ kind: 'competency', id: competency, ...keyLocation });
      }
      const level = reader.level([...path, 'levels', competency]);
      if (level !== undefined) levelEntries.push([competency, level]);
    }
    const levels: Record<string, Level> = Object.fromEntries(levelEntries);
    if (!person) return [];
    const location = reader.location([...path, 'person']);
    return [{ person, roles, levels, ...(location ? { location } : {}) }];
  });
  const definition = reader.define('competency matrix', ['id']);
  if (!definition) return;
  const asOf = reader.text(['asOf']);
  context.entities.matrices.push({
    id: definition.id,
    ...(asOf ? { asOf } : {}),
    people,
    origin: reader.origin,
    location: definition.location,
  });
}
