// Decides which YAML documents belong to the strict layer and which kind each one is.
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { loadSchema, SCHEMA_FILES } from '../catalog';
import type { FrontMatterConventions } from '../config';
import type { YamlBlock } from '../documents';
import { DOCUMENT_KINDS, type DocumentKind } from '../model';
import type { SourceFile } from '../source-file';

/** The reason a document is in the strict layer. */
export type ScopeReason = 'kind' | 'schema' | 'file-name';

export interface DocumentScope {
  reason: ScopeReason;
  /** The value of a top-level `kind` key, when there is one, and its pair. */
  kindValue?: unknown;
  kindPair?: Pair;
  /** The kind named by a schema reference or guessed from the file name. */
  guessedKind?: DocumentKind;
}

const MODELINE = /yaml-language-server\s*:\s*\$schema\s*=\s*(\S+)/;

const FILE_NAME_SCOPE =
  /(training.*record|competency.*matrix|security.*training|role.*description)/i;

/**
 * Returns why a document is in the strict layer, or undefined when it is not. A document
 * is in scope when it has a top-level `kind` or a `$schema` key or modeline naming one of
 * the kind schemas, or when its file name matches a document kind. In Markdown the file
 * name counts for the front matter alone, and only when `markdownFrontMatterKind` accepts
 * it, because the tolerant layer reads the other front matter and fences.
 */
export function documentScope(
  file: SourceFile,
  block: YamlBlock,
  conventions: FrontMatterConventions,
): DocumentScope | undefined {
  const contents = block.document.contents;
  if (!contents) return undefined;
  const schemaKind = kindFromSchemaReference(block);
  if (isMap(contents)) {
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === 'kind');
    if (pair) {
      const node = (pair.value as Node | null) ?? undefined;
      const value = isScalar(node) ? node.value : node?.toJSON();
      const guessedKind = schemaKind ?? kindFromFileName(file.uri);
      return {
        reason: 'kind',
        kindValue: value,
        kindPair: pair,
        ...(guessedKind ? { guessedKind } : {}),
      };
    }
  }
  if (schemaKind) return { reason: 'schema', guessedKind: schemaKind };
  const fileKind =
    block.origin === 'yaml'
      ? kindFromFileName(file.uri)
      : markdownFrontMatterKind(file, block, conventions);
  return fileKind ? { reason: 'file-name', guessedKind: fileKind } : undefined;
}

/** Returns the kind whose schema file a `$schema` key or a modeline comment names. */
export function kindFromSchemaReference(block: YamlBlock): DocumentKind | undefined {
  const document = block.document;
  const contents = document.contents;
  if (isMap(contents)) {
    const schema = contents.get('$schema');
    if (typeof schema === 'string') {
      const kind = kindFromSchemaUri(schema);
      if (kind) return kind;
    }
  }
  const comments = [document.commentBefore, contents?.commentBefore, document.comment];
  if (isMap(contents) && contents.items[0]?.key && isScalar(contents.items[0].key)) {
    comments.push(contents.items[0].key.commentBefore);
  }
  for (const comment of comments) {
    const match = comment ? MODELINE.exec(comment) : null;
    const kind = match ? kindFromSchemaUri(match[1]!) : undefined;
    if (kind) return kind;
  }
  return undefined;
}

/** Matches the last path segment of a schema URI or path against the kind schema files. */
export function kindFromSchemaUri(uri: string): DocumentKind | undefined {
  const fileName = uri.split(/[/\\]/).pop()?.split(/[?#]/)[0]?.toLowerCase();
  return DOCUMENT_KINDS.find((kind) => SCHEMA_FILES[kind] === fileName);
}

/**
 * Guesses the kind from a file name such as `training_record_p-0042.yaml`. Returns
 * undefined when the name matches no kind. A name with "security training" and no
 * "profile" reads as the training program.
 */
export function kindFromFileName(uri: string): DocumentKind | undefined {
  const name = decodeURIComponent(uri.split('/').pop() ?? '');
  if (!FILE_NAME_SCOPE.test(name)) return undefined;
  const words = name.toLowerCase();
  if (/training.*record/.test(words)) return 'TrainingRecord';
  if (/competency.*matrix/.test(words)) return 'CompetencyMatrix';
  if (/role.*description/.test(words)) return 'RoleDescription';
  if (/profile/.test(words)) return 'TrainingProfile';
  return 'TrainingProgram';
}

/**
 * Top-level keys that job descriptions and other QMS documents use in their front matter
 * too, so they do not show that the front matter is written as a strict document.
 */
const SHARED_FRONT_MATTER_KEYS: ReadonlySet<string> = new Set([
  '$schema',
  'kind',
  'id',
  'title',
  'name',
  'description',
  'owner',
]);

const schemaKeys = new Map<DocumentKind, ReadonlySet<string>>();

/** Returns the top-level property names of a kind's schema, read once per kind. */
function schemaKeysOf(kind: DocumentKind): ReadonlySet<string> {
  let keys = schemaKeys.get(kind);
  if (!keys) {
    const properties = (loadSchema(SCHEMA_FILES[kind]) as { properties?: object }).properties;
    keys = new Set(Object.keys(properties ?? {}));
    schemaKeys.set(kind, keys);
  }
  return keys;
}

/**
 * Returns the kind guessed from the file name for Markdown front matter written as a strict
 * document without its `kind`, such as `Role-Description-pt.md` with `id`, `clauses` and
 * `competencies`. Returns undefined for job descriptions, which the type key or an id prefix
 * marks (`type: job_description`, `id: JD-…`, or the configured values), and for front matter
 * with no key of the kind's schema beyond those every QMS document has (id, title, owner).
 */
export function markdownFrontMatterKind(
  file: SourceFile,
  block: YamlBlock,
  conventions: FrontMatterConventions,
): DocumentKind | undefined {
  if (block.origin !== 'front-matter') return undefined;
  const kind = kindFromFileName(file.uri);
  const values = block.value;
  if (!kind || typeof values !== 'object' || values === null || Array.isArray(values)) {
    return undefined;
  }
  const frontMatter = values as Record<string, unknown>;
  if (isJobDescriptionFrontMatter(frontMatter, conventions)) return undefined;
  const shared = new Set([
    ...SHARED_FRONT_MATTER_KEYS,
    conventions.typeKey,
    conventions.idKey,
    conventions.titleKey,
  ]);
  const keys = schemaKeysOf(kind);
  const strictKey = Object.keys(frontMatter).some((key) => keys.has(key) && !shared.has(key));
  return strictKey ? kind : undefined;
}

function isJobDescriptionFrontMatter(
  values: Record<string, unknown>,
  conventions: FrontMatterConventions,
): boolean {
  const type = values[conventions.typeKey];
  const types = conventions.jobDescriptionTypes.map((value) => value.toLowerCase());
  if (typeof type === 'string' && types.includes(type.trim().toLowerCase())) return true;
  const id = values[conventions.idKey];
  const prefixes = conventions.jobDescriptionIdPrefixes.map((prefix) => prefix.toLowerCase());
  return typeof id === 'string' && prefixes.some((prefix) => id.toLowerCase().startsWith(prefix));
}
