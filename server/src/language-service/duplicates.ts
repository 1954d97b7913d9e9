// Ids that more than one file of the workspace defines. The strict layer reports an id that
// one file defines twice, and this module compares the files with each other over the merged
// model. "First" and "later" follow the model's order: files sorted by URI, then the order
// of the documents within each file.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { createDiagnostic, DIAGNOSTIC_CODES } from './diagnostics';
import type {
  Location,
  Origin,
  PersonRecord,
  TrainingProfile,
  TrainingRequirement,
  WorkspaceModel,
} from './model';

/** A diagnostic and the URI of the file it belongs to. */
export interface FileDiagnostic {
  uri: string;
  diagnostic: Diagnostic;
}

/** Origins of the strict layer, which reports a second definition within one file itself. */
const STRICT_ORIGINS: ReadonlySet<Origin> = new Set(['yaml', 'front-matter', 'fence']);

interface Definition {
  id: string;
  origin: Origin;
  location?: Location;
}

/** Finds every id defined in more than one file, and every training defined inconsistently. */
export function findDuplicateIds(model: WorkspaceModel): FileDiagnostic[] {
  return [
    ...findDuplicateDefinitions('role', model.roles),
    // Job descriptions and procedures derive a profile id from the role or procedure id,
    // which is checked itself, and the user cannot rename a derived id.
    ...findDuplicateDefinitions(
      'training profile',
      model.profiles.filter((profile) => STRICT_ORIGINS.has(profile.origin)),
    ),
    ...findDuplicateDefinitions('training program', model.programs),
    ...findDuplicateDefinitions('competency matrix', model.matrices),
    ...findConflictingTrainings(model.profiles),
    ...findDuplicateRecords(model.records),
  ];
}

/** Reports an error on each definition of an id after the first. */
function findDuplicateDefinitions(entity: string, definitions: Definition[]): FileDiagnostic[] {
  const found: FileDiagnostic[] = [];
  const firsts = new Map<string, Location>();
  const filesById = new Map<string, Set<string>>();
  for (const definition of definitions) {
    const location = definition.location;
    if (!location) continue;
    const first = firsts.get(definition.id);
    const files = filesById.get(definition.id) ?? new Set<string>();
    filesById.set(definition.id, files);
    if (!first) {
      firsts.set(definition.id, location);
      files.add(location.uri);
      continue;
    }
    const reportedInFile = files.has(location.uri) && STRICT_ORIGINS.has(definition.origin);
    files.add(location.uri);
    if (reportedInFile) continue;
    const message =
      `Duplicate ${entity} id "${definition.id}": ${describePlace(first, location.uri)} ` +
      'defines it already. Rename one of them or remove the duplicate.';
    found.push(located(location, DiagnosticSeverity.Error, message, first));
  }
  return found;
}

/**
 * Reports a training id whose title or type differs from its first definition. Profiles of
 * different roles may require the same training, and then repeat its id, title and type.
 */
function findConflictingTrainings(profiles: TrainingProfile[]): FileDiagnostic[] {
  const found: FileDiagnostic[] = [];
  const firsts = new Map<string, { training: TrainingRequirement; profile: TrainingProfile }>();
  for (const profile of profiles) {
    for (const training of profile.trainings) {
      const location = training.location;
      const first = firsts.get(training.id);
      if (!first) {
        if (location) firsts.set(training.id, { training, profile });
        continue;
      }
      if (!location || !first.training.location) continue;
      // The strict layer reports a training id repeated within one profile.
      if (first.profile === profile && STRICT_ORIGINS.has(profile.origin)) continue;
      if (!conflicts(first, { training, profile })) continue;
      const message =
        `Training id "${training.id}" has ${describeTraining(training)} in profile ` +
        `"${profile.id}", but ${describeTraining(first.training)} in profile ` +
        `"${first.profile.id}" at ${describePlace(first.training.location, location.uri)}. ` +
        'Give different trainings different ids, or use the same title and type in both.';
      found.push(located(location, DiagnosticSeverity.Error, message, first.training.location));
    }
  }
  return found;
}

