// Reads the files named on the command line into a workspace, as the editor would see them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { loadCatalog } from '../language-service/catalog';
import {
  CONFIG_FILE_NAME,
  defaultConfig,
  readRepositoryConfig,
  type RepositoryConfig,
} from '../language-service/config';
import { readFileInto } from '../language-service/disk-files';
import { DEFAULT_MAX_FILE_SIZE } from '../language-service/file-content';
import { scanFolder } from '../language-service/file-scan';
import { Workspace } from '../language-service/workspace';
import type { CommonOptions } from './args';

/** An input/output problem that stops the command: exit status 2. */
export class InputError extends Error {}

export interface LoadedWorkspace {
  workspace: Workspace;
  config: RepositoryConfig;
  /** Converts a file URI to a path relative to the current folder, with `/` separators. */
  relativePath(uri: string): string;
}

export function loadWorkspace(options: CommonOptions, cwd = process.cwd()): LoadedWorkspace {
  const config = loadConfig(options, cwd);
  const workspace = new Workspace({ catalog: loadCatalog(), config });
  for (const file of collectFiles(options.paths, cwd, config)) {
    readFileInto(
      workspace,
      URI.file(file).toString(),
      options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    );
  }
  if (!hasCompetencyContent(workspace)) {
    // A check of the wrong folder must not pass in CI as if the QMS were clean.
    throw new InputError(
      `no competency documents found in ${options.paths.join(', ')} ` +
        `(${workspace.uris.length} .yaml, .yml or .md files read). Check the path, or the ` +
        `include and exclude patterns of ${CONFIG_FILE_NAME}.`,
    );
  }
  return {
    workspace,
    config,
    relativePath: (uri) => toRelative(cwd, uri),
  };
}

/**
 * Reads the repository configuration: `--config`, else `.competency-lens.yaml` in the
 * current folder, else in the first folder named on the command line. Problems in it are
 * reported as diagnostics of that file, because the workspace reads it like any YAML file.
 */
/** True when some file defines an entity or has a diagnostic of its own. */
function hasCompetencyContent(workspace: Workspace): boolean {
  const model = workspace.model;
  const entities =
    model.programs.length +
    model.roles.length +
    model.profiles.length +
    model.records.length +
    model.matrices.length;
  if (entities > 0) return true;
  return workspace.uris.some((uri) => (workspace.getFile(uri)?.diagnostics.length ?? 0) > 0);
}

function loadConfig(options: CommonOptions, cwd: string): RepositoryConfig {
  if (options.config) {
    const file = path.resolve(cwd, options.config);
    if (!fs.existsSync(file))
      throw new InputError(`configuration file not found: ${options.config}`);
    return readConfigFile(file);
  }
  const candidates = [cwd, ...options.paths.map((given) => path.resolve(cwd, given))];
  for (const folder of candidates) {
    const file = path.join(folder, CONFIG_FILE_NAME);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return readConfigFile(file);
  }
  return defaultConfig();
}

function readConfigFile(file: string): RepositoryConfig {
  try {
    return readRepositoryConfig(fs.readFileSync(file, 'utf8'), URI.file(file).toString()).config;
  } catch (error) {
    throw new InputError(`cannot read configuration ${file}: ${(error as Error).message}`);
  }
}

function collectFiles(paths: string[], cwd: string, config: RepositoryConfig): string[] {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch {
      throw new InputError(`path not found: ${given}`);
    }
    if (stats.isDirectory()) {
      const scan = scanFolder(absolute, { include: config.include, exclude: config.exclude });
      if (scan.errors.length > 0) {
        const first = scan.errors[0]!;
        throw new InputError(
          `cannot read folder ${toRelativePath(cwd, first.path)}: ${first.message}`,
        );
      }
      for (const file of scan.files) files.add(file);
    } else {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

function toRelative(cwd: string, uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? toRelativePath(cwd, parsed.fsPath) : uri;
}

function toRelativePath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.';
}
