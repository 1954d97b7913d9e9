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
  return {
    workspace,
    doComplete: (uri, position) => doComplete(workspace, uri, position),
    doHover: (uri, position) => doHover(workspace, uri, position),
    findDefinition: (uri, position) => findDefinition(workspace, uri, position),
    findReferences: (uri, position, includeDeclaration) =>
      findReferences(workspace, uri, position, includeDeclaration),
    prepareRename: (uri, position) => prepareRename(workspace, uri, position),
    doRename: (uri, position, newName) => doRename(workspace, uri, position, newName),
    findDocumentSymbols: (uri) => findDocumentSymbols(workspace, uri),
    getCodeActions: (uri, range, context) => getCodeActions(workspace, uri, range, context),
  };
}

export type { PrepareRenameResult } from './features/rename';
export { Workspace } from './workspace';
