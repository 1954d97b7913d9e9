// Finds the YAML node behind a JSON pointer and turns node offsets into file ranges, so a
// schema error on the plain data lands on the text the user wrote.
import type { Range } from 'vscode-languageserver-types';
import { isMap, isNode, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { blockRange, nodeRange, type YamlBlock } from '../documents';
import type { SourceFile } from '../source-file';

export type YamlPath = (string | number)[];

/** A node found by path, with its pair when its parent is a mapping. */
export interface FoundNode {
  node: Node | undefined;
  pair?: Pair;
  /** The path that was found; shorter than the one asked for when a step is missing. */
  path: YamlPath;
}

/** Splits a JSON pointer such as `/completed/0/date` into its unescaped segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Walks `path` from the document's root. Map keys match by their string form, because
 * the plain data turns every key into a string (`2024:` becomes `"2024"`).
 */
export function findNode(block: YamlBlock, path: readonly (string | number)[]): FoundNode {
  let node = block.document.contents as Node | null | undefined;
  let pair: Pair | undefined;
  const walked: YamlPath = [];
  for (const segment of path) {
    if (isSeq(node)) {
      const index = Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (item === undefined) break;
      node = item as Node;
      pair = undefined;
      walked.push(index);
    } else if (isMap(node)) {
      const found = node.items.find((item) => keyText(item) === String(segment));
      if (!found) break;
      pair = found;
      node = (found.value as Node | null) ?? undefined;
      walked.push(String(segment));
    } else {
      break;
    }
  }
  return { node: node ?? undefined, ...(pair ? { pair } : {}), path: walked };
}

/** Returns the string form of a pair's key, as the plain data would name it. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/** Returns the range of a pair's key, or undefined for a key without a position. */
export function keyRange(file: SourceFile, block: YamlBlock, pair: Pair): Range | undefined {
  return isNode(pair.key) && pair.key.range ? nodeRange(file, block, pair.key) : undefined;
}

/** Returns the source text of a node as written, such as `1.10` for the number 1.1. */
export function nodeSource(block: YamlBlock, node: Node): string {
  return node.range ? block.text.slice(node.range[0], node.range[1]) : '';
}

/** Returns the range of the first line of the document's content, without the line break. */
export function firstLineRange(file: SourceFile, block: YamlBlock): Range {
  const contents = block.document.contents;
  const start = contents?.range?.[0] ?? block.document.range[0];
  const lineBreak = block.text.slice(start).search(/\r?\n/);
  const end = lineBreak < 0 ? block.text.length : start + lineBreak;
  return blockRange(file, block, start, end);
}

/** Visits every value node from the root down, with its path and the nearest key above it. */
export function walkValues(
  block: YamlBlock,
  visit: (node: Node, path: YamlPath, key: string | undefined) => boolean | void,
): void {
  const walk = (node: Node, path: YamlPath, key: string | undefined): void => {
    if (visit(node, path, key) === false) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = keyText(pair);
        if (name !== undefined && pair.value) walk(pair.value as Node, [...path, name], name);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item as Node, [...path, index], key));
    }
  };
  const root = block.document.contents;
  if (root) walk(root as Node, [], undefined);
}

/** Builds the JSON pointer of a path, as ajv's `instancePath` names it. */
export function toPointer(path: YamlPath): string {
  return path
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

export { nodeRange };
