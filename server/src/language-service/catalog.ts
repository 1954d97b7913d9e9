// The built-in catalog and the document schemas, read from `schemas/` next to the code.
// The catalog is read once per process and cached, because it never changes at run time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  Catalog,
  CatalogAssessmentMethod,
  CatalogClause,
  CatalogCompetency,
  CatalogLevel,
  CatalogRole,
  CatalogTrainingType,
} from './catalog-types';
import type { DocumentKind } from './model';
import { schemasDirectory } from './resources';

/** Schema file name under `schemas/` for each strict document kind. */
export const SCHEMA_FILES: Record<DocumentKind, string> = {
  TrainingProgram: 'training-program.schema.json',
  RoleDescription: 'role-description.schema.json',
  TrainingProfile: 'training-profile.schema.json',
  TrainingRecord: 'training-record.schema.json',
  CompetencyMatrix: 'competency-matrix.schema.json',
};

/**
 * Prefix of every schema `$id`. It identifies the schemas in `$schema` keys and modelines
 * and is never fetched: the `.invalid` top-level domain cannot resolve.
 */
export const SCHEMA_ID_BASE = 'https://competency-lens.invalid/schemas/';

/** Catalog file names under `schemas/catalog/`, each with a `catalog-<name>.schema.json`. */
export const CATALOG_FILES = {
  clauses: 'clauses.json',
  roles: 'roles.json',
  competencies: 'competencies.json',
  levels: 'levels.json',
  assessmentMethods: 'assessment-methods.json',
  trainingTypes: 'training-types.json',
} as const;

let cachedCatalog: Catalog | undefined;

/** Returns the built-in catalog, reading `schemas/catalog/*.json` on the first call. */
export function loadCatalog(): Catalog {
  cachedCatalog ??= readCatalog(path.join(schemasDirectory(), 'catalog'));
  return cachedCatalog;
}

/**
 * Reads one schema file under `schemas/`, such as `training-record.schema.json`. Each call
 * returns a fresh object, so a caller may hand it to a validator that annotates it.
 */
export function loadSchema(fileName: string): object {
  const value = readJson(path.join(schemasDirectory(), fileName));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Invalid schema file ${fileName}: expected a JSON object.`);
  }
  return value;
}

function readCatalog(directory: string): Catalog {
  const clauses = readArray<CatalogClause>(directory, CATALOG_FILES.clauses);
  const roles = readArray<CatalogRole>(directory, CATALOG_FILES.roles);
  const competencies = readArray<CatalogCompetency>(directory, CATALOG_FILES.competencies);
  const levels = readArray<CatalogLevel>(directory, CATALOG_FILES.levels);
  const assessmentMethods = readArray<CatalogAssessmentMethod>(
    directory,
    CATALOG_FILES.assessmentMethods,
  );
  const trainingTypes = readArray<CatalogTrainingType>(directory, CATALOG_FILES.trainingTypes);

  const clausesById = indexById(clauses);
  const rolesById = indexById(roles);
  const competenciesById = indexById(competencies);
  const methodsById = indexById(assessmentMethods);

  return {
    clauses,
    roles,
    competencies,
    levels,
    assessmentMethods,
    trainingTypes,
    clause: (id) => clausesById.get(id),
    role: (id) => rolesById.get(id),
    competency: (id) => competenciesById.get(id),
    assessmentMethod: (id) => methodsById.get(id),
  };
}

// NOTE: only the top-level shape is checked at run time. The entries are trusted to match
// their `catalog-<name>.schema.json`, because the unit tests validate every shipped file.
function readArray<T>(directory: string, fileName: string): T[] {
  const value = readJson(path.join(directory, fileName));
  if (!Array.isArray(value)) {
    throw new Error(`Invalid catalog file ${fileName}: expected a JSON array.`);
  }
  return value as T[];
}

function readJson(filePath: string): unknown {
  return JSON.parse(fs.readFileSync(filePath, 'utf8')) as unknown;
}

function indexById<T extends { id: string }>(entries: T[]): Map<string, T> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}
