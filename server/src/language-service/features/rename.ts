// Rename of ids defined in workspace files: roles, trainings, people and assessment
// programs. The definition and every reference change together. Built-in catalog ids
// cannot be renamed, because no workspace file defines them. A new name that is already
// defined for the same kind of id is rejected, because the rename would merge two entities.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Location } from '../model';
import type { Workspace } from '../workspace';
import { findDefinitions } from './ids';
import { describeExistingId } from './rename-conflicts';
import { referencesOf } from './navigation';
import { idTargetAt, unquotedRange } from './target';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface PrepareRenameResult {
  range: Range;
  placeholder: string;
}

export function prepareRename(
  workspace: Workspace,
  uri: string,
  position: Position,
): PrepareRenameResult | null {
  const parsed = workspace.getFile(uri);
  if (!parsed) return null;
  const target = idTargetAt(parsed, workspace.model, position);
  if (!target) return null;
  if (findDefinitions(target.kind, target.id, workspace.model).length === 0) return null;
  return { range: target.range, placeholder: target.id };
}

/**
 * Returns the edits that rename the id at `position`, null when nothing renameable is
 * there, or an error message when `newName` is not a valid id or is already defined.
 */
export function doRename(
  workspace: Workspace,
  uri: string,
  position: Position,
  newName: string,
): WorkspaceEdit | null | string {
  const parsed = workspace.getFile(uri);
  if (!parsed) return null;
  const target = idTargetAt(parsed, workspace.model, position);
  if (!target) return null;
  const definitions = findDefinitions(target.kind, target.id, workspace.model);
  if (definitions.length === 0) return null;
  if (!ID_PATTERN.test(newName)) {
    return `Invalid id "${newName}": ids are kebab-case, lower-case letters and digits joined by "-".`;
  }
  if (newName !== target.id) {
    const existing = describeExistingId(workspace, target.kind, newName);
    if (existing) {
      return `Cannot rename "${target.id}" to "${newName}": ${existing}. Choose an id that is not in use.`;
    }
  }

  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  const add = (location: Location): void => {
    const key = `${location.uri}#${JSON.stringify(location.range)}`;
    if (seen.has(key)) return;
    seen.add(key);
    (changes[location.uri] ??= []).push({ range: location.range, newText: newName });
  };
  for (const definition of definitions) {
    const range = idRangeIn(workspace, definition, target.id);
    if (range) add({ uri: definition.uri, range });
  }
  for (const reference of referencesOf(workspace, target.kind, target.id)) {
    const file = workspace.getFile(reference.uri);
    add({
      uri: reference.uri,
      range: file ? unquotedRange(file, reference.range) : reference.range,
    });
  }
  return { changes };
}

/**
 * Finds the id's own text inside a definition's location, which may span the whole
 * entity: the location itself when it is the id, else the value of its `id:` key, else the
 * first whole-word occurrence.
 */
function idRangeIn(workspace: Workspace, location: Location, id: string): Range | undefined {
  const file = workspace.getFile(location.uri);
  if (!file) return undefined;
  const document = file.file.document;
  const inner = unquotedRange(file, location.range);
  if (document.getText(inner) === id) return inner;

  const start = document.offsetAt(location.range.start);
  const text = document.getText(location.range);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`(?:^|[\\s{,])id:[ \\t]*["']?(${escaped})(?=["']?(?:[\\s,}#]|$))`, 'm'),
    new RegExp(`(?<![\\w-])(${escaped})(?![\\w-])`),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const offset = start + match.index + match[0].length - match[1]!.length;
    return { start: document.positionAt(offset), end: document.positionAt(offset + id.length) };
  }
  return undefined;
}
