// Access to a Markdown file's front matter for the tolerant readers: the values and the
// ranges of keys and values in the file.
import type { Range } from 'vscode-languageserver-types';
import { isMap, isScalar, type Node } from 'yaml';
import { nodeRange, type YamlBlock } from '../documents';
import type { SourceFile } from '../source-file';

export interface FrontMatter {
  block: YamlBlock;
  values: Record<string, unknown>;
}

/**
 * Returns the front matter when it parsed without errors into a mapping. Front matter with
 * YAML errors is skipped: the YAML scan reports those errors already.
 */
export function findFrontMatter(blocks: YamlBlock[]): FrontMatter | undefined {
  const block = blocks.find((candidate) => candidate.origin === 'front-matter');
  if (!block || block.document.errors.length > 0 || !isMap(block.document.contents)) {
    return undefined;
  }
  const values = block.value;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
  return { block, values: values as Record<string, unknown> };
}

/** Returns the range of the value at `path`, or of its key with `part: 'key'`. */
export function frontMatterRange(
  file: SourceFile,
  frontMatter: FrontMatter,
  path: (string | number)[],
  part: 'key' | 'value' = 'value',
): Range | undefined {
  const document = frontMatter.block.document;
  let node: Node | undefined;
  if (part === 'key') {
    const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
    if (isMap(parent)) {
      const last = String(path[path.length - 1]);
      const pair = parent.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === last,
      );
      if (isScalar(pair?.key)) node = pair.key;
    }
  } else {
    node = document.getIn(path, true) as Node | undefined;
  }
  return node ? nodeRange(file, frontMatter.block, node) : undefined;
}

/** Returns a front matter value as a trimmed string, or undefined unless it is a scalar. */
export function stringValue(values: Record<string, unknown>, key: string): string | undefined {
  const value = values[key];
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}
