// The editor-free language service: the workspace index and every editor feature as plain
// functions over it, returning LSP types. The language server and tests both drive it.
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { loadCatalog } from './catalog';
import type { Catalog } from './catalog-types';
import { defaultConfig, type RepositoryConfig } from './config';
import { getCodeActions } from './features/code-actions';
import { doComplete } from './features/completion';
import { doHover } from './features/hover';
import { findDefinition, findReferences } from './features/navigation';
import { doRename, prepareRename, type PrepareRenameResult } from './features/rename';
import { findDocumentSymbols } from './features/symbols';
import { Workspace } from './workspace';

export interface LanguageServiceOptions {
  /** An existing index to serve; a new empty one is created otherwise. */
  workspace?: Workspace;
  catalog?: Catalog;
  config?: RepositoryConfig;
}

export interface LanguageService {
  readonly workspace: Workspace;
  doComplete(uri: string, position: Position): CompletionList;
  doHover(uri: string, position: Position): Hover | null;
  findDefinition(uri: string, position: Position): Location[];
  findReferences(uri: string, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(uri: string, position: Position): PrepareRenameResult | null;
  /** Returns the edits, null when nothing renameable is there, or an error message. */
  doRename(uri: string, position: Position, newName: string): WorkspaceEdit | null | string;
  findDocumentSymbols(uri: string): DocumentSymbol[];
  getCodeActions(uri: string, range: Range, context: CodeActionContext): CodeAction[];
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const workspace =
    options.workspace ??
    new Workspace({
      catalog: options.catalog ?? loadCatalog(),
      config: options.config ?? defaultConfig(),
    });
  const clamp = (uri: string, position: Position) => clampPosition(workspace, uri, position);
  return {
    workspace,
    doComplete: (uri, position) => doComplete(workspace, uri, clamp(uri, position)),
    doHover: (uri, position) => doHover(workspace, uri, clamp(uri, position)),
    findDefinition: (uri, position) => findDefinition(workspace, uri, clamp(uri, position)),
    findReferences: (uri, position, includeDeclaration) =>
      findReferences(workspace, uri, clamp(uri, position), includeDeclaration),
    prepareRename: (uri, position) => prepareRename(workspace, uri, clamp(uri, position)),
    doRename: (uri, position, newName) => doRename(workspace, uri, clamp(uri, position), newName),
    findDocumentSymbols: (uri) => findDocumentSymbols(workspace, uri),
    getCodeActions: (uri, range, context) => {
      const clamped = { start: clamp(uri, range.start), end: clamp(uri, range.end) };
      return getCodeActions(workspace, uri, clamped, context);
    },
  };
}

/**
 * Moves a position into the document's text, as LSP requires: a character past the end of
 * its line means the end of the line, and a line past the last one means the end of the text.
 * Positions in files the index does not hold are returned unchanged.
 */
export function clampPosition(workspace: Workspace, uri: string, position: Position): Position {
  const document = workspace.getFile(uri)?.file.document;
  if (!document) return position;
  return document.positionAt(document.offsetAt(position));
}

export type { PrepareRenameResult } from './features/rename';
export { Workspace } from './workspace';
