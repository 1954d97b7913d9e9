// Document symbols: one per competency document (its kind and id), with the trainings,
// competencies, assignments, completions, assessment programs or matrix rows inside it.
// Entities the tolerant readers found outside YAML (tables, job descriptions) are listed
// at the top level by their location.
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { blockRange, type YamlBlock } from '../documents';
import type { DocumentKind, Location } from '../model';
import type { ParsedFile } from '../parse-file';
import type { Workspace } from '../workspace';
import { contains } from './target';

/** For each kind: the sequences listed as children and the key naming each child. */
const CHILDREN: Record<DocumentKind, { list: string; name: string; kind: SymbolKind }[]> = {
  TrainingProgram: [{ list: 'assessmentPrograms', name: 'id', kind: SymbolKind.Method }],
  RoleDescription: [{ list: 'competencies', name: 'competency', kind: SymbolKind.Field }],
  TrainingProfile: [{ list: 'trainings', name: 'id', kind: SymbolKind.Event }],
  TrainingRecord: [
    { list: 'assignments', name: 'role', kind: SymbolKind.Field },
    { list: 'completed', name: 'training', kind: SymbolKind.Event },
  ],
  CompetencyMatrix: [{ list: 'people', name: 'person', kind: SymbolKind.Field }],
};

export function findDocumentSymbols(workspace: Workspace, uri: string): DocumentSymbol[] {
  const parsed = workspace.getFile(uri);
  if (!parsed) return [];
  const symbols: DocumentSymbol[] = [];
  const covered: Range[] = [];
  for (const strict of parsed.strictDocuments) {
    const symbol = documentSymbol(parsed, strict.block, strict.kind);
    if (symbol) {
      symbols.push(symbol);
      covered.push(symbol.range);
    }
  }
  for (const symbol of tolerantSymbols(parsed)) {
    if (!covered.some((range) => contains(range, symbol.range.start))) symbols.push(symbol);
  }
  return symbols;
}

function documentSymbol(
  parsed: ParsedFile,
  block: YamlBlock,
  kind: DocumentKind | undefined,
): DocumentSymbol | undefined {
  const root = block.document.contents;
  const [start, , end] = block.document.range;
  const range = blockRange(parsed.file, block, start, end);
  if (!isMap(root)) return undefined;
  const idNode = kind === 'TrainingRecord' ? nested(root, 'person', 'id') : root.get('id', true);
  const id = scalarText(idNode);
  const selection = nodeRange(parsed, block, idNode as Node | undefined) ?? {
    start: range.start,
    end: range.start,
  };
  const children: DocumentSymbol[] = [];
  for (const child of kind ? CHILDREN[kind] : []) {
    const list = root.get(child.list, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const itemRange = nodeRange(parsed, block, item as Node);
      const nameNode = item.get(child.name, true);
      const name = scalarText(nameNode);
      if (!itemRange || !name) continue;
      children.push({
        name,
        detail: child.list,
        kind: child.kind,
        range: itemRange,
        selectionRange: nodeRange(parsed, block, nameNode as Node) ?? itemRange,
      });
    }
  }
  return {
    name: id ?? kind ?? 'document without kind',
    detail: kind ?? 'missing kind',
    kind: SymbolKind.Object,
    range,
    selectionRange: contains(range, selection.start)
      ? selection
      : { start: range.start, end: range.start },
    children,
  };
}

function tolerantSymbols(parsed: ParsedFile): DocumentSymbol[] {
  const entities = parsed.entities;
  const found: { name: string; detail: string; kind: SymbolKind; location?: Location }[] = [
    ...entities.programs.map((p) => ({
      name: p.id,
      detail: 'training program',
      kind: SymbolKind.Module,
      location: p.location,
    })),
    ...entities.roles.map((r) => ({
      name: r.id,
      detail: 'role',
      kind: SymbolKind.Class,
      location: r.location,
    })),
    ...entities.profiles.map((p) => ({
      name: p.id,
      detail: 'training profile',
      kind: SymbolKind.Interface,
      location: p.location,
    })),
    ...entities.records.map((r) => ({
      name: r.id,
      detail: 'training record',
      kind: SymbolKind.Object,
      location: r.location,
    })),
    ...entities.matrices.map((m) => ({
      name: m.id,
      detail: 'competency matrix',
      kind: SymbolKind.Array,
      location: m.location,
    })),
  ];
  return found
    .filter((entry) => entry.location?.uri === parsed.file.uri)
    .map((entry) => ({
      name: entry.name,
      detail: entry.detail,
      kind: entry.kind,
      range: entry.location!.range,
      selectionRange: entry.location!.range,
    }));
}

function nested(map: YAMLMap, ...keys: string[]): unknown {
  let node: unknown = map;
  for (const key of keys) {
    if (!isMap(node)) return undefined;
    node = node.get(key, true);
  }
  return node;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

function nodeRange(
  parsed: ParsedFile,
  block: YamlBlock,
  node: Node | undefined,
): Range | undefined {
  const range = node?.range;
  return range ? blockRange(parsed.file, block, range[0], range[1]) : undefined;
}
