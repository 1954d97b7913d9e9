// One Markdown parse with positions, shared by the fence finder and the tolerant readers:
// CommonMark plus GFM tables and YAML front matter (mdast via micromark).
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

const cache = new WeakMap<object, Root>();

/**
 * Parses Markdown into an mdast tree whose node positions carry file offsets. Results are
 * cached per key object (a `TextDocument`), so callers on one file share one parse.
 */
export function parseMarkdown(text: string, key?: object): Root {
  const cached = key ? cache.get(key) : undefined;
  if (cached) return cached;
  const tree = fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  if (key) cache.set(key, tree);
  return tree;
}
