// Go to definition and find references of role, training, competency, person and
// assessment program ids, across every workspace file.
import type { Location, Position } from 'vscode-languageserver-types';
import type { ReferenceKind } from '../model';
import type { Workspace } from '../workspace';
import { findCatalogDefinition, findDefinitions } from './ids';
import { idTargetAt } from './target';

export function findDefinition(workspace: Workspace, uri: string, position: Position): Location[] {
  const parsed = workspace.getFile(uri);
  if (!parsed) return [];
  const target = idTargetAt(parsed, workspace.model, position);
  if (!target) return [];
  const definitions = findDefinitions(target.kind, target.id, workspace.model);
  if (definitions.length > 0) return definitions.map(toLocation);
  const catalogEntry = findCatalogDefinition(target.kind, target.id);
  return catalogEntry ? [catalogEntry] : [];
}

export function findReferences(
  workspace: Workspace,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const parsed = workspace.getFile(uri);
  if (!parsed) return [];
  const target = idTargetAt(parsed, workspace.model, position);
  if (!target) return [];
  const locations = referencesOf(workspace, target.kind, target.id);
  if (includeDeclaration) {
    locations.unshift(...findDefinitions(target.kind, target.id, workspace.model).map(toLocation));
  }
  return locations;
}

/** Lists every place in the workspace that names the id, in file order. */
export function referencesOf(workspace: Workspace, kind: ReferenceKind, id: string): Location[] {
  return workspace.model.references
    .filter((reference) => reference.kind === kind && reference.id === id)
    .map(toLocation);
}

function toLocation(location: { uri: string; range: Location['range'] }): Location {
  return { uri: location.uri, range: location.range };
}
