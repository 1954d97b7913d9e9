import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * One workspace file as the language service sees it. The text is what an editor shows:
 * a leading byte order mark is removed, because VS Code drops it too and every LSP
 * position must count from the first visible character.
 */
export interface SourceFile {
  uri: string;
  document: TextDocument;
  /** True when the text on disk started with a byte order mark. */
  hadBom: boolean;
}

export function createSourceFile(uri: string, text: string, version = 0): SourceFile {
  const hadBom = text.charCodeAt(0) === 0xfeff;
  const content = hadBom ? text.slice(1) : text;
  const languageId = /\.(md|markdown)$/i.test(uri) ? 'markdown' : 'yaml';
  return { uri, document: TextDocument.create(uri, languageId, version, content), hadBom };
}

export function isMarkdown(file: SourceFile): boolean {
  return file.document.languageId === 'markdown';
}
