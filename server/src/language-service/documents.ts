// Finds the YAML documents of a file: every document of a YAML stream, a Markdown file's
// front matter, and its fenced code blocks marked `yaml` or `yml`. Each block keeps the
// text the parser read and a map back to the file, so every node range becomes an LSP
// range (UTF-16 columns) of the file, whatever the line endings or Markdown containers.
import type { Code, Nodes, Yaml } from 'mdast';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, createDiagnostic } from './diagnostics';
import { isCollection, isNode, isPair, type Document, type Node } from 'yaml';
import { MarkdownTooComplexError, MAX_MARKDOWN_NESTING, parseMarkdown } from './markdown';
import {
  contiguousMap,
  lineSuffixMap,
  toBlockOffset,
  toFileOffset,
  type OffsetMap,
} from './offset-map';
import { isMarkdown, type SourceFile } from './source-file';
import { yamlErrorToDiagnostic } from './yaml-errors';
import { parseYamlStream } from './yaml-parse';

export type BlockOrigin = 'yaml' | 'front-matter' | 'fence';

/** One YAML document found in a file, with what is needed to map its offsets to the file. */
export interface YamlBlock {
  origin: BlockOrigin;
  /**
   * The parsed document (YAML 1.2, core schema); node and error offsets count in `text`.
   * It may have errors: those are reported in `YamlScan.diagnostics` already, and a reader
   * of the content decides whether to skip the document.
   */
  document: Document.Parsed;
  /**
   * The document as plain data from `toJS`, or undefined when converting it was unsafe or
   * impossible (too many alias expansions, an alias without anchor, nesting too deep).
   */
  value: unknown;
  /** Offset in the file text of the block text's first character. */
  offset: number;
  /**
   * The text the YAML parser read: the whole stream for a YAML file, the content between
   * the markers for front matter and fences, with Markdown's line prefixes removed.
   */
  text: string;
  /** The map from offsets of `text` to file offsets, line by line. */
  offsets: OffsetMap;
  /** Position of the document in its stream, 0 for the first. */
  index: number;
}

export interface YamlScan {
  blocks: YamlBlock[];
  /** YAML errors and warnings of every block, as file diagnostics. */
  diagnostics: Diagnostic[];
}

/** A piece of a file that contains YAML text. */
interface YamlSource {
  origin: BlockOrigin;
  text: string;
  offsets: OffsetMap;
}

const YAML_FENCE_LANGUAGE = /^ya?ml$/i;

/**
 * Finds and parses every YAML document of a file. A Markdown file contributes its front
 * matter and its `yaml`/`yml` fences. Any other file is read as one YAML stream, because
 * the caller decides which files are in scope.
 */
export function findYamlBlocks(file: SourceFile): YamlScan {
  const scan: YamlScan = { blocks: [], diagnostics: [] };
  if (!isMarkdown(file)) {
    readSource(file, wholeFileSource(file), scan);
    return scan;
  }
  let sources: YamlSource[];
  try {
    sources = findMarkdownSources(file);
  } catch (error) {
    // The Markdown parser recurses once per nesting level of lists and block quotes.
    if (!(error instanceof RangeError)) throw error;
    scan.diagnostics.push(
      markdownTooDeep(error instanceof MarkdownTooComplexError ? error.line : 0),
    );
    return scan;
  }
  for (const source of sources) readSource(file, source, scan);
  if (!sources.some((source) => source.origin === 'front-matter')) {
    const unclosed = unclosedFrontMatter(file);
    if (unclosed) scan.diagnostics.push(unclosed);
  }
  return scan;
}

/** A YAML key at the start of a line, such as `title:` or `training_mode: quiz`. */
const YAML_KEY_LINE = /^[A-Za-z_][\w.-]*\s*:(\s|$)/;

/**
 * Returns an error when the file opens with a `---` line that is never closed but the next
 * non-blank line looks like a YAML key. Markdown then reads the marker as a horizontal rule,
 * so the intended front matter would silently yield nothing.
 */
function unclosedFrontMatter(file: SourceFile): Diagnostic | undefined {
  const lines = file.document.getText().split(/\r?\n/, 50);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const firstContent = lines.slice(1).find((line) => line.trim() !== '');
  if (firstContent === undefined || !YAML_KEY_LINE.test(firstContent)) return undefined;
  const message =
    'The front matter opened on line 1 is not closed, so it is read as Markdown and its ' +
    'values are ignored. Add a closing `---` line after the last front matter line.';
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
  return createDiagnostic(range, DiagnosticSeverity.Error, DIAGNOSTIC_CODES.yamlSyntax, message);
}

/** Converts offsets of a block's text into a file range. */
export function blockRange(file: SourceFile, block: YamlBlock, start: number, end: number): Range {
  return rangeIn(file, block.offsets, start, end);
}

/**
 * Converts a file offset into an offset of the block's text, or returns undefined when the
 * offset is outside the text or in a line prefix that Markdown removed (such as `> `).
 */
