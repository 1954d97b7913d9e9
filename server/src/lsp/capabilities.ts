// Client capability flags, read once from `initialize`, and the server capabilities offered
// in return.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ServerCapabilities,
} from 'vscode-languageserver/node';

export interface ClientFeatures {
  /** The client supports `workspace/configuration`, so settings are pulled. */
  configuration: boolean;
  workspaceFolders: boolean;
  /** The client accepts a file watcher registered at run time. */
  watchedFilesRegistration: boolean;
  /** The client accepts `CodeAction` literals rather than only commands. */
  codeActionLiterals: boolean;
  relatedInformation: boolean;
  prepareRename: boolean;
  hierarchicalSymbols: boolean;
}

export function readClientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const textDocument = capabilities.textDocument;
  return {
    configuration: capabilities.workspace?.configuration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    watchedFilesRegistration:
      capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    codeActionLiterals: textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    relatedInformation: textDocument?.publishDiagnostics?.relatedInformation === true,
    prepareRename: textDocument?.rename?.prepareSupport === true,
    hierarchicalSymbols: textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: [':', ' ', '['] },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: features.prepareRename ? { prepareProvider: true } : true,
    documentSymbolProvider: true,
  };
  // Quick fixes are edits, which a client without literal support cannot apply.
  if (features.codeActionLiterals) {
    capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix] };
  }
  if (features.workspaceFolders) {
    capabilities.workspace = {
      workspaceFolders: { supported: true, changeNotifications: true },
    };
  }
  return capabilities;
}
