// Hover on ids (the defining document and the catalog entry, or close ids when none defines
// it), on training profile ids, clause references, ISO 8601 durations and closed
// vocabularies, and on property keys (the schema's description).
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { Workspace } from '../workspace';
import { durationMarkdown, profileMarkdown, unknownIdMarkdown } from './hover-text';
import { describeId, type ValueKind } from './ids';
import { roleHoverMarkdown } from './role-hover';
import { isDocumentKind, kindSchema, schemaAt } from './schema-nav';
import { contains, idTargetAt, tokenAt, valueKindOf } from './target';
import { yamlContextAt } from './yaml-context';

const CLAUSE = /^(IEC81001-5-1|IEC62443-4-1|ISO13485):\S+$/;

export function doHover(workspace: Workspace, uri: string, position: Position): Hover | null {
  const parsed = workspace.getFile(uri);
  if (!parsed) return null;
  const model = workspace.model;
  const catalog = workspace.context.catalog;

  const target = idTargetAt(parsed, model, position);
  if (target) {
    const markdown =
      target.kind === 'role'
        ? roleHoverMarkdown(target.id, model, catalog)
        : describeId(target.kind, target.id, model, catalog)?.documentation;
    if (markdown) return hover(markdown, target.range);
    // Only a value the parser read as a reference is called unknown. A token guessed from
    // the field name may be one word of free text, such as "Head" in `owner: Head of QA`.
    const isReference = parsed.entities.references.some(
      (reference) => reference.id === target.id && contains(reference.range, position),
    );
    if (!isReference) return null;
    return hover(unknownIdMarkdown(target.kind, target.id, model, catalog), target.range);
  }

  const token = tokenAt(parsed, position);
  if (!token) return null;
  if (CLAUSE.test(token.text)) {
    const entry = describeId('clause', token.text, model, catalog);
    return entry ? hover(entry.documentation, token.range) : null;
  }
  const duration = token.isKey ? undefined : durationMarkdown(token.text);
  if (duration) return hover(duration, token.range);
  const context = yamlContextAt(parsed, token.range.end);
  if (!context) return null;
  if (!token.isKey && context.kind === 'TrainingProfile' && isTopLevelId(context.path)) {
    const profiles = model.profiles.filter((profile) => profile.id === token.text);
    const profile = profiles.find((entry) => entry.location?.uri === uri) ?? profiles[0];
    return profile ? hover(profileMarkdown(profile, model, catalog), token.range) : null;
  }
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

function isTopLevelId(path: readonly unknown[]): boolean {
  return path.length === 1 && path[0] === 'id';
}
