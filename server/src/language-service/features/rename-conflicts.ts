// Finds where an id is already in use before a rename takes it, so the rename can be
// rejected with the place to look instead of silently merging two entities.
import type { Location, ReferenceKind } from '../model';
import type { Workspace } from '../workspace';
import { findDefinitions, referenceKindName } from './ids';

/**
 * Describes where an id of `kind` is already defined, such as "a training with this id is
 * already defined in profiles/developer.yaml, line 5", or returns undefined when it is free.
 */
export function describeExistingId(
  workspace: Workspace,
  kind: ReferenceKind,
  id: string,
): string | undefined {
  const model = workspace.model;
  const subject = `${article(referenceKindName(kind))} with this id is already defined`;
  const locations = [...findDefinitions(kind, id, model)];
  if (kind === 'person') {
    // A person listed only in a competency matrix has no record, but the matrix row is theirs.
    for (const matrix of model.matrices) {
      for (const entry of matrix.people) {
        if (entry.person === id && entry.location) locations.push(entry.location);
      }
    }
  }
  if (locations.length > 0) {
    return `${subject} in ${locations.map((location) => placeOf(location, model.files)).join(' and ')}`;
  }
  if (isCatalogId(workspace, kind, id)) return `${subject} in the built-in catalog`;
  if (kind === 'competency' && requiredCompetency(workspace, id)) {
    return `${subject}: a workspace role requires it`;
  }
  return undefined;
}

function isCatalogId(workspace: Workspace, kind: ReferenceKind, id: string): boolean {
  const catalog = workspace.context.catalog;
  switch (kind) {
    case 'role':
      return catalog.role(id) !== undefined;
    case 'competency':
      return catalog.competency(id) !== undefined;
    case 'assessment-method':
      return catalog.assessmentMethod(id) !== undefined;
    case 'clause':
      return catalog.clause(id) !== undefined;
    default:
      return false;
  }
}

function requiredCompetency(workspace: Workspace, id: string): boolean {
  return workspace.model.roles.some((role) => role.competencies.some((c) => c.competency === id));
}

/** Names a location as a path relative to the folder all workspace files share, and a line. */
function placeOf(location: Location, files: readonly string[]): string {
  const root = commonFolder(files.length > 0 ? files : [location.uri]);
  const path = location.uri.startsWith(root) ? location.uri.slice(root.length) : location.uri;
  return `${decodeURIComponent(path)}, line ${location.range.start.line + 1}`;
}

/** Returns the longest folder URI, ending in `/`, that contains every URI in `uris`. */
function commonFolder(uris: readonly string[]): string {
  let prefix = uris[0]!.slice(0, uris[0]!.lastIndexOf('/') + 1);
  for (const uri of uris) {
    while (prefix !== '' && !uri.startsWith(prefix)) {
      prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
    }
  }
  return prefix;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
