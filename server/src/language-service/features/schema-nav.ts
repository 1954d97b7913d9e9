// Walks the document kinds' JSON Schemas by YAML path, for property names, descriptions and
// enum values in completion and hover.
import { ownValue } from '../collections';
import { loadSchema, SCHEMA_FILES } from '../catalog';
import { DOCUMENT_KINDS, type DocumentKind } from '../model';
import { ITEMS, type PathSegment } from './yaml-context';

/** The subset of JSON Schema draft-07 that the document schemas use. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
}

const cache = new Map<DocumentKind, JsonSchema>();

export function isDocumentKind(kind: string | undefined): kind is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind ?? '');
}

/** Returns the schema of a document kind, read once per process. */
export function kindSchema(kind: DocumentKind): JsonSchema {
  let schema = cache.get(kind);
  if (!schema) {
    schema = loadSchema(SCHEMA_FILES[kind]) as JsonSchema;
    cache.set(kind, schema);
  }
  return schema;
}

/** Returns the schema of the node at `path`, or undefined where the schema has none. */
export function schemaAt(root: JsonSchema, path: readonly PathSegment[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = resolve(root, root);
  for (const segment of path) {
    if (!current) return undefined;
    if (segment === ITEMS) {
      current = current.items;
    } else {
      const properties = propertiesOf(root, current);
      const additional = current.additionalProperties;
      current =
        ownValue(properties, segment) ?? (typeof additional === 'object' ? additional : undefined);
    }
    current = current && resolve(root, current);
  }
  return current;
}

/**
 * Returns the properties a mapping may have, merging the alternatives of `oneOf`, `anyOf`
 * and `allOf`, so completion offers every property some alternative allows.
 */
export function propertiesOf(root: JsonSchema, schema: JsonSchema): Record<string, JsonSchema> {
  const merged: Record<string, JsonSchema> = { ...schema.properties };
  for (const alternative of [
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.allOf ?? []),
  ]) {
    const resolved = resolve(root, alternative);
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      merged[name] ??= property;
    }
  }
  return merged;
}

/** Returns the allowed values of a node: its `enum`, its `const`, or those of its alternatives. */
export function enumValues(root: JsonSchema, schema: JsonSchema): unknown[] {
  if (schema.enum) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  const values: unknown[] = [];
  for (const alternative of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    values.push(...enumValues(root, resolve(root, alternative)));
  }
  return values;
}

/** True when the schema describes a mapping, so a value there is not a scalar. */
export function isObjectSchema(root: JsonSchema, schema: JsonSchema): boolean {
  let types: string[] = [];
  if (Array.isArray(schema.type)) types = schema.type;
  else if (schema.type) types = [schema.type];
  if (types.includes('object') || schema.properties) return true;
  return [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].some(
    (alternative) => resolve(root, alternative).properties !== undefined,
  );
}

function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const match = schema.$ref ? /^#\/(definitions|\$defs)\/(.+)$/.exec(schema.$ref) : null;
  if (!match) return schema;
  const table = match[1] === '$defs' ? root.$defs : root.definitions;
  return table?.[match[2]!] ?? schema;
}
