// One Markdown parse with positions, shared by the fence finder and the tolerant readers:
// CommonMark plus GFM tables and YAML front matter (mdast via micromark).
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/**
 * Deepest nesting of block quotes and lists that is parsed. micromark recurses once per
 * level and slows down faster than linearly: about 1 s at 1,000 nested list items on a
 * 2-core machine, a stack overflow at 10,000 nested block quotes. Real documents stay far
 * below this limit.
 */
export const MAX_MARKDOWN_NESTING = 100;

/** Thrown when a file nests lists or block quotes deeper than `MAX_MARKDOWN_NESTING`. */
export class MarkdownTooComplexError extends RangeError {
  constructor(readonly line: number) {
    super(`Markdown nesting deeper than ${MAX_MARKDOWN_NESTING} levels on line ${line + 1}`);
  }
}

const cache = new WeakMap<object, Root>();

/**
 * Parses Markdown into an mdast tree whose node positions carry file offsets. Results are
 * cached per key object (a `TextDocument`), so callers on one file share one parse.
 * Throws `MarkdownTooComplexError` (a `RangeError`) on nesting the parser cannot take.
 */
export function parseMarkdown(text: string, key?: object): Root {
  const cached = key ? cache.get(key) : undefined;
  if (cached) return cached;
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) throw new MarkdownTooComplexError(tooDeep);
  const tree = fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  if (key) cache.set(key, tree);
  return tree;
}

/**
 * Returns the first line whose container prefix (block quote markers, list markers and
 * indentation, counted as one level per two spaces) is deeper than the limit. The count
 * overestimates for indented code, which only makes the check stricter.
 */
function findExcessiveNesting(text: string): number | undefined {
  const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.length < MAX_MARKDOWN_NESTING) continue;
    const match = prefix.exec(line.slice(0, 10 * MAX_MARKDOWN_NESTING))![0];
    let depth = 0;
    let spaces = 0;
    for (const char of match) {
      if (char === ' ') spaces++;
      else if (char === '\t') spaces += 4;
      else if (char === '>' || char === '-' || char === '*' || char === '+') depth++;
    }
    depth += Math.floor(spaces / 2);
    if (depth > MAX_MARKDOWN_NESTING) return index;
  }
  return undefined;
}
