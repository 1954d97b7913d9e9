// Keeps the workspace index equal to the editor's view: files on disk under the workspace
// folders, overridden by the editor's text for open documents.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../language-service/catalog-types';
import type { Diagnostic } from 'vscode-languageserver/node';
import {
  CONFIG_FILE_NAME,
  defaultConfig,
  readRepositoryConfig,
  type RepositoryConfig,
} from '../language-service/config';
import { globToRegExp, isCompetencyFileName, scanFolder } from '../language-service/file-scan';
import { Workspace } from '../language-service/workspace';
import { decodeFileContent } from '../language-service/file-content';
import {
  pathToUri,
  readFileInto,
  setFileOrReportError,
  uriToPath,
} from '../language-service/disk-files';
import type { ServerSettings } from './settings';

export interface SyncLogger {
  info(message: string): void;
  warn(message: string): void;
}

export class WorkspaceSync {
  workspace: Workspace;
  private folders: string[] = [];
  config: RepositoryConfig = defaultConfig();
  /** Problems in the repository configuration file, published on that file. */
  configDiagnostics: { uri: string; diagnostics: Diagnostic[] } | undefined;
  /** Document versions of open documents as last copied into the workspace. */
  private readonly openVersions = new Map<string, number>();

  constructor(
    private readonly catalog: Catalog,
    private readonly logger: SyncLogger,
  ) {
    this.workspace = new Workspace({ catalog, config: this.config });
  }

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map(uriToPath).filter((folder): folder is string => !!folder);
  }

  /**
   * Rebuilds the index from disk and then from the open documents, and returns the URIs
   * the index held before, so the caller can clear diagnostics of files that left it.
   */
  rescan(settings: ServerSettings, openDocuments: TextDocument[]): string[] {
    const previous = this.workspace.uris;
    this.config = this.readConfig();
    this.workspace = new Workspace({ catalog: this.catalog, config: this.config });
    this.openVersions.clear();
    for (const folder of this.folders) {
      const scan = scanFolder(folder, { exclude: this.excludeGlobs(settings) });
      for (const error of scan.errors) {
        this.logger.warn(`Cannot list folder ${error.path}: ${error.message}`);
      }
      for (const file of scan.files) {
        readFileInto(this.workspace, pathToUri(file), settings.maxFileSize, this.logger);
      }
      this.logger.info(`Read ${scan.files.length} files under ${folder}.`);
    }
    for (const document of openDocuments) this.applyOpenDocument(document, settings);
    return previous;
  }

  /**
   * Copies an open document's text into the index; returns false when it was current. The
   * size limit for files on disk applies to the UTF-8 bytes of the text as well.
   */
  applyOpenDocument(document: TextDocument, settings: ServerSettings): boolean {
    if (!this.isInScope(document.uri, settings)) return false;
    if (this.openVersions.get(document.uri) === document.version) return false;
    this.openVersions.set(document.uri, document.version);
    const text = document.getText();
    if (Buffer.byteLength(text, 'utf8') > settings.maxFileSize) {
      // Decoding the bytes yields the same `file-too-large` diagnostic as the file on disk.
      const decoded = decodeFileContent(Buffer.from(text, 'utf8'), document.uri, {
        maxBytes: settings.maxFileSize,
      });
      if ('diagnostic' in decoded) {
        this.workspace.setUnreadableFile(document.uri, decoded.diagnostic);
        return true;
      }
    }
    setFileOrReportError(this.workspace, document.uri, text, document.version, this.logger);
    return true;
  }

  /** Falls back to the file on disk after its document was closed. */
  closeDocument(uri: string, settings: ServerSettings): void {
    this.openVersions.delete(uri);
    if (this.isOnDiskInScope(uri, settings)) {
      readFileInto(this.workspace, uri, settings.maxFileSize, this.logger);
    } else {
      this.workspace.removeFile(uri);
    }
  }

  /** Re-reads a file that changed on disk; open documents keep the editor's text. */
  refreshFromDisk(uri: string, settings: ServerSettings): void {
    if (this.openVersions.has(uri)) return;
    if (this.isOnDiskInScope(uri, settings)) {
      readFileInto(this.workspace, uri, settings.maxFileSize, this.logger);
    } else {
      this.workspace.removeFile(uri);
    }
  }

  /**
   * Drops a file deleted on disk, unless the editor still has it open, and returns the
   * URIs removed. A deleted folder removes every file below it.
   */
  deleteFromDisk(uri: string): string[] {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const removed: string[] = [];
    for (const indexed of this.workspace.uris) {
      if (indexed !== uri && !indexed.startsWith(prefix)) continue;
      if (this.openVersions.has(indexed)) continue;
      this.workspace.removeFile(indexed);
      removed.push(indexed);
    }
    return removed;
  }

  /** Path of `uri` relative to its workspace folder, with `/` separators; else the URI. */
  relativePath(uri: string): string {
    const fsPath = uriToPath(uri);
    const folder = fsPath ? this.folderOf(fsPath) : undefined;
    if (!fsPath || folder === undefined) return uri;
    return path.relative(folder, fsPath).split(path.sep).join('/');
  }

  isConfigFile(uri: string): boolean {
    const fsPath = uriToPath(uri);
    return (
      !!fsPath && path.basename(fsPath) === CONFIG_FILE_NAME && this.folderOf(fsPath) !== undefined
    );
  }

  /** True for `.yaml`, `.yml` and `.md` files that no exclusion matches. */
  isInScope(uri: string, settings: ServerSettings): boolean {
    const fsPath = uriToPath(uri);
    if (!fsPath) return /\.(ya?ml|md)$/i.test(uri);
    if (!isCompetencyFileName(fsPath)) return false;
    const folder = this.folderOf(fsPath);
    if (folder === undefined) return true;
    const relative = path.relative(folder, fsPath).split(path.sep).join('/');
    if (relative.split('/').some((segment) => segment === 'node_modules' || segment === '.git')) {
      return false;
    }
    return !this.excludeGlobs(settings).some((glob) => globToRegExp(glob).test(relative));
  }

  private isOnDiskInScope(uri: string, settings: ServerSettings): boolean {
    const fsPath = uriToPath(uri);
    return !!fsPath && this.folderOf(fsPath) !== undefined && this.isInScope(uri, settings);
  }

  private folderOf(fsPath: string): string | undefined {
    return this.folders.find((folder) => {
      const relative = path.relative(folder, fsPath);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
  }

  private excludeGlobs(settings: ServerSettings): string[] {
    return [...this.config.exclude, ...settings.files.exclude];
  }

  /**
   * Reads `.competency-lens.yaml` from the first workspace folder; the index has one
   * configuration, so the other folders' files are ignored.
   */
  private readConfig(): RepositoryConfig {
    this.configDiagnostics = undefined;
    const folder = this.folders[0];
    if (folder === undefined) return defaultConfig();
    const file = path.join(folder, CONFIG_FILE_NAME);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.logger.warn(`Cannot read ${file}: ${(error as Error).message}`);
      return defaultConfig();
    }
    const uri = pathToUri(file);
    const result = readRepositoryConfig(text, uri);
    this.configDiagnostics = { uri, diagnostics: result.diagnostics };
    return result.config;
  }
}
