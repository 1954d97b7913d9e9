// STUB: replaced by the catalog loader over `schemas/catalog/*.json`.
import type { Catalog } from './catalog-types';

export function loadCatalog(): Catalog {
  return {
    clauses: [],
    roles: [],
    competencies: [],
    levels: [],
    assessmentMethods: [],
    trainingTypes: [],
    clause: () => undefined,
    role: () => undefined,
    competency: () => undefined,
    assessmentMethod: () => undefined,
  };
}
