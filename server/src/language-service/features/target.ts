// What the cursor is on: a reference or the definition of an id, found through the model,
// or else through the YAML field the token is in.
import { ownValue } from '../collections';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Location, ReferenceKind, WorkspaceModel } from '../model';
import type { ParsedFile } from '../parse-file';
import type { ValueKind } from './ids';
import { isDocumentKind, isObjectSchema, kindSchema, schemaAt } from './schema-nav';
import { ITEMS, yamlContextAt, type PathSegment, type YamlContext } from './yaml-context';

export interface IdTarget {
  kind: ReferenceKind;
  id: string;
  /** The id's text in the file, without quotes. */
  range: Range;
}

export interface Token {
  text: string;
  range: Range;
  /** True when the token is a mapping key (`text:` followed by a space or line end). */
  isKey: boolean;
}

const TOKEN_CHAR = /[A-Za-z0-9_.:\-$]/;

/** Fields whose value names an id, by the last key of the value's path. */
const FIELD_KINDS: Record<string, ValueKind> = {
  role: 'role',
  roles: 'role',
  owner: 'role',
  independentOf: 'role',
  competency: 'competency',
  training: 'training',
  person: 'person',
  assessor: 'person',
  program: 'assessment-program',
  method: 'assessment-method',
  clauses: 'clause',
  level: 'level',
  triggers: 'trigger',
};

/** Returns the token under `position` on its line, or undefined on blank space. */
export function tokenAt(parsed: ParsedFile, position: Position): Token | undefined {
  const document = parsed.file.document;
  const line = document.getText({
    start: { line: position.line, character: 0 },
    end: { line: position.line + 1, character: 0 },
  });
  // `line[i]` past the end is undefined, which the pattern tests as the word "undefined", so
  // the scan must start inside the line.
  let start = Math.min(Math.max(position.character, 0), line.length);
  let end = start;
  while (start > 0 && TOKEN_CHAR.test(line[start - 1]!)) start--;
  while (end < line.length && TOKEN_CHAR.test(line[end]!)) end++;
  let text = line.slice(start, end);
  let isKey = false;
  if (text.endsWith(':') && /^(\s|$)/.test(line.slice(end))) {
    text = text.slice(0, -1);
    end--;
    isKey = true;
  }
  if (text === '' || position.character > end) return undefined;
  return {
    text,
    isKey,
    range: {
      start: { line: position.line, character: start },
      end: { line: position.line, character: end },
    },
  };
}

/** Finds the id reference or id definition at `position`. */
export function idTargetAt(
  parsed: ParsedFile,
  model: WorkspaceModel,
  position: Position,
): IdTarget | undefined {
  const uri = parsed.file.uri;
  for (const reference of parsed.entities.references) {
    if (contains(reference.range, position)) {
      return {
        kind: reference.kind,
        id: reference.id,
        range: unquotedRange(parsed, reference.range),
      };
    }
  }
  const token = tokenAt(parsed, position);
  if (!token || token.isKey) return undefined;
  const definition = definitionAt(model, uri, position, token.text);
  if (definition) return { kind: definition, id: token.text, range: token.range };

  const context = yamlContextAt(parsed, token.range.end);
  const kind = context && context.mode !== 'key' ? valueKindOf(context) : undefined;
  if (kind && isReferenceKind(kind)) return { kind, id: token.text, range: token.range };
  return undefined;
}

/** Returns the kind of value in a YAML context, from the field name and the document kind. */
export function valueKindOf(context: YamlContext): ValueKind | undefined {
  const keys = context.path.filter((segment): segment is string => segment !== ITEMS);
  const field = keys[keys.length - 1];
  if (field === undefined) return undefined;
  if (context.path.length === 1 && field === 'kind') return 'kind';
  if (keys[keys.length - 2] === 'levels' && context.path[context.path.length - 1] !== ITEMS) {
    return 'level';
  }
  if (field === 'type' && context.kind === 'TrainingProfile') return 'training-type';
  if (field === 'id') return idFieldKind(context.kind, context.path);
  const kind = ownValue(FIELD_KINDS, field);
  // `person:` in a training record contains a mapping with the person's id, not an id.
  if (kind === 'person' && isDocumentKind(context.kind)) {
    const schema = kindSchema(context.kind);
    const node = schemaAt(schema, trimItems(context.path));
    if (node && isObjectSchema(schema, node)) return undefined;
  }
  return kind;
}

/** Returns the kind of id an `id:` field defines, by document kind and position. */
function idFieldKind(kind: string | undefined, path: PathSegment[]): ReferenceKind | undefined {
  const shape = path.map((segment) => (segment === ITEMS ? '[]' : segment)).join('/');
  if (kind === 'RoleDescription' && shape === 'id') return 'role';
  if (kind === 'TrainingProfile' && shape === 'trainings/[]/id') return 'training';
  if (kind === 'TrainingRecord' && shape === 'person/id') return 'person';
  if (kind === 'TrainingProgram' && shape === 'assessmentPrograms/[]/id')
    return 'assessment-program';
  return undefined;
}

function definitionAt(
  model: WorkspaceModel,
  uri: string,
  position: Position,
  id: string,
): ReferenceKind | undefined {
  const candidates: [ReferenceKind, { id: string; location?: Location }[]][] = [
    ['role', model.roles],
    ['training', model.profiles.flatMap((profile) => profile.trainings)],
    ['person', model.records],
    ['assessment-program', model.programs.flatMap((program) => program.assessmentPrograms)],
  ];
  for (const [kind, entities] of candidates) {
    for (const entity of entities) {
      const location = entity.location;
      if (entity.id === id && location?.uri === uri && contains(location.range, position)) {
        return kind;
      }
    }
  }
  return undefined;
}

function isReferenceKind(kind: ValueKind): kind is ReferenceKind {
  return !['level', 'training-type', 'trigger', 'kind'].includes(kind);
}

function trimItems(path: PathSegment[]): PathSegment[] {
  const trimmed = [...path];
  while (trimmed[trimmed.length - 1] === ITEMS) trimmed.pop();
  return trimmed;
}

export function contains(range: Range, position: Position): boolean {
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Shrinks a range by its quotes when the text in it is a quoted scalar. */
export function unquotedRange(parsed: ParsedFile, range: Range): Range {
  const text = parsed.file.document.getText(range);
  if (text.length >= 2 && /^(["']).*\1$/s.test(text) && range.start.line === range.end.line) {
    return {
      start: { line: range.start.line, character: range.start.character + 1 },
      end: { line: range.end.line, character: range.end.character - 1 },
    };
  }
  return range;
}
