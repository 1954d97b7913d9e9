// The cursor's place inside a YAML flow collection on one line, such as `[a, b|` or
// `{role: |, from: 2025-01-01}`, read from the text because it is rarely valid YAML while
// it is typed. Flow collections that span several lines are not followed.
import { ITEMS, type PathSegment } from './yaml-path';

export interface FlowContext {
  /** `key` on a key of a flow mapping, `value` on a value or a sequence item. */
  mode: 'key' | 'value';
  /** Steps from the collection's own node to the cursor's node. */
  path: PathSegment[];
  /** The text typed so far at the cursor, unquoted. */
  word: string;
  /** The keys of the innermost flow mapping, or the items of the innermost flow sequence, other than the one at the cursor. */
  siblings: string[];
}

interface Frame {
  open: '[' | '{';
  /** The key of the pair the cursor's text belongs to, once its `:` was read. */
  key?: string;
  /** Keys or items that were completed with a `,` before the cursor. */
  entries: string[];
  /** Offset in the text where the current key, value or item starts. */
  tokenStart: number;
}

/**
 * Reads `before`, the text from a flow collection's opening bracket to the cursor, and
 * `after`, the rest of the line. Returns undefined when the collection closes before the
 * cursor or the cursor is inside a quoted scalar that contains a separator.
 */
export function flowContextAt(before: string, after: string): FlowContext | undefined {
  const stack: Frame[] = [];
  let index = 0;
  while (index < before.length) {
    const char = before[index]!;
    if (char === '"' || char === "'") {
      const close = before.indexOf(char, index + 1);
      if (close < 0) break;
      index = close + 1;
      continue;
    }
    const frame = stack[stack.length - 1];
    if (char === '[' || char === '{') {
      if (frame && frame.open === '{' && frame.key === undefined) return undefined;
      stack.push({ open: char, entries: [], tokenStart: index + 1 });
    } else if (char === ']' || char === '}') {
      stack.pop();
      if (stack.length === 0) return undefined;
      // The closed collection was the value of the enclosing frame's current entry.
      stack[stack.length - 1]!.tokenStart = index + 1;
    } else if (frame && char === ',') {
      const text = before.slice(frame.tokenStart, index).trim();
      const entry = frame.open === '{' ? frame.key : text;
      if (entry) frame.entries.push(unquote(entry));
      delete frame.key;
      frame.tokenStart = index + 1;
    } else if (frame?.open === '{' && frame.key === undefined && isPairColon(before, index)) {
      frame.key = unquote(before.slice(frame.tokenStart, index).trim());
      frame.tokenStart = index + 1;
    }
    index++;
  }
  if (stack.length === 0) return undefined;

  const path: PathSegment[] = [];
  for (const frame of stack.slice(0, -1)) path.push(frame.open === '[' ? ITEMS : frame.key!);
  const innermost = stack[stack.length - 1]!;
  const word = unquote(before.slice(innermost.tokenStart).trim());
  const later = entriesAfter(innermost.open, after);
  const siblings = [...innermost.entries, ...later];
  if (innermost.open === '[') {
    return { mode: 'value', path: [...path, ITEMS], word, siblings };
  }
  if (innermost.key !== undefined) {
    return { mode: 'value', path: [...path, innermost.key], word, siblings };
  }
  return { mode: 'key', path, word, siblings };
}

/** True when the `:` at `index` separates a key from its value, as `: ` or `:` at the end. */
function isPairColon(text: string, index: number): boolean {
  if (text[index] !== ':') return false;
  const next = text[index + 1];
  return next === undefined || next === ' ' || next === '\t' || next === ',' || next === '}';
}

/**
 * Lists the keys (of a mapping) or items (of a sequence) that follow the cursor's entry in
 * the same collection, up to its closing bracket or the end of the line.
 */
function entriesAfter(open: '[' | '{', after: string): string[] {
  const close = open === '[' ? ']' : '}';
  const entries: string[] = [];
  let depth = 0;
  let start = -1;
  let index = 0;
  const finish = (end: number): void => {
    if (start < 0) return;
    const text = after.slice(start, end).trim();
    let entry = text;
    if (open === '{') {
      const colon = pairColonIn(text);
      if (colon >= 0) entry = text.slice(0, colon).trim();
    }
    if (entry !== '') entries.push(unquote(entry));
  };
  while (index < after.length) {
    const char = after[index]!;
    if (char === '"' || char === "'") {
      const end = after.indexOf(char, index + 1);
      if (end < 0) break;
      index = end + 1;
      continue;
    }
    if (char === '[' || char === '{') depth++;
    else if ((char === ']' || char === '}') && depth > 0) depth--;
    else if (depth === 0 && (char === close || char === ',')) {
      finish(index);
      if (char === close) return entries;
      start = index + 1;
    }
    index++;
  }
  finish(after.length);
  return entries;
}

function pairColonIn(text: string): number {
  for (let index = 0; index < text.length; index++) {
    if (isPairColon(text, index)) return index;
  }
  return -1;
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
