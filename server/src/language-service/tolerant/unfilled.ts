// Template placeholders found in prose and front matter, collected as unfilled values.
import type { Nodes, Root } from 'mdast';
import type { Range } from 'vscode-languageserver-types';
import type { UnfilledValue } from '../model';
import type { SourceFile } from '../source-file';
import { findPlaceholder } from './placeholders';
import { nodeRange, nodeText } from './sections';

/** Returns the range of `text` inside a node's source, or the node's range when not found. */
export function rangeWithin(file: SourceFile, node: Nodes, text: string): Range {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const index = file.document.getText().slice(start, end).indexOf(text);
  if (index < 0) return nodeRange(file, node);
  return {
    start: file.document.positionAt(start + index),
    end: file.document.positionAt(start + index + text.length),
  };
}

/** Collects the first placeholder of each paragraph and heading of the Markdown body. */
export function proseUnfilled(file: SourceFile, tree: Root): UnfilledValue[] {
  const found: UnfilledValue[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const placeholder = findPlaceholder(nodeText(node));
      if (placeholder !== undefined) {
        found.push({
          uri: file.uri,
          range: rangeWithin(file, node, placeholder),
          text: placeholder,
        });
      }
      return;
    }
    if (node.type === 'table' || node.type === 'code' || node.type === 'yaml') return;
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return found;
}
