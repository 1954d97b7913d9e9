// Maps offsets between a YAML block's text and the file it came from. A whole YAML file or
// a front matter block is one contiguous slice of the file. A fenced block inside a list
// item or a block quote is not: Markdown strips each line's container prefix (indent,
// `> `), so the map keeps one entry per line.
import type { SourceFile } from './source-file';

/** One line of block text and the file offsets it came from. */
export interface LineOffset {
  /** Offset in the block text of the line's first character. */
  blockStart: number;
  /** Offset in the file of the block line's first character that exists in the file. */
  fileStart: number;
  /** Length of the line in the block text, including its line break. */
  length: number;
  /**
   * Leading block characters with no counterpart in the file: spaces Markdown inserts for a
   * tab it consumes only in part. They map to `fileStart`.
   */
  virtual: number;
}

/** A line-by-line offset table, sorted by `blockStart`; never empty. */
export type OffsetMap = readonly LineOffset[];

const LINE_BREAK = /\r\n|\r|\n/g;

/** Builds the map of block text that is the file text from `fileOffset` on, unchanged. */
export function contiguousMap(fileOffset: number, text: string): OffsetMap {
  return [{ blockStart: 0, fileStart: fileOffset, length: text.length, virtual: 0 }];
}

/**
 * Builds the map of block text whose line `i` is the end of file line `firstLine + i`. The
 * value of a Markdown code or front matter node is such a text, because the Markdown
 * parser removes a prefix from each line but keeps the rest of it and its line break.
 */
export function lineSuffixMap(file: SourceFile, firstLine: number, text: string): OffsetMap {
  const source = file.document.getText();
  const entries: LineOffset[] = [];
  let blockStart = 0;
  let line = firstLine;
  for (const content of splitLines(text)) {
    const lineEnd = file.document.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    const lineStart = file.document.offsetAt({ line, character: 0 });
    const shared = commonSuffixLength(source.slice(lineStart, lineEnd), content.text);
    entries.push({
      blockStart,
      fileStart: lineEnd - shared,
      length: content.text.length + content.lineBreak.length,
      virtual: content.text.length - shared,
    });
    blockStart += content.text.length + content.lineBreak.length;
    line++;
  }
  return entries;
}

/** Converts a block offset into a file offset; offsets past the end map to the block end. */
export function toFileOffset(map: OffsetMap, blockOffset: number): number {
  const entry = map[findLine(map, blockOffset)]!;
  const column = Math.min(blockOffset - entry.blockStart, entry.length);
  return entry.fileStart + Math.max(0, column - entry.virtual);
}

/**
 * Converts a file offset into a block offset, or returns undefined when the file offset
 * lies outside the block text: before or after it, or in a stripped line prefix. The end
 * of the block text counts as inside, so a cursor after the last character maps.
 */
export function toBlockOffset(map: OffsetMap, fileOffset: number): number | undefined {
  for (let i = 0; i < map.length; i++) {
    const entry = map[i]!;
    const isLast = i === map.length - 1;
    const fileEnd = entry.fileStart + entry.length - entry.virtual;
    const inside =
      fileOffset >= entry.fileStart && (isLast ? fileOffset <= fileEnd : fileOffset < fileEnd);
    if (inside) return entry.blockStart + entry.virtual + (fileOffset - entry.fileStart);
  }
  return undefined;
}

/** Index of the last entry that starts at or before `blockOffset` (binary search). */
function findLine(map: OffsetMap, blockOffset: number): number {
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (map[middle]!.blockStart <= blockOffset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function splitLines(text: string): { text: string; lineBreak: string }[] {
  const lines: { text: string; lineBreak: string }[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({ text: text.slice(start, match.index), lineBreak: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), lineBreak: '' });
  return lines;
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (
    length < a.length &&
    length < b.length &&
    a[a.length - 1 - length] === b[b.length - 1 - length]
  ) {
    length++;
  }
  return length;
}
