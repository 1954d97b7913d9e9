// STUB: replaced by the documents module (YAML files, front matter, fences).
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Document } from 'yaml';
import type { SourceFile } from './source-file';

export type BlockOrigin = 'yaml' | 'front-matter' | 'fence';

/** One YAML document found in a file, with what is needed to map its offsets to the file. */
export interface YamlBlock {
  origin: BlockOrigin;
  /** The parsed document; node ranges are offsets into the block text. */
  document: Document.Parsed;
  /** Offset in the file text of the block text's first character. */
  offset: number;
}

export interface YamlScan {
  blocks: YamlBlock[];
  diagnostics: Diagnostic[];
}

export function findYamlBlocks(_file: SourceFile): YamlScan {
  return { blocks: [], diagnostics: [] };
}

/** Converts offsets of a block's text into a file range. */
export function blockRange(file: SourceFile, block: YamlBlock, start: number, end: number): Range {
  return {
    start: file.document.positionAt(block.offset + start),
    end: file.document.positionAt(block.offset + end),
  };
}

/** Converts a file offset into an offset of the block's text, or undefined when outside it. */
export function blockOffset(_file: SourceFile, block: YamlBlock, fileOffset: number): number | undefined {
  const local = fileOffset - block.offset;
  return local >= 0 ? local : undefined;
}