export function blockOffset(
  _file: SourceFile,
  block: YamlBlock,
  fileOffset: number,
): number | undefined {
  return toBlockOffset(block.offsets, fileOffset);
}

/**
 * Finds the block whose document spans a file offset. The end counts as inside, so typing
 * at the end of a block finds it, and the first document of a text also spans the
 * comments before it. Returns undefined outside every block and in a stripped line prefix.
 */
export function blockAtOffset(
  file: SourceFile,
  blocks: readonly YamlBlock[],
  fileOffset: number,
): YamlBlock | undefined {
  return blocks.find((block) => {
    const local = blockOffset(file, block, fileOffset);
    if (local === undefined) return false;
    const start = block.index === 0 ? 0 : block.document.range[0];
    return local >= start && local <= block.document.range[2];
  });
}

/**
 * Returns the file range of a node's value: from its first character to the end of the
 * value, without trailing comments, blank lines or line breaks. A node without a range
 * (one not made by the parser) gets the range of its document's start.
 */
export function nodeRange(file: SourceFile, block: YamlBlock, node: Node): Range {
  if (!node.range) {
    const start = block.document.range[0];
    return blockRange(file, block, start, start);
  }
  return blockRange(file, block, node.range[0], valueEnd(block, node));
}

/**
 * Finds where a node's value ends in the block text. A block collection's own range runs
 * to the end of its trailing comments, so its value ends with its last item's value. A
 * block scalar's range includes its final line break, which is trimmed.
 */
function valueEnd(block: YamlBlock, node: Node): number {
  const start = node.range![0];
  let last: Node = node;
  while (isCollection(last) && !last.flow && last.items.length > 0) {
    const item: unknown = last.items[last.items.length - 1];
    const next = isPair(item) ? (item.value ?? item.key) : item;
    if (!isNode(next) || !next.range) break;
    last = next;
  }
  let end = last.range![1];
  while (end > start && /\s/.test(block.text.charAt(end - 1))) end--;
  return end;
}

function readSource(file: SourceFile, source: YamlSource, scan: YamlScan): void {
  const toRange = (start: number, end: number): Range => rangeIn(file, source.offsets, start, end);
  const stream = parseYamlStream(source.text);
  for (const error of stream.streamErrors) {
    scan.diagnostics.push(yamlErrorToDiagnostic(error, undefined, source.text, toRange));
  }
  stream.documents.forEach(({ document, value }, index) => {
    // An unclosed collection nested many levels deep gets the same error once per level.
    const seen = new Set<string>();
    for (const error of [...document.errors, ...document.warnings]) {
      const key = `${error.code} ${error.pos[0]} ${error.pos[1]} ${error.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scan.diagnostics.push(yamlErrorToDiagnostic(error, document, source.text, toRange));
    }
    scan.blocks.push({
      origin: source.origin,
      document,
      value,
      offset: toFileOffset(source.offsets, 0),
      text: source.text,
      offsets: source.offsets,
      index,
    });
  });
}

function rangeIn(file: SourceFile, offsets: OffsetMap, start: number, end: number): Range {
  return {
    start: file.document.positionAt(toFileOffset(offsets, start)),
    end: file.document.positionAt(toFileOffset(offsets, end)),
  };
}

function markdownTooDeep(line: number): Diagnostic {
  const message =
    `Lists or block quotes are nested more than ${MAX_MARKDOWN_NESTING} levels deep, so ` +
    'this Markdown file cannot be read. Reduce the nesting.';
  const start = { line, character: 0 };
  const range = { start, end: start };
  return createDiagnostic(range, DiagnosticSeverity.Error, DIAGNOSTIC_CODES.tooComplex, message);
}

function wholeFileSource(file: SourceFile): YamlSource {
  const text = file.document.getText();
  return { origin: 'yaml', text, offsets: contiguousMap(0, text) };
}

/**
 * Lists the front matter and the YAML fences of a Markdown file in document order. The
 * walk uses an explicit stack, because lists and block quotes may nest deeply.
 */
function findMarkdownSources(file: SourceFile): YamlSource[] {
  const tree = parseMarkdown(file.document.getText(), file.document);
  const sources: YamlSource[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'yaml') {
      sources.push(literalSource(file, node, 'front-matter'));
    } else if (node.type === 'code' && node.lang && YAML_FENCE_LANGUAGE.test(node.lang)) {
      sources.push(literalSource(file, node, 'fence'));
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return sources;
}

/**
 * Makes the source of a front matter or fence node. The node starts at its opening marker
 * line, and its value contains the lines after it, each without the container prefix.
 */
function literalSource(file: SourceFile, node: Code | Yaml, origin: BlockOrigin): YamlSource {
  // mdast lines are 1-based, so the opening marker's 1-based number is the 0-based number
  // of the first content line.
  const firstLine = node.position!.start.line;
  return { origin, text: node.value, offsets: lineSuffixMap(file, firstLine, node.value) };
}
