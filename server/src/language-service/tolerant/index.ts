// STUB: replaced by the tolerant layer (job descriptions, tables, prose, procedures).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog-types';
import type { RepositoryConfig } from '../config';
import type { YamlBlock } from '../documents';
import { emptyEntities, type FileEntities } from '../model';
import type { SourceFile } from '../source-file';

export interface ConventionsResult {
  entities: FileEntities;
  diagnostics: Diagnostic[];
}

export function readConventions(
  _file: SourceFile,
  _blocks: YamlBlock[],
  _context: { catalog: Catalog; config: RepositoryConfig },
): ConventionsResult {
  return { entities: emptyEntities(), diagnostics: [] };
}
