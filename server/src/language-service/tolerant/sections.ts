// Markdown structure for the tolerant readers: headings, the sections under them, list
// items and node text, with LSP ranges from the mdast offsets.
import type { Heading, ListItem, Nodes, Root, RootContent } from 'mdast';
import type { Range } from 'vscode-languageserver-types';
import { appendAll } from '../collections';
import type { SourceFile } from '../source-file';
import { normalizeLabel } from './text';

export type SectionKind =
  'purpose' | 'responsibilities' | 'qualifications' | 'training' | 'authorities';

/** Section headings in English and German, compared after numbering and case are removed. */
const SECTION_HEADINGS: Record<SectionKind, readonly string[]> = {
  purpose: ['purpose', 'summary', 'role summary', 'zweck', 'ziel', 'zusammenfassung'],
  responsibilities: [
    'responsibilities',
    'duties',
    'key responsibilities',
    'tasks',
    'verantwortlichkeiten',
    'aufgaben',
    'zuständigkeiten',
  ],
  qualifications: [
    'qualifications',
    'requirements',
    'required qualifications',
    'qualifikationen',
    'anforderungen',
    'qualifikation',
  ],
  training: [
    'training requirements',
    'training',
    'required training',
    'trainings',
    'training needs',
    'schulungsanforderungen',
    'schulungen',
    'schulungsbedarf',
    'erforderliche schulungen',
  ],
  authorities: ['authorities', 'authority', 'befugnisse', 'kompetenzen'],
};

export interface Section {
  heading: Heading;
  title: string;
  kind?: SectionKind;
  /** The nodes after the heading, up to the next heading of the same or a higher rank. */
  nodes: RootContent[];
}

/** Returns the text of a node and its descendants, as the reader sees it. */
export function nodeText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'yaml') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(nodeText).join('');
  if (node.type === 'break') return ' ';
  return '';
}

export function nodeRange(file: SourceFile, node: Nodes): Range {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return { start: file.document.positionAt(start), end: file.document.positionAt(end) };
}

export function sectionKind(title: string): SectionKind | undefined {
  const label = normalizeLabel(title).replace(/^[\d.]+\s*/, '');
  for (const [kind, headings] of Object.entries(SECTION_HEADINGS)) {
    if (headings.includes(label)) return kind as SectionKind;
  }
  return undefined;
}

export function splitSections(tree: Root): Section[] {
  const sections: Section[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const nodes: RootContent[] = [];
    for (const next of tree.children.slice(index + 1)) {
      if (next.type === 'heading' && next.depth <= node.depth) break;
      nodes.push(next);
    }
    const title = nodeText(node).trim();
    sections.push({ heading: node, title, kind: sectionKind(title), nodes });
  });
  return sections;
}

export function firstHeading(tree: Root): Heading | undefined {
  return tree.children.find((node): node is Heading => node.type === 'heading');
}

/** Returns the items of the lists directly in a section, not those of its sub-sections. */
export function sectionListItems(section: Section): ListItem[] {
  const items: ListItem[] = [];
  for (const node of section.nodes) {
    if (node.type === 'heading') break;
    if (node.type === 'list') appendAll(items, node.children);
  }
  return items;
}

/** Returns the plain text of a section's own paragraphs and lists. */
export function sectionText(section: Section): string {
  const parts: string[] = [];
  for (const node of section.nodes) {
    if (node.type === 'heading') break;
    parts.push(nodeText(node));
  }
  return parts.join('\n');
}

/** Returns the text of a list item's first paragraph, with spacing collapsed. */
export function listItemText(item: ListItem): string {
  const first = item.children[0];
  return (first ? nodeText(first) : '').replace(/\s+/g, ' ').trim();
}
