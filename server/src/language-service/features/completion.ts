// Completion in competency documents: `kind` values, property names of the kind's schema,
// enum values and the ids a field names, each documented from the catalog or the workspace.
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { DOCUMENT_KINDS, type DocumentKind } from '../model';
import type { Workspace } from '../workspace';
import { listIds, type ValueKind } from './ids';
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
  const parent = context.path.filter((segment) => segment !== ITEMS);
  // A competency matrix maps competency ids to levels under `levels:`.
  if (parent[parent.length - 1] === 'levels' && context.path[context.path.length - 1] !== ITEMS) {
    return idItems(workspace, 'competency', context.wordRange, ': ');
  }
  if (!schema) {
    if (context.path.length > 0) return [];
    return [
      propertyItem(
        'kind',
        'Document kind: one of ' + DOCUMENT_KINDS.join(', ') + '.',
        context.wordRange,
      ),
    ];
  }
  const node = schemaAt(schema, context.path);
  if (!node) return [];
  // NOTE: keys already present in the mapping are offered again.
  return Object.entries(propertiesOf(schema, node)).map(([name, property]) =>
    propertyItem(name, property.description, context.wordRange, node.required?.includes(name)),
  );
}

function valueCompletions(
  workspace: Workspace,
  context: YamlContext,
  schema: JsonSchema | undefined,
): CompletionItem[] {
  const kind = valueKindOf(context);
  if (kind === 'kind') return kindItems(context.wordRange);
  const items = new Map<string, CompletionItem>();
  if (kind) {
    for (const item of idItems(workspace, kind, context.wordRange, '')) items.set(item.label, item);
  }
  const node = schema && schemaAt(schema, context.path);
  if (schema && node) {
    for (const value of enumValues(schema, node)) {
      const label = String(value);
      if (!items.has(label)) {
        items.set(label, {
          label,
          kind: CompletionItemKind.EnumMember,
          ...(node.description ? { documentation: markdown(node.description) } : {}),
          textEdit: { range: context.wordRange, newText: label },
        });
      }
    }
  }
  return [...items.values()];
}

function idItems(
  workspace: Workspace,
  kind: ValueKind,
  range: Range,
  suffix: string,
): CompletionItem[] {
  const itemKind =
    kind === 'level' || kind === 'training-type'
      ? CompletionItemKind.EnumMember
      : CompletionItemKind.Value;
  return listIds(kind, workspace.model, workspace.context.catalog).map((entry) => ({
    label: entry.id,
    kind: itemKind,
    ...(entry.detail ? { detail: entry.detail } : {}),
    documentation: markdown(entry.documentation),
    textEdit: { range, newText: entry.id + suffix },
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
  range: Range,
  required = false,
): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Property,
    ...(required ? { detail: 'required' } : {}),
    ...(description ? { documentation: markdown(description) } : {}),
    // Required properties sort first, then the rest by name.
    sortText: `${required ? '0' : '1'}${name}`,
    textEdit: { range, newText: `${name}: ` },
  };
}

function markdown(value: string): { kind: typeof MarkupKind.Markdown; value: string } {
  return { kind: MarkupKind.Markdown, value };
}
