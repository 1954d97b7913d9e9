// A real LSP client for tests: spawns `node server/out/server.js --stdio`, speaks JSON-RPC
// over its stdio, replies to the server's configuration and registration requests, and lets
// tests wait for published diagnostics and notifications instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type Registration,
} from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { repoRoot } from './paths';

export const SERVER_PATH = path.join(repoRoot, 'server', 'out', 'server.js');

/** The capabilities VS Code announces for the features the server uses. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
    },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface StartOptions {
  /** Folder opened as the only workspace folder. */
  folder: string;
  /** The `competencyLens` settings section the client returns. */
  settings?: Record<string, unknown>;
  /** Sent as `initializationOptions`, as clients without `workspace/configuration` do. */
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
}

interface Waiter<T> {
  accept(value: T): boolean;
  resolve(value: T): void;
  reject(error: Error): void;
}

export class LspTestClient {
  /** The latest diagnostics published per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Server log lines, shown when a wait fails. */
  readonly log: string[] = [];
  readonly registrations: Registration[] = [];
  initializeResult: InitializeResult | undefined;
  settings: Record<string, unknown>;

  private readonly diagnosticWaiters = new Set<
    Waiter<{ uri: string; diagnostics: Diagnostic[] }>
  >();
  private readonly notificationWaiters = new Map<string, Set<Waiter<unknown>>>();
  private readonly versions = new Map<string, number>();
  private exited = false;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly process: ChildProcess,
    readonly folder: string,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  /** Spawns the server, initializes it for `options.folder` and sends `initialized`. */
  static async start(options: StartOptions): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], {
      cwd: options.folder,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspTestClient(connection, child, options.folder, options.settings ?? {});
    client.listen();
    const folderUri = URI.file(options.folder).toString();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(options.folder) }],
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  uri(relativePath: string): string {
    return URI.file(path.join(this.folder, relativePath)).toString();
  }

  /**
   * Resolves with the next diagnostics published for `uri` after this call that satisfy
   * `accept`. Call it before sending the change that should cause them.
   */
  nextDiagnostics(
    uri: string,
    accept: (diagnostics: Diagnostic[]) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter<{ uri: string; diagnostics: Diagnostic[] }> = {
        accept: (params) => params.uri === uri && accept(params.diagnostics),
        resolve: (params) => resolve(params.diagnostics),
        reject,
      };
      this.diagnosticWaiters.add(waiter);
    });
  }

  /** Resolves with the latest diagnostics of `uri` if they satisfy `accept`, else the next that do. */
  diagnosticsMatching(
    uri: string,
    accept: (diagnostics: Diagnostic[]) => boolean,
  ): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && accept(current)) return Promise.resolve(current);
    return this.nextDiagnostics(uri, accept);
  }

  /** Resolves with the params of the next `method` notification after this call. */
  nextNotification<T>(method: string, accept: (params: T) => boolean = () => true): Promise<T> {
    if (method === PublishDiagnosticsNotification.method) {
      throw new Error('Use nextDiagnostics: a second handler would replace the diagnostics one.');
    }
    return new Promise((resolve, reject) => {
      let waiters = this.notificationWaiters.get(method);
      if (!waiters) {
        waiters = new Set();
        this.notificationWaiters.set(method, waiters);
        this.connection.onNotification(method, (params: unknown) => this.settle(method, params));
      }
      waiters.add({
        accept: (params) => accept(params as T),
        resolve: (params) => resolve(params as T),
        reject,
      });
    });
  }

  async open(relativePath: string, text?: string): Promise<string> {
    const uri = this.uri(relativePath);
    const content = text ?? fs.readFileSync(path.join(this.folder, relativePath), 'utf8');
    this.versions.set(uri, 1);
    const languageId = relativePath.endsWith('.md') ? 'markdown' : 'yaml';
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text: content },
    });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  /** Writes a file in the workspace folder and reports it as created or changed. */
  async writeFile(relativePath: string, text: string): Promise<string> {
    const file = path.join(this.folder, relativePath);
    const existed = fs.existsSync(file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const uri = this.uri(relativePath);
    const type = existed ? FileChangeType.Changed : FileChangeType.Created;
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type }],
    });
    return uri;
  }

  /** Deletes a file in the workspace folder and reports the deletion. */
  async deleteFile(relativePath: string): Promise<string> {
    fs.rmSync(path.join(this.folder, relativePath));
    const uri = this.uri(relativePath);
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Deleted }],
    });
    return uri;
  }

  /** Shuts the server down politely, then kills the process if it is still running. */
  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      }
    } finally {
      this.connection.dispose();
      if (!this.exited) this.process.kill();
    }
  }

  private listen(): void {
    const connection = this.connection;
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'competencyLens' ? this.settings : null)),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onNotification(LogMessageNotification.type, (params) =>
      this.log.push(params.message),
    );
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const waiter of this.diagnosticWaiters) {
        if (waiter.accept(params)) {
          this.diagnosticWaiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
    this.process.stderr!.on('data', (chunk: Buffer) => this.log.push(chunk.toString('utf8')));
    this.process.on('exit', (code) => {
      this.exited = true;
      const error = new Error(`The server exited (code ${code}). Log:\n${this.log.join('\n')}`);
      for (const waiter of this.diagnosticWaiters) waiter.reject(error);
      this.diagnosticWaiters.clear();
      for (const waiters of this.notificationWaiters.values()) {
        for (const waiter of waiters) waiter.reject(error);
        waiters.clear();
      }
    });
    connection.listen();
  }

  private settle(method: string, params: unknown): void {
    const waiters = this.notificationWaiters.get(method);
    if (!waiters) return;
    for (const waiter of waiters) {
      if (waiter.accept(params)) {
        waiters.delete(waiter);
        waiter.resolve(params);
      }
    }
  }
}

/** Copies a fixture folder into a fresh temporary folder and returns the copy's path. */
export function copyFixture(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-lens-lsp-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}
