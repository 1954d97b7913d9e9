// Completion in competency documents: `kind` values, property names of the kind's schema,
// enum values and the ids a field names, each documented from the catalog or the workspace.
// Keys already in the mapping and items already in the sequence are not offered again.
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { DOCUMENT_KINDS, LEVEL_NAMES, type DocumentKind } from '../model';
import type { Workspace } from '../workspace';
import { describeId, listIds, type ValueKind } from './ids';
import {
  enumValues,
  isDocumentKind,
  isObjectSchema,
  kindSchema,
  propertiesOf,
  schemaAt,
  type JsonSchema,
} from './schema-nav';
import { valueKindOf } from './target';
import { ITEMS, yamlContextAt, type YamlContext } from './yaml-context';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function doComplete(workspace: Workspace, uri: string, position: Position): CompletionList {
  const parsed = workspace.getFile(uri);
  if (!parsed) return EMPTY;
  const context = yamlContextAt(parsed, position);
  if (!context) return EMPTY;
  const schema = isDocumentKind(context.kind) ? kindSchema(context.kind) : undefined;

  let mode = context.mode;
  if (mode === 'item') {
    const items = schema && schemaAt(schema, context.path);
    mode = items && isObjectSchema(schema, items) ? 'key' : 'value';
  }
  const items =
    mode === 'key'
      ? keyCompletions(workspace, context, schema)
      : valueCompletions(workspace, context, schema);
  return { isIncomplete: false, items };
}

function keyCompletions(
  workspace: Workspace,
  context: YamlContext,
  schema: JsonSchema | undefined,
): CompletionItem[] {
  const present = new Set(context.presentKeys);
  const keyEdit = (name: string): { range: Range; newText: string } => ({
    range: context.keyRange,
    newText: context.colonFollows ? name : `${name}: `,
  });
  const parent = context.path.filter((segment) => segment !== ITEMS);
  // A competency matrix maps competency ids to levels under `levels:`.
  if (parent[parent.length - 1] === 'levels' && context.path[context.path.length - 1] !== ITEMS) {
    return idItems(workspace, 'competency')
      .filter((item) => !present.has(item.label))
      .map((item) => ({ ...item, textEdit: keyEdit(item.label) }));
  }
  if (!schema) {
    if (context.path.length > 0 || present.has('kind')) return [];
    const documentation = 'Document kind: one of ' + DOCUMENT_KINDS.join(', ') + '.';
    return [propertyItem('kind', documentation, keyEdit('kind'))];
  }
  const node = schemaAt(schema, context.path);
  if (!node) return [];
  return Object.entries(propertiesOf(schema, node))
    .filter(([name]) => !present.has(name))
    .map(([name, property]) =>
      propertyItem(name, property.description, keyEdit(name), node.required?.includes(name)),
    );
}

function valueCompletions(
  workspace: Workspace,
  context: YamlContext,
  schema: JsonSchema | undefined,
): CompletionItem[] {
  const kind = valueKindOf(context);
  if (kind === 'kind') return kindItems(context.wordRange);
  const excluded = new Set(context.presentItems);
  // A role cannot be independent of itself.
  const field = context.path.filter((segment) => segment !== ITEMS).pop();
  if (field === 'independentOf' && context.documentId) excluded.add(context.documentId);

  const items = new Map<string, CompletionItem>();
  if (kind === 'level') {
    for (const item of levelItems(workspace)) items.set(item.label, item);
  } else {
    if (kind) for (const item of idItems(workspace, kind)) items.set(item.label, item);
    const node = schema && schemaAt(schema, context.path);
    if (schema && node) {
      for (const value of enumValues(schema, node)) {
        const label = String(value);
        if (items.has(label)) continue;
        items.set(label, {
          label,
          kind: CompletionItemKind.EnumMember,
          ...(node.description ? { documentation: markdown(node.description) } : {}),
        });
      }
    }
  }
  return [...items.values()]
    .filter((item) => !excluded.has(item.label))
    .map((item) => ({ ...item, textEdit: { range: context.wordRange, newText: item.label } }));
}

/**
 * Lists the levels by name, then by number. Both forms are valid, and the names come first
 * because they read better in a record than a bare digit.
 */
function levelItems(workspace: Workspace): CompletionItem[] {
  const catalog = workspace.context.catalog;
  const items: CompletionItem[] = [];
  LEVEL_NAMES.forEach((name, value) => {
    const entry = describeId('level', name, workspace.model, catalog);
    const documentation = entry ? { documentation: markdown(entry.documentation) } : {};
    items.push({
      label: name,
      kind: CompletionItemKind.EnumMember,
      detail: `level ${value}`,
      ...documentation,
      sortText: `0${value}`,
    });
    items.push({
      label: String(value),
      kind: CompletionItemKind.EnumMember,
      detail: `level ${value}: ${name}`,
      ...documentation,
      sortText: `1${value}`,
    });
  });
  return items;
}

/** Lists the ids of a kind as completion items without an edit, which each caller adds. */
function idItems(workspace: Workspace, kind: ValueKind): CompletionItem[] {
  const itemKind =
    kind === 'level' || kind === 'training-type'
      ? CompletionItemKind.EnumMember
      : CompletionItemKind.Value;
  return listIds(kind, workspace.model, workspace.context.catalog).map((entry) => ({
    label: entry.id,
    kind: itemKind,
    ...(entry.detail ? { detail: entry.detail } : {}),
    documentation: markdown(entry.documentation),
  }));
}

function kindItems(range: Range): CompletionItem[] {
  return DOCUMENT_KINDS.map((kind: DocumentKind) => {
    const schema = kindSchema(kind);
    return {
      label: kind,
      kind: CompletionItemKind.Class,
      ...(schema.title ? { detail: schema.title } : {}),
      ...(schema.description ? { documentation: markdown(schema.description) } : {}),
      textEdit: { range, newText: kind },
    };
  });
}

function propertyItem(
  name: string,
  description: string | undefined,
  textEdit: { range: Range; newText: string },
  required = false,
): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Property,
    ...(required ? { detail: 'required' } : {}),
    ...(description ? { documentation: markdown(description) } : {}),
    // Required properties sort first, then the rest by name.
    sortText: `${required ? '0' : '1'}${name}`,
    textEdit,
  };
}

function markdown(value: string): { kind: typeof MarkupKind.Markdown; value: string } {
  return { kind: MarkupKind.Markdown, value };
}
