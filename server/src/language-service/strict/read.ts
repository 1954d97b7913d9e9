// STUB: replaced by the strict layer (kind detection, schema validation, entities).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog-types';
import type { YamlBlock } from '../documents';
import { emptyEntities, type DocumentKind, type FileEntities } from '../model';
import type { SourceFile } from '../source-file';

/** A YAML document of one of the strict kinds, or one in scope that lacks its kind. */
export interface StrictDocument {
  block: YamlBlock;
  kind?: DocumentKind;
}

export interface StrictReadResult {
  entities: FileEntities;
  diagnostics: Diagnostic[];
  documents: StrictDocument[];
}

export function readStrictDocuments(
  _file: SourceFile,
  _blocks: YamlBlock[],
  _catalog: Catalog,
): StrictReadResult {
  return { entities: emptyEntities(), diagnostics: [], documents: [] };
}
