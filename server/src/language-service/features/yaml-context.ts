// The cursor's place in a YAML document, read from the text rather than the parsed tree,
// because the text being typed is rarely valid YAML yet. Block-style mappings and
// sequences are followed, and flow collections (`[a, b]`, `{role: x}`) on the cursor's line.
import type { Position, Range } from 'vscode-languageserver-types';
import { blockAtOffset, blockOffset, blockRange } from '../documents';
import type { ParsedFile } from '../parse-file';
import { isMarkdown } from '../source-file';
import { flowContextAt } from './flow-context';
import { ITEMS, type PathSegment } from './yaml-path';

export { ITEMS, type PathSegment } from './yaml-path';

export interface YamlContext {
  /** The document's `kind` value, when it has one. */
  kind?: string;
  /**
   * `key`: the cursor is on a mapping key, `path` leads to the mapping.
   * `value`: the cursor is on a scalar value, `path` leads to it.
   * `item`: the cursor is on `- text`, which may become a scalar item or a mapping key;
   * `path` leads to the sequence items.
   */
  mode: 'key' | 'value' | 'item';
  path: PathSegment[];
  /** The text of the token under the cursor and the range it spans on its line. */
  word: string;
  wordRange: Range;
  /** The range of the token as a mapping key: like `wordRange`, but never over a `:`. */
  keyRange: Range;
  /** True when a `:` follows the key token, so completing a key must not add another. */
  colonFollows: boolean;
  /** Keys of the mapping at the cursor other than the one being typed. */
  presentKeys: string[];
  /** Items of the sequence at the cursor other than the one being typed. */
  presentItems: string[];
  /** The document's top-level `id` value, when it has one. */
  documentId?: string;
}

interface LineShape {
  indent: number;
  /** Number of `- ` markers before the content. */
  dashes: number;
  /** Column of the first character after the markers. */
  contentColumn: number;
  key?: string;
  /** True when nothing but a comment, an anchor or a tag follows the line's `key:`. */
  keyOnly: boolean;
}

