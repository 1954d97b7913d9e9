// Parses YAML text into documents that are safe to walk and convert, whatever the input.
// The steps are those of `parseAllDocuments` in the `yaml` package (CST parser, then
// composer), with two guards. Collections nested too deeply are cut out of the CST before
// they reach the recursive composer, and the conversion to plain data is bounded in alias
// expansions. Both guards add a `RESOURCE_EXHAUSTION` error to the document.
import {
  CST,
  Composer,
  Parser,
  YAMLParseError,
  isAlias,
  isNode,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';

/**
 * Maximum nesting depth of collections in a document. The competency document kinds nest
 * four levels at most, and the limit keeps every recursive walk over a document (the
 * composer, `toJS`, schema validation) far from Node's stack limit.
 */
export const MAX_NESTING_DEPTH = 100;

/** Alias expansions allowed when converting a document to plain data (`yaml`'s default). */
export const MAX_ALIAS_COUNT = 100;

export const NESTING_LIMIT_MESSAGE =
  `Collections are nested more than ${MAX_NESTING_DEPTH} levels deep here, so this document ` +
  'is not read. Flatten the structure: competency documents need only a few levels.';

export const ALIAS_LIMIT_MESSAGE =
  `The aliases in this document expand into more than ${MAX_ALIAS_COUNT} copies of their ` +
  'anchors, so this document is not read. Write the repeated values out or nest fewer aliases.';

/**
 * YAML 1.2 with the core schema, so `no`, `on` and unquoted dates stay strings. Log level
 * `error` keeps `toJS` from printing process warnings (such as for collection keys) to
 * the language server's stderr.
 */
export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  prettyErrors: false,
  uniqueKeys: true,
  logLevel: 'error',
} as const;

export interface ParsedDocument {
  document: Document.Parsed;
  /**
   * The document as plain data (`toJS`), or undefined when the conversion failed; the
   * document then has an error saying why. A document with other errors still has a value.
   */
  value: unknown;
}

export interface ParsedStream {
  documents: ParsedDocument[];
  /** Errors and warnings of a stream without documents, such as a lone directive. */
  streamErrors: YAMLError[];
}

const CUT_MARKER = 'nesting limit exceeded';

/**
 * Parses a stream of YAML documents. Alias bombs, deep nesting and broken syntax become
 * errors on the documents rather than exceptions.
 */
export function parseYamlStream(text: string): ParsedStream {
  const tokens = Array.from(new Parser().parse(text));
  for (const token of tokens) {
    if (token.type === 'document') cutDeepCollections(token, text);
  }
  const composer = new Composer(PARSE_OPTIONS);
  const documents = Array.from(composer.compose(tokens)).map((document) => {
    document.errors = document.errors.map(relabelCut);
    return { document, value: convertToData(document) };
  });
  const info = composer.streamInfo();
  const streamErrors = documents.length === 0 ? [...info.errors, ...info.warnings] : [];
  return { documents, streamErrors };
}

/**
 * Replaces each collection nested deeper than the limit with an error token, walking the
 * CST with an explicit stack because the CST may be thousands of levels deep.
 */
function cutDeepCollections(document: CST.Document, text: string): void {
  type Slot = { token: CST.Token; depth: number; replace: (token: CST.Token) => void };
  const stack: Slot[] = [];
  if (document.value) {
    stack.push({ token: document.value, depth: 1, replace: (t) => (document.value = t) });
  }
  while (stack.length > 0) {
    const { token, depth, replace } = stack.pop()!;
    if (!CST.isCollection(token)) continue;
    if (depth > MAX_NESTING_DEPTH) {
      const source = text.slice(token.offset, token.offset + 1);
      replace({ type: 'error', offset: token.offset, source, message: CUT_MARKER });
      continue;
    }
    for (const item of token.items as CST.CollectionItem[]) {
      const { key, value } = item;
      if (value) stack.push({ token: value, depth: depth + 1, replace: (t) => (item.value = t) });
      if (key) stack.push({ token: key, depth: depth + 1, replace: (t) => (item.key = t) });
    }
  }
}

/** Turns the composer's error for a cut collection into the nesting limit error. */
function relabelCut(error: YAMLParseError): YAMLParseError {
  if (error.code !== 'UNEXPECTED_TOKEN' || error.message !== CUT_MARKER) return error;
  return new YAMLParseError(error.pos, 'RESOURCE_EXHAUSTION', NESTING_LIMIT_MESSAGE);
}

/**
 * Converts a document to plain data. Aliases to missing anchors and aliases inside their
 * own anchored node become `BAD_ALIAS` errors first: the composer accepts both, but `toJS`
 * throws on the first and returns data that contains itself for the second. A `__proto__`
 * key stays an own property of the result, because `yaml` defines it rather than assigning it.
 */
function convertToData(document: Document.Parsed): unknown {
  const aliases = listAliases(document);
  const problems = aliases.filter((alias) => alias.problem !== undefined);
  for (const alias of problems) {
    document.errors.push(new YAMLParseError(alias.pos, 'BAD_ALIAS', alias.problem!));
  }
  if (problems.length > 0) return undefined;
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // With every alias resolved, `toJS` throws a ReferenceError only for the alias limit
    // and a RangeError only when the stack runs out.
    const start = document.range[0];
    const atStart: [number, number] = [start, start + 1];
    if (error instanceof ReferenceError) {
      const pos = aliases[0]?.pos ?? atStart;
      document.errors.push(new YAMLParseError(pos, 'RESOURCE_EXHAUSTION', ALIAS_LIMIT_MESSAGE));
    } else if (error instanceof RangeError) {
      document.errors.push(
        new YAMLParseError(atStart, 'RESOURCE_EXHAUSTION', NESTING_LIMIT_MESSAGE),
      );
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      const message = `This document cannot be converted to data: ${reason}`;
      document.errors.push(new YAMLParseError(atStart, 'IMPOSSIBLE', message));
    }
    return undefined;
  }
}

interface AliasUse {
  pos: [number, number];
  /** Problem that keeps the alias from resolving to data, if any. */
  problem?: string;
}

/** Lists every alias of the document in document order, with what is wrong with it. */
function listAliases(document: Document.Parsed): AliasUse[] {
  const anchors = new Map<string, Node>();
  const found: AliasUse[] = [];
  visit(document, (_key, node, path) => {
    if (isAlias(node)) {
      const name = node.source;
      const pos: [number, number] = node.range
        ? [node.range[0], node.range[1]]
        : [document.range[0], document.range[0] + 1];
      const target = anchors.get(name);
      const inside = target !== undefined && path.includes(target);
      let problem: string | undefined;
      if (!anchors.has(name)) {
        problem = `The alias *${name} refers to no anchor &${name} before it. Define the anchor first or fix the name.`;
      } else if (inside) {
        problem = `The alias *${name} is inside the node that &${name} marks, so the data would contain itself. Write the value out.`;
      }
      found.push(problem === undefined ? { pos } : { pos, problem });
    } else if (isNode(node) && node.anchor) {
      anchors.set(node.anchor, node);
    }
  });
  return found;
}
