// Hover on ids (the defining document and the catalog entry), on clause references and
// closed vocabularies, and on property keys (the schema's description).
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { Workspace } from '../workspace';
import { describeId, type ValueKind } from './ids';
import { roleHoverMarkdown } from './role-hover';
import { isDocumentKind, kindSchema, schemaAt } from './schema-nav';
import { idTargetAt, tokenAt, valueKindOf } from './target';
import { yamlContextAt } from './yaml-context';

const CLAUSE = /^(IEC81001-5-1|IEC62443-4-1|ISO13485):\S+$/;

export function doHover(workspace: Workspace, uri: string, position: Position): Hover | null {
  const parsed = workspace.getFile(uri);
  if (!parsed) return null;
  const model = workspace.model;
  const catalog = workspace.context.catalog;

  const target = idTargetAt(parsed, model, position);
  if (target?.kind === 'role') {
    const markdown = roleHoverMarkdown(target.id, model, catalog);
    return markdown ? hover(markdown, target.range) : null;
  }
  if (target) {
    const entry = describeId(target.kind, target.id, model, catalog);
    return entry ? hover(entry.documentation, target.range) : null;
  }

  const token = tokenAt(parsed, position);
  if (!token) return null;
  if (CLAUSE.test(token.text)) {
    const entry = describeId('clause', token.text, model, catalog);
    return entry ? hover(entry.documentation, token.range) : null;
  }
  const context = yamlContextAt(parsed, token.range.end);
  if (!context) return null;
  if (token.isKey) {
    if (!isDocumentKind(context.kind)) return null;
    const property = schemaAt(kindSchema(context.kind), [...context.path, token.text]);
    return property?.description ? hover(property.description, token.range) : null;
  }
  const kind: ValueKind | undefined = valueKindOf(context);
  if (kind === 'kind') {
    if (!isDocumentKind(token.text)) return null;
    const schema = kindSchema(token.text);
    const text = [schema.title ? `**${schema.title}**` : '', schema.description ?? ''];
    return hover(text.filter(Boolean).join('\n\n'), token.range);
  }
  if (kind === 'level' || kind === 'training-type') {
    const entry = describeId(kind, token.text, model, catalog);
    return entry ? hover(entry.documentation, token.range) : null;
  }
  return null;
}

function hover(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
