// Entry point of the language server: `node server.js --stdio`. Everything else lives in
// `lsp/`, so this file only creates the connection.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/language-server';

startServer(createConnection(ProposedFeatures.all));
