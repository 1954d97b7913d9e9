// The language server: one handler per LSP method, each delegating to the language service
// or to the workspace synchronisation. Diagnostics are pushed, per file, about 200 ms after
// the last edit to that file.
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  type RenameParams,
  type WorkspaceEdit,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { appendAll } from '../language-service/collections';
import { loadCatalog } from '../language-service/catalog';
import { createLanguageService, type LanguageService } from '../language-service/index';
import { CoverageRequest, ReportRequest } from '../shared/protocol';
import { readClientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import {
  handleCoverageRequest,
  handleReportRequest,
  sendCoverageChanged,
  type RequestContext,
} from './custom-requests';
import { Debouncer } from './debounce';
import { flattenSymbols } from './symbol-information';
import { DiagnosticsPublisher } from './publisher';
import {
  coverageOptions,
  defaultSettings,
  normaliseSettings,
  SETTINGS_SECTION,
  type ServerSettings,
} from './settings';
import { WorkspaceSync } from './workspace-sync';

/** Quiet period after the last edit of a file before it is analysed, in milliseconds. */
const DIAGNOSTICS_DELAY_MS = 200;

export function startServer(connection: Connection): void {
  new CompetencyLensServer(connection).start();
}

class CompetencyLensServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly debouncer = new Debouncer(DIAGNOSTICS_DELAY_MS);
  private readonly sync: WorkspaceSync;
  private features: ClientFeatures | undefined;
  private publisher: DiagnosticsPublisher | undefined;
  private settings: ServerSettings = defaultSettings();
  /** Settings sent by a client that does not support `workspace/configuration`. */
  private pushedSettings: unknown;
  /** Increases on every settings reload, so an older reload that resolves late is dropped. */
  private settingsGeneration = 0;
  private serviceCache: LanguageService | undefined;

  constructor(private readonly connection: Connection) {
    const console = connection.console;
    this.sync = new WorkspaceSync(loadCatalog(), {
      info: (message) => console.info(message),
      warn: (message) => console.warn(message),
    });
  }

  start(): void {
    const connection = this.connection;
    connection.onInitialize((params) => this.initializeHandler(params));
    connection.onInitialized(() => this.run('initialized', () => this.initializedHandler()));
    connection.onDidChangeConfiguration((params) =>
      this.run('configuration change', () => this.configurationHandler(params)),
    );
    connection.onDidChangeWatchedFiles((params) =>
      this.run('watched files', () => this.watchedFilesHandler(params)),
    );

    connection.onCompletion((params) =>
      this.request('completion', null, params.textDocument.uri, (service) =>
        service.doComplete(params.textDocument.uri, params.position),
      ),
    );
    connection.onHover((params) =>
      this.request('hover', null, params.textDocument.uri, (service) =>
        service.doHover(params.textDocument.uri, params.position),
      ),
    );
    connection.onDefinition((params) =>
      this.request('definition', null, params.textDocument.uri, (service) =>
        service.findDefinition(params.textDocument.uri, params.position),
      ),
    );
    connection.onReferences((params) =>
      this.request('references', null, params.textDocument.uri, (service) =>
        service.findReferences(
          params.textDocument.uri,
          params.position,
          params.context.includeDeclaration,
        ),
      ),
    );
    connection.onPrepareRename((params) =>
      this.request('prepare rename', null, params.textDocument.uri, (service) =>
        service.prepareRename(params.textDocument.uri, params.position),
      ),
    );
    connection.onRenameRequest((params) => this.renameHandler(params));
    connection.onDocumentSymbol((params) =>
      this.request('document symbols', null, params.textDocument.uri, (service) => {
        const symbols = service.findDocumentSymbols(params.textDocument.uri);
        if (this.requireFeatures().hierarchicalSymbols) return symbols;
        return flattenSymbols(params.textDocument.uri, symbols);
      }),
    );
    connection.onCodeAction((params) => this.codeActionHandler(params));

    connection.onRequest(CoverageRequest.type, (params) =>
      this.guard('coverage request', () => {
        this.applyPendingEdits();
        return handleCoverageRequest(this.requestContext(), params);
      }),
    );
    connection.onRequest(ReportRequest.type, (params) =>
      this.guard('report request', () => {
        this.applyPendingEdits();
        return handleReportRequest(this.requestContext(), params);
      }),
    );

    this.documents.onDidChangeContent((event) => this.documentChangedHandler(event.document));
    this.documents.onDidClose((event) =>
      this.run('document close', () => this.documentClosedHandler(event.document)),
    );
    connection.onShutdown(() => this.debouncer.dispose());
    this.documents.listen(connection);
    connection.listen();
  }

  private initializeHandler(params: InitializeParams): InitializeResult {
    this.features = readClientFeatures(params.capabilities);
    this.publisher = new DiagnosticsPublisher(this.connection, this.features.relatedInformation);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? [];
    if (folders.length === 0 && params.rootUri) folders.push(params.rootUri);
    this.sync.setFolders(folders);
    this.pushedSettings = settingsSection(params.initializationOptions);
    return {
      capabilities: serverCapabilities(this.features),
      serverInfo: { name: 'Competency Lens' },
    };
  }

  private async initializedHandler(): Promise<void> {
    const features = this.requireFeatures();
    if (features.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) =>
        this.run('workspace folders', () => this.workspaceFoldersHandler(event)),
      );
    }
    if (features.watchedFilesRegistration) {
      this.run('file watcher registration', async () => {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{yaml,yml,md}' }],
        });
      });
    }
    this.settings = (await this.loadSettings()) ?? this.settings;
    this.rescan();
  }

  private async configurationHandler(params: DidChangeConfigurationParams): Promise<void> {
    if (!this.requireFeatures().configuration) {
      this.pushedSettings = settingsSection(params.settings);
    }
    const settings = await this.loadSettings();
    if (!settings) return;
    const previous = this.settings;
    this.settings = settings;
    const filesChanged =
      JSON.stringify(previous.files) !== JSON.stringify(settings.files) ||
      previous.maxFileSize !== settings.maxFileSize;
    if (filesChanged) this.rescan();
    else this.publishAll([]);
  }

  private async workspaceFoldersHandler(event: WorkspaceFoldersChangeEvent): Promise<void> {
    const folders = (await this.connection.workspace.getWorkspaceFolders()) ?? [];
    this.connection.console.info(
      `Workspace folders changed: ${event.added.length} added, ${event.removed.length} removed.`,
    );
    this.sync.setFolders(folders.map((folder) => folder.uri));
    this.rescan();
  }

  private watchedFilesHandler(params: DidChangeWatchedFilesParams): void {
    if (params.changes.some((change) => this.sync.isConfigFile(change.uri))) {
      this.rescan();
      return;
    }
    const cleared: string[] = [];
    for (const change of params.changes) {
      if (change.type === FileChangeType.Deleted) {
        appendAll(cleared, this.sync.deleteFromDisk(change.uri));
      } else {
        this.sync.refreshFromDisk(change.uri, this.settings);
      }
    }
    this.publishAll(cleared);
  }

  private documentChangedHandler(document: TextDocument): void {
    const uri = document.uri;
    const version = document.version;
    this.debouncer.schedule(uri, () =>
      this.run('diagnostics', () => {
        const current = this.documents.get(uri);
        // A closed document was handled by the close handler, and a newer version has a
        // timer of its own, so this result would be stale.
        if (!current || current.version !== version) return;
        this.sync.applyOpenDocument(current, this.settings);
        this.publishAll([uri]);
      }),
    );
  }

  private documentClosedHandler(document: TextDocument): void {
    this.debouncer.cancel(document.uri);
    this.sync.closeDocument(document.uri, this.settings);
    this.publishAll([document.uri]);
  }

  private renameHandler(params: RenameParams): WorkspaceEdit | null {
    return this.guard('rename', () => {
      const service = this.serviceFor(params.textDocument.uri);
      const result = service.doRename(params.textDocument.uri, params.position, params.newName);
      if (typeof result === 'string') throw new ResponseError(ErrorCodes.InvalidParams, result);
      return result;
    });
  }

  private codeActionHandler(params: CodeActionParams): CodeAction[] | null {
    return this.request('code actions', null, params.textDocument.uri, (service) =>
      service.getCodeActions(params.textDocument.uri, params.range, params.context),
    );
  }

  /**
   * Rebuilds the index from disk and republishes everything.
   * NOTE: the folders are read synchronously, so requests wait until a rescan ends.
   */
  private rescan(): void {
    this.debouncer.dispose();
    this.sync.rescan(this.settings, this.documents.all());
    this.serviceCache = undefined;
    this.publishAll([]);
  }

  /**
   * Publishes the diagnostics of every file whose diagnostics changed, always for the
   * `forced` URIs (an empty list for files that left the index), and clears files that
   * left the index. Then notifies the client that the coverage may have changed.
   */
  private publishAll(forced: string[]): void {
    const publisher = this.publisher;
    if (!publisher) return;
    const workspace = this.sync.workspace;
    const options = coverageOptions(this.settings, this.sync.config);
    const uris = new Set(workspace.uris);
    // The configuration file's problems come from the workspace when it indexed the file
    // (parseFile checks it), and from the configuration reader only when it did not.
    const config = workspace.getFile(this.sync.configDiagnostics?.uri ?? '')
      ? undefined
      : this.sync.configDiagnostics;
    if (config) uris.add(config.uri);
    for (const uri of uris) {
      const diagnostics = workspace.diagnostics(uri, options);
      if (uri === config?.uri) appendAll(diagnostics, config.diagnostics);
      publisher.publish(uri, diagnostics, forced.includes(uri));
    }
    for (const uri of publisher.publishedUris()) {
      if (!uris.has(uri)) publisher.clear(uri);
    }
    for (const uri of forced) {
      if (!uris.has(uri)) publisher.clear(uri);
    }
    sendCoverageChanged(this.connection, workspace.generation);
  }

  /** Copies every open document whose diagnostics are still waiting into the index. */
  private applyPendingEdits(): void {
    for (const uri of this.debouncer.pendingKeys()) {
      const document = this.documents.get(uri);
      if (document) this.sync.applyOpenDocument(document, this.settings);
    }
  }

  /** Pulls the settings, or reads the pushed ones; undefined when a newer reload started. */
  private async loadSettings(): Promise<ServerSettings | undefined> {
    const generation = ++this.settingsGeneration;
    let raw = this.pushedSettings;
    if (this.requireFeatures().configuration) {
      raw = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
    }
    if (generation !== this.settingsGeneration) return undefined;
    const { settings, problems } = normaliseSettings(raw);
    for (const problem of problems) this.connection.console.warn(problem);
    return settings;
  }

  private serviceFor(uri: string): LanguageService {
    const workspace = this.sync.workspace;
    if (this.serviceCache?.workspace !== workspace) {
      this.serviceCache = createLanguageService({ workspace });
    }
    const document = this.documents.get(uri);
    if (document) this.sync.applyOpenDocument(document, this.settings);
    return this.serviceCache;
  }

  private requestContext(): RequestContext {
    return {
      workspace: this.sync.workspace,
      settings: this.settings,
      config: this.sync.config,
      relativePath: (uri) => this.sync.relativePath(uri),
    };
  }

  private requireFeatures(): ClientFeatures {
    if (!this.features) throw new Error('The client sent a request before `initialize`.');
    return this.features;
  }

  /** Runs a feature request on the current text of `uri`; logs failures and returns `fallback`. */
  private request<T, F>(
    name: string,
    fallback: F,
    uri: string,
    action: (service: LanguageService) => T,
  ): T | F {
    try {
      return action(this.serviceFor(uri));
    } catch (error) {
      this.logError(`${name} on ${uri}`, error);
      return fallback;
    }
  }

  /** Runs a request handler; errors other than `ResponseError` are logged and rethrown. */
  private guard<T>(name: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (!(error instanceof ResponseError)) this.logError(name, error);
      throw error;
    }
  }

  /** Runs a notification handler, logging any error, since no response can carry it. */
  private run(name: string, action: () => void | Promise<void>): void {
    try {
      const result = action();
      if (result instanceof Promise) result.catch((error: unknown) => this.logError(name, error));
    } catch (error) {
      this.logError(name, error);
    }
  }

  private logError(name: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`${name} failed: ${detail}`);
  }
}

/**
 * Finds the `competencyLens` settings in what a client pushes, in
 * `initializationOptions` or `workspace/didChangeConfiguration`. Both
 * `{ competencyLens: {...} }` and `{ settings: { competencyLens: {...} } }` are accepted,
 * and for compatibility a bare `{ settings: {...} }` of the section's own keys.
 */
function settingsSection(pushed: unknown): unknown {
  if (!isRecord(pushed)) return undefined;
  if (isRecord(pushed[SETTINGS_SECTION])) return pushed[SETTINGS_SECTION];
  const nested = pushed['settings'];
  if (isRecord(nested))
    return isRecord(nested[SETTINGS_SECTION]) ? nested[SETTINGS_SECTION] : nested;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