const LINE = /^(\s*)((?:-(?:[ \t]+|$))*)(.*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s#'"[\]{},][^#]*?)[ \t]*:(?:[ \t]+(.*)|$)/;
const TOKEN_CHAR = /[A-Za-z0-9_.:\-]/;
const KEY_CHAR = /[A-Za-z0-9_.\-]/;

/** Returns the YAML context at `position`, or undefined outside every YAML document. */
export function yamlContextAt(parsed: ParsedFile, position: Position): YamlContext | undefined {
  const span = spanAt(parsed, parsed.file.document.offsetAt(position));
  if (!span) return undefined;
  const { text, offset } = span;

  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const prefix = text.slice(lineStart, offset);
  if (/(^|\s)#/.test(prefix)) return undefined;
  const suffix = text.slice(offset, lineEnd).replace(/\r$/, '');

  const previousLines = text.slice(span.start, Math.max(span.start, lineStart)).split(/\r?\n/);
  const kind = readKind(text.slice(span.start, span.end));
  const shape = LINE.exec(prefix)!;
  const indent = shape[1]!.length;
  const dashCount = (shape[2]!.match(/-/g) ?? []).length;
  const rest = shape[3]!;

  const path =
    dashCount > 0
      ? [...ancestorPath(previousLines, indent, true), ...repeat(ITEMS, dashCount)]
      : ancestorPath(previousLines, indent, false);
  const nextLines = text.slice(Math.min(lineEnd + 1, span.end), span.end).split(/\r?\n/);

  let mode: YamlContext['mode'];
  let word: string;
  let presentKeys: string[] = [];
  let presentItems: string[] = [];
  const keyMatch = KEY.exec(rest);
  // A flow collection starts where the value starts, or right after the `- ` markers.
  let flowText: string | undefined;
  if (keyMatch) {
    path.push(unquote(keyMatch[1]!));
    const value = keyMatch[2] ?? '';
    if (/^[[{]/.test(value)) flowText = value;
  } else if (/^[[{]/.test(rest)) {
    flowText = rest;
  }
  if (flowText !== undefined) {
    const flow = flowContextAt(flowText, suffix);
    if (!flow) return undefined;
    path.push(...flow.path);
    mode = flow.mode;
    word = flow.word;
    if (flow.mode === 'key') presentKeys = flow.siblings;
    else if (flow.path[flow.path.length - 1] === ITEMS) presentItems = flow.siblings;
  } else if (keyMatch) {
    mode = 'value';
    word = keyMatch[2] ?? '';
  } else if (dashCount > 0) {
    mode = 'item';
    word = rest;
    const column = indent + shape[2]!.length;
    presentKeys = mappingKeys([], nextLines, column);
    presentItems = sequenceItems(previousLines, nextLines, indent);
  } else {
    mode = 'key';
    word = rest;
    presentKeys = mappingKeys(previousLines, nextLines, indent);
  }
  word = word.replace(/^["']/, '');
  if (/\s/.test(word.trim()) || /^[|>]/.test(word)) return undefined;
  word = word.trim();

  let after = 0;
  while (after < suffix.length && TOKEN_CHAR.test(suffix[after]!)) after++;
  let keyEnd = 0;
  while (keyEnd < suffix.length && KEY_CHAR.test(suffix[keyEnd]!)) keyEnd++;
  const colonFollows = /^[ \t]*:(?:[ \t]|$)/.test(suffix.slice(keyEnd));
  const wordRange = span.toFileRange(offset - word.length, offset + after);
  const keyRange = span.toFileRange(offset - word.length, offset + keyEnd);
  const documentText = text.slice(span.start, span.end);
  const documentId = /^id:[ \t]*["']?([^\s"'#]+)/m.exec(documentText)?.[1];
  return {
    ...(kind ? { kind } : {}),
    mode,
    path,
    word,
    wordRange,
    keyRange,
    colonFollows,
    presentKeys,
    presentItems,
    ...(documentId ? { documentId } : {}),
  };
}

/**
 * Lists the keys of the block mapping whose keys start at `column`, on the lines before
 * and after the cursor's line. A `- key:` line at that column starts the mapping, and a
 * line left of the column, or another `- ` item, ends it.
 */
function mappingKeys(previousLines: string[], nextLines: string[], column: number): string[] {
  const keys: string[] = [];
  for (let i = previousLines.length - 1; i >= 0; i--) {
    const line = parseLine(previousLines[i]!);
    if (!line || line.contentColumn > column) continue;
    if (line.contentColumn < column) break;
    if (line.key !== undefined) keys.push(line.key);
    if (line.dashes > 0) break;
  }
  for (const text of nextLines) {
    const line = parseLine(text);
    if (!line || line.contentColumn > column) continue;
    if (line.contentColumn < column || line.dashes > 0) break;
    if (line.key !== undefined) keys.push(line.key);
  }
  return keys;
}

/**
 * Lists the scalar items of the block sequence whose `- ` markers sit at `indent`, on the
 * lines before and after the cursor's line.
 */
function sequenceItems(previousLines: string[], nextLines: string[], indent: number): string[] {
  const items: string[] = [];
  const read = (lines: Iterable<string>): void => {
    for (const text of lines) {
      const line = parseLine(text);
      if (!line || line.indent > indent) continue;
      if (line.indent < indent || line.dashes === 0) break;
      const content = text
        .slice(line.contentColumn)
        .replace(/\s+#.*$/, '')
        .trim();
      if (line.key === undefined && content !== '') items.push(unquote(content));
    }
  };
  read([...previousLines].reverse());
  read(nextLines);
  return items;
}

/**
 * Finds the keys and sequence steps that lead to the node starting at `column` on the line
 * after `lines`. `inSequence` is true when that node is a `- ` item, whose parent key may
 * sit at the same column (`key:` followed by `- a` without indentation).
 */
export function ancestorPath(lines: string[], column: number, inSequence: boolean): PathSegment[] {
  const path: PathSegment[] = [];
  let target = column;
  let seekingSequenceParent = inSequence;
  for (let i = lines.length - 1; i >= 0 && (target > 0 || seekingSequenceParent); i--) {
    const line = parseLine(lines[i]!);
    if (!line) continue;
    if (seekingSequenceParent) {
      if (line.dashes > 0 && line.indent === target) continue;
      if (line.contentColumn > target || line.key === undefined || !line.keyOnly) {
        if (line.indent < target) break;
        continue;
      }
    } else {
      if (line.contentColumn > target) continue;
      if (line.contentColumn === target) {
        if (line.dashes === 0) continue;
        // The mapping the cursor is in is the item this `- key:` line starts.
        path.unshift(...repeat(ITEMS, line.dashes));
        target = line.indent;
        seekingSequenceParent = true;
        continue;
      }
      if (line.key === undefined) break;
    }
    path.unshift(line.key!);
    if (line.dashes > 0) {
      path.unshift(...repeat(ITEMS, line.dashes));
      target = line.indent;
      seekingSequenceParent = true;
    } else {
      target = line.contentColumn;
      seekingSequenceParent = false;
    }
  }
  return path;
}

function parseLine(text: string): LineShape | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...') {
    return undefined;
  }
  const match = LINE.exec(text.replace(/\r$/, ''))!;
  const indent = match[1]!.length;
  const dashes = (match[2]!.match(/-/g) ?? []).length;
  const contentColumn = indent + match[2]!.length;
  const key = KEY.exec(match[3]!);
  const value = key?.[2]?.trim() ?? '';
  return {
    indent,
    dashes,
    contentColumn,
    ...(key ? { key: unquote(key[1]!) } : {}),
    keyOnly: !!key && (value === '' || value.startsWith('#') || /^[&!]\S*$/.test(value)),
  };
}

/** The text of the YAML document around the cursor, in the coordinates of its block. */
interface DocumentSpan {
  /** The block text, or the file text when no block was found. */
  text: string;
  /** The cursor's offset in `text`. */
  offset: number;
  /** Offsets of the document's first and last characters in `text`. */
  start: number;
  end: number;
  toFileRange(start: number, end: number): Range;
}

/**
 * Finds the YAML document around `offset`: a block the document finder reported, or in a
 * YAML file without one the text between the `---` lines around the offset, so a file
 * that does not parse yet still gets completions.
 */
function spanAt(parsed: ParsedFile, fileOffset: number): DocumentSpan | undefined {
  const file = parsed.file;
  const block = blockAtOffset(file, parsed.blocks, fileOffset);
  if (block) {
    const offset = blockOffset(file, block, fileOffset)!;
    const [documentStart, , documentEnd] = block.document.range;
    return {
      text: block.text,
      offset,
      start: block.index === 0 ? 0 : documentStart,
      end: documentEnd,
      toFileRange: (start, end) => blockRange(file, block, start, end),
    };
  }
  if (isMarkdown(file)) return undefined;
  const text = file.document.getText();
  const separator = /^(---|\.\.\.)[ \t]*$/gm;
  let start = 0;
  let end = text.length;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    if (match.index + match[0].length < fileOffset) {
      start = match.index + match[0].length + 1;
    } else if (match.index > fileOffset) {
      end = match.index;
      break;
    }
  }
  return {
    text,
    offset: fileOffset,
    start: Math.min(start, text.length),
    end,
    toFileRange: (from, to) => ({
      start: file.document.positionAt(from),
      end: file.document.positionAt(to),
    }),
  };
}

function readKind(text: string): string | undefined {
  return /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text)?.[1];
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

function repeat<T>(value: T, count: number): T[] {
  return new Array<T>(count).fill(value);
}
