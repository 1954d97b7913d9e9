// Reads one file into diagnostics and model entities: the strict document kinds first,
// then the tolerant readers of Markdown conventions over what the strict layer left.
import type { Diagnostic } from 'vscode-languageserver-types';
import { appendAll } from './collections';
import type { Catalog } from './catalog-types';
import { CONFIG_FILE_NAME, readRepositoryConfig, type RepositoryConfig } from './config';
import { findYamlBlocks, type YamlBlock } from './documents';
import { emptyEntities, type FileEntities } from './model';
import type { SourceFile } from './source-file';
import { readStrictDocuments, type StrictDocument } from './strict/read';
import { readConventions } from './tolerant/index';

export interface ParseContext {
  catalog: Catalog;
  config: RepositoryConfig;
}

export interface ParsedFile {
  file: SourceFile;
  blocks: YamlBlock[];
  strictDocuments: StrictDocument[];
  /** Diagnostics that depend on this file alone. */
  diagnostics: Diagnostic[];
  entities: FileEntities;
}

export function parseFile(file: SourceFile, context: ParseContext): ParsedFile {
  if (isConfigFile(file.uri)) {
    const { diagnostics } = readRepositoryConfig(file.document.getText(), file.uri);
    return { file, blocks: [], strictDocuments: [], diagnostics, entities: emptyEntities() };
  }
  const scan = findYamlBlocks(file);
  const strict = readStrictDocuments(
    file,
    scan.blocks,
    context.catalog,
    context.config.frontMatter,
  );
  const conventions = readConventions(file, scan.blocks, context);
  return {
    file,
    blocks: scan.blocks,
    strictDocuments: strict.documents,
    diagnostics: scan.diagnostics.concat(strict.diagnostics, conventions.diagnostics),
    entities: mergeEntities([strict.entities, conventions.entities]),
  };
}

export function mergeEntities(parts: FileEntities[]): FileEntities {
  const merged = emptyEntities();
  for (const part of parts) {
    appendAll(merged.programs, part.programs);
    appendAll(merged.roles, part.roles);
    appendAll(merged.profiles, part.profiles);
    appendAll(merged.records, part.records);
    appendAll(merged.matrices, part.matrices);
    appendAll(merged.references, part.references);
    appendAll(merged.unfilled, part.unfilled);
  }
  return merged;
}

/** The repository configuration is checked against its own schema, not read as a QMS file. */
export function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}
