// The ids a reference may name, where each is defined, and how hovers and completion
// documentation describe them. Catalog entries come first; workspace documents add their
// own ids and override the catalog's description of an id they also define.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appendAll } from '../collections';
import type { Location, ReferenceKind, Role, WorkspaceModel } from '../model';
import { LEVEL_NAMES, REFERENCE_KIND_NAMES } from '../model';
import type { Catalog } from '../catalog-types';
import { CATALOG_FILES } from '../catalog';
import { schemasDirectory } from '../resources';
import { URI } from 'vscode-uri';

/** What a value names: a reference kind, or one of the closed vocabularies. */
export type ValueKind = ReferenceKind | 'level' | 'training-type' | 'trigger' | 'kind';

export interface IdEntry {
  id: string;
  /** One line for the completion list, such as the title. */
  detail?: string;
  /** Markdown shown in completion documentation and hovers. */
  documentation: string;
}

/** Returns the kind of id in words for messages, such as "assessment program". */
export function referenceKindName(kind: ReferenceKind): string {
  return REFERENCE_KIND_NAMES[kind];
}

/** Lists every id of a kind known to the catalog and the workspace, sorted by id. */
export function listIds(kind: ValueKind, model: WorkspaceModel, catalog: Catalog): IdEntry[] {
  const entries = new Map<string, IdEntry>();
  const add = (id: string): void => {
    if (entries.has(id)) return;
    const entry = describeId(kind, id, model, catalog);
    if (entry) entries.set(id, entry);
  };
  for (const id of knownIds(kind, model, catalog)) add(id);
  return [...entries.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function knownIds(kind: ValueKind, model: WorkspaceModel, catalog: Catalog): string[] {
  switch (kind) {
    case 'role':
      return [...catalog.roles.map((role) => role.id), ...model.roles.map((role) => role.id)];
    case 'competency':
      return [
        ...catalog.competencies.map((competency) => competency.id),
        ...model.roles.flatMap((role) => role.competencies.map((entry) => entry.competency)),
      ];
    case 'training':
      return model.profiles.flatMap((profile) => profile.trainings.map((training) => training.id));
    case 'person':
      return [
        ...model.records.map((record) => record.id),
        ...model.matrices.flatMap((matrix) => matrix.people.map((entry) => entry.person)),
      ];
    case 'assessment-program':
      return model.programs.flatMap((program) => program.assessmentPrograms.map((p) => p.id));
    case 'assessment-method':
      return catalog.assessmentMethods.map((method) => method.id);
    case 'clause':
      return catalog.clauses.map((clause) => clause.id);
    case 'level':
      return [...LEVEL_NAMES];
    case 'training-type':
      return catalog.trainingTypes.map((type) => type.id);
    case 'trigger':
    case 'kind':
      return [];
  }
}

/** Describes one id for hovers and completion, or returns undefined when it is unknown. */
export function describeId(
  kind: ValueKind,
  id: string,
  model: WorkspaceModel,
  catalog: Catalog,
): IdEntry | undefined {
  switch (kind) {
    case 'role':
      return describeRole(id, model, catalog);
    case 'competency':
      return describeCompetency(id, model, catalog);
    case 'training':
      return describeTraining(id, model);
    case 'person':
      return describePerson(id, model);
    case 'assessment-program':
      return describeAssessmentProgram(id, model);
    case 'assessment-method': {
      const method = catalog.assessmentMethod(id);
      if (!method) return undefined;
      const lines = [`**${method.title}** (\`${id}\`)`, method.description];
      // The catalog writes each condition as a whole sentence, such as "Counts while the
      // certificate is valid.", so it is shown as written, with one final period.
      if (method.condition) lines.push(asSentence(method.condition));
      if (!method.demonstratesExpertise) lines.push('Does not demonstrate expertise on its own.');
      return { id, detail: method.title, documentation: lines.join('\n\n') };
    }
    case 'clause': {
      const clause = catalog.clause(id);
      if (!clause) return undefined;
      const lines = [`**${id}**: ${clause.title}`];
      lines.push(
        clause.technical
          ? 'Technical activity: awareness training alone never suffices.'
          : 'Management activity.',
      );
      if (clause.parallels.length > 0) lines.push(`Parallels: ${clause.parallels.join(', ')}`);
      return { id, detail: clause.title, documentation: lines.join('\n\n') };
    }
    case 'level': {
      const value = LEVEL_NAMES.indexOf(id as (typeof LEVEL_NAMES)[number]);
      const level = catalog.levels.find((entry) => entry.id === id || String(entry.value) === id);
      if (!level && value < 0) return undefined;
      const title = level?.title ?? id;
      const number = level?.value ?? value;
      const documentation = [`**${title}** (level ${number})`, level?.description ?? ''];
      return { id, detail: `level ${number}`, documentation: documentation.join('\n\n').trim() };
    }
    case 'training-type': {
      const type = catalog.trainingTypes.find((entry) => entry.id === id);
      if (!type) return undefined;
      const documentation = `**${type.title}** (\`${id}\`)\n\n${type.description}\n\nGives at most level ${type.maxLevel} on its own.`;
      return { id, detail: type.title, documentation };
    }
    case 'trigger':
    case 'kind':
      return undefined;
  }
}

function describeRole(id: string, model: WorkspaceModel, catalog: Catalog): IdEntry | undefined {
  const defined = model.roles.find((role) => role.id === id);
  const entry = catalog.role(id);
  if (!defined && !entry) return undefined;
  const title = defined?.title ?? entry?.title ?? id;
  const lines = [`**${title}** (\`${id}\`), role`];
  if (entry?.description) lines.push(entry.description);
  const clauses = defined?.clauses.length ? defined.clauses : (entry?.clauses ?? []);
  if (clauses.length > 0) lines.push(`Clauses: ${clauses.join(', ')}`);
  const competencies = defined?.competencies.length
    ? defined.competencies
    : (entry?.competencies ?? []);
  if (competencies.length > 0) {
    const list = competencies.map((c) => `${c.competency} (${LEVEL_NAMES[c.level] ?? c.level})`);
    lines.push(`Competencies: ${list.join(', ')}`);
  }
  if (defined) lines.push(definedIn(defined));
  else lines.push('Built-in catalog role.');
  return { id, detail: title, documentation: lines.join('\n\n') };
}

function definedIn(role: Role): string {
  const place = role.location ? ` in ${fileName(role.location.uri)}` : '';
  const mapping = role.mapping
    ? ` Matched to ${role.mapping.catalogRoles.join(', ') || 'no catalog role'}: ${role.mapping.reason}`
    : '';
  return `Defined${place}.${mapping}`;
}

function describeCompetency(
  id: string,
  model: WorkspaceModel,
  catalog: Catalog,
): IdEntry | undefined {
  const entry = catalog.competency(id);
  if (!entry) {
    const required = model.roles.some((role) => role.competencies.some((c) => c.competency === id));
    if (!required) return undefined;
    return {
      id,
      documentation: `\`${id}\`, competency required by a workspace role (not in the built-in catalog).`,
    };
  }
  const lines = [`**${entry.title}** (\`${id}\`), competency`, entry.description];
  if (entry.frameworks.length > 0) lines.push(`Draws on: ${entry.frameworks.join(', ')}`);
  return { id, detail: entry.title, documentation: lines.join('\n\n') };
}

function describeTraining(id: string, model: WorkspaceModel): IdEntry | undefined {
  for (const profile of model.profiles) {
    const training = profile.trainings.find((entry) => entry.id === id);
    if (!training) continue;
    const title = training.title ?? id;
    const lines = [
      `**${title}** (\`${id}\`), ${training.type} training for role \`${profile.role}\``,
    ];
    if (training.covers.length > 0) {
      const covers = training.covers.map(
        (c) => `${c.competency} (${LEVEL_NAMES[c.level] ?? c.level})`,
      );
      lines.push(`Covers: ${covers.join(', ')}`);
    }
    if (training.recurrence) lines.push(`Recurrence: ${training.recurrence}`);
    else if (training.recurrenceText) lines.push(`Recurrence: "${training.recurrenceText}"`);
    if (training.dueWithinDays !== undefined) {
      lines.push(`Due within ${training.dueWithinDays} days of assignment.`);
    }
    return { id, detail: title, documentation: lines.join('\n\n') };
  }
  return undefined;
}

function describePerson(id: string, model: WorkspaceModel): IdEntry | undefined {
  const record = model.records.find((entry) => entry.id === id);
  const inMatrix = model.matrices.some((matrix) => matrix.people.some((p) => p.person === id));
  if (!record && !inMatrix) return undefined;
  const lines = [`**${record?.name ?? id}** (\`${id}\`), person`];
  if (record) {
    const roles = record.assignments.map((assignment) => assignment.role);
    if (roles.length > 0) lines.push(`Roles: ${roles.join(', ')}`);
    lines.push(`Completed trainings: ${record.completed.length}`);
  } else {
    lines.push('Listed in a competency matrix; no training record found.');
  }
  return {
    id,
    ...(record?.name ? { detail: record.name } : {}),
    documentation: lines.join('\n\n'),
  };
}

function describeAssessmentProgram(id: string, model: WorkspaceModel): IdEntry | undefined {
  for (const program of model.programs) {
    const entry = program.assessmentPrograms.find((p) => p.id === id);
    if (!entry) continue;
    const lines = [
      `**\`${id}\`**, assessment program of \`${program.id}\``,
      `Method: ${entry.method}`,
    ];
    if (entry.passThreshold !== undefined) lines.push(`Pass threshold: ${entry.passThreshold}%`);
    if (entry.assessorQualification) lines.push(`Assessor: ${entry.assessorQualification}`);
    return { id, detail: entry.method, documentation: lines.join('\n\n') };
  }
  return undefined;
}

/** Returns where an id is defined in workspace files. */
export function findDefinitions(
  kind: ReferenceKind,
  id: string,
  model: WorkspaceModel,
): Location[] {
  const locations: (Location | undefined)[] = [];
  switch (kind) {
    case 'role':
      appendAll(
        locations,
        model.roles.filter((role) => role.id === id).map((role) => role.location),
      );
      break;
    case 'training':
      for (const profile of model.profiles) {
        appendAll(
          locations,
          profile.trainings.filter((t) => t.id === id).map((t) => t.location),
        );
      }
      break;
    case 'person':
      appendAll(
        locations,
        model.records.filter((r) => r.id === id).map((r) => r.location),
      );
      break;
    case 'assessment-program':
      for (const program of model.programs) {
        appendAll(
          locations,
          program.assessmentPrograms.filter((p) => p.id === id).map((p) => p.location),
        );
      }
      break;
    default:
      break;
  }
  return locations.filter((location): location is Location => location !== undefined);
}

/**
 * Finds a catalog entry in the shipped `schemas/catalog/*.json` file, so "go to definition"
 * on a built-in role or competency opens its catalog entry.
 */
export function findCatalogDefinition(kind: ReferenceKind, id: string): Location | undefined {
  const files: Partial<Record<ReferenceKind, string>> = {
    role: CATALOG_FILES.roles,
    competency: CATALOG_FILES.competencies,
    clause: CATALOG_FILES.clauses,
    'assessment-method': CATALOG_FILES.assessmentMethods,
  };
  const fileName = files[kind];
  if (!fileName) return undefined;
  const filePath = path.join(schemasDirectory(), 'catalog', fileName);
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
  const needle = `"id": ${JSON.stringify(id)}`;
  const index = text.indexOf(needle);
  if (index < 0) return undefined;
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  const character = index - (before.lastIndexOf('\n') + 1) + '"id": '.length;
  const range = {
    start: { line, character },
    end: { line, character: character + JSON.stringify(id).length },
  };
  return { uri: URI.file(filePath).toString(), range };
}

/** Ends a text with exactly one period, unless it already ends with other punctuation. */
function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\.+$/, '');
  return /[!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