/**
 * True when two definitions of a training id differ in type, or in title where both titles
 * are written in a strict profile. A tolerant reader takes the title from a whole bullet,
 * recurrence and notes included, so two job descriptions word one training differently.
 */
function conflicts(
  first: { training: TrainingRequirement; profile: TrainingProfile },
  later: { training: TrainingRequirement; profile: TrainingProfile },
): boolean {
  if (first.training.type !== later.training.type) return true;
  const titlesWritten =
    STRICT_ORIGINS.has(first.profile.origin) && STRICT_ORIGINS.has(later.profile.origin);
  return titlesWritten && first.training.title !== later.training.title;
}

function describeTraining(training: TrainingRequirement): string {
  const title = training.title === undefined ? 'no title' : `title "${training.title}"`;
  return `${title} and type ${training.type}`;
}

/**
 * Reports a person with TrainingRecords in several files: a warning, because the analysis
 * merges them, or an error when the records give the person different names. Records read
 * from tables are left out, because a QMS may list one person in several training lists.
 */
function findDuplicateRecords(records: PersonRecord[]): FileDiagnostic[] {
  const found: FileDiagnostic[] = [];
  const firsts = new Map<string, PersonRecord & { location: Location }>();
  const named = new Map<string, { name: string; location: Location }>();
  const filesById = new Map<string, Set<string>>();
  for (const record of records) {
    const location = record.location;
    if (!location || !STRICT_ORIGINS.has(record.origin)) continue;
    const files = filesById.get(record.id) ?? new Set<string>();
    filesById.set(record.id, files);
    const first = firsts.get(record.id);
    const earlierName = named.get(record.id);
    const name = record.name?.trim();
    if (name && !earlierName) named.set(record.id, { name, location });
    if (!first) {
      firsts.set(record.id, { ...record, location });
      files.add(location.uri);
      continue;
    }
    // The strict layer reports a person id repeated within one file.
    const reportedInFile = files.has(location.uri);
    files.add(location.uri);
    if (reportedInFile) continue;
    if (name && earlierName && earlierName.name !== name) {
      const message =
        `Conflicting names for one person id: ${record.id} is ${earlierName.name} in ` +
        `${displayPath(earlierName.location.uri, location.uri)} ` +
        `(line ${earlierName.location.range.start.line + 1}) but ${name} here. ` +
        'Correct the name, or give one of the two people another id.';
      found.push(located(location, DiagnosticSeverity.Error, message, earlierName.location));
      continue;
    }
    const message =
      `Person ${record.id} also has a TrainingRecord at ` +
      `${describePlace(first.location, location.uri)}. The check merges both records, so ` +
      'keep one record per person, or give one of the two people another id.';
    found.push(located(location, DiagnosticSeverity.Warning, message, first.location));
  }
  return found;
}

function located(
  location: Location,
  severity: DiagnosticSeverity,
  message: string,
  first: Location,
): FileDiagnostic {
  const diagnostic = createDiagnostic(
    location.range,
    severity,
    DIAGNOSTIC_CODES.duplicateId,
    message,
  );
  diagnostic.relatedInformation = [{ location: first, message: 'First definition' }];
  return { uri: location.uri, diagnostic };
}

/** Describes a place for a message shown in `fromUri`: "line 3 of this file" or of a path. */
function describePlace(place: Location, fromUri: string): string {
  const line = place.range.start.line + 1;
  if (place.uri === fromUri) return `line ${line} of this file`;
  return `line ${line} of ${displayPath(place.uri, fromUri)}`;
}

/**
 * Returns the path of `uri` relative to the folder of `fromUri`, the file the message is
 * shown in, such as `../records/p-0001.yaml`. Returns the whole URI when the schemes differ.
 */
function displayPath(uri: string, fromUri: string): string {
  const target = URI.parse(uri);
  const from = URI.parse(fromUri);
  if (target.scheme !== from.scheme || target.authority !== from.authority) return uri;
  return path.posix.relative(path.posix.dirname(from.path), target.path);
}
