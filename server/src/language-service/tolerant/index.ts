// The tolerant layer: reads the Markdown conventions of docs-as-code QMS repositories into
// the workspace model. Job descriptions become roles and profiles, procedures with a
// `training:` front matter block become profiles, and training tables become person
// records. What cannot be read becomes an information diagnostic, never an error.
import type { Root } from 'mdast';
import type { Diagnostic } from 'vscode-languageserver-types';
import { appendAll } from '../collections';
import type { Catalog } from '../catalog-types';
import type { RepositoryConfig } from '../config';
import type { YamlBlock } from '../documents';
import { parseMarkdown } from '../markdown';
import { emptyEntities, type FileEntities } from '../model';
import { isMarkdown, type SourceFile } from '../source-file';
import { documentScope } from '../strict/scope';
import { findFrontMatter } from './front-matter';
import { isJobDescription, readJobDescription, type ReadContext } from './job-description';
import { keywordRules } from './keyword-rules';
import { isTrainingProcedure, readProcedure } from './procedure';
import { readTables } from './tables';

export interface ConventionsResult {
  entities: FileEntities;
  diagnostics: Diagnostic[];
}

/**
 * Reads the conventions of one Markdown file. Files of other types, and Markdown whose front
 * matter the strict layer reads (it has a `kind` or a schema reference, or the file name
 * and its keys show a strict document), are left to the strict layer.
 */
export function readConventions(
  file: SourceFile,
  blocks: YamlBlock[],
  context: { catalog: Catalog; config: RepositoryConfig },
): ConventionsResult {
  if (!isMarkdown(file)) return { entities: emptyEntities(), diagnostics: [] };
  const frontMatter = findFrontMatter(blocks);
  if (frontMatter && documentScope(file, frontMatter.block, context.config.frontMatter)) {
    return { entities: emptyEntities(), diagnostics: [] };
  }
  let tree: Root;
  try {
    tree = parseMarkdown(file.document.getText(), file.document);
  } catch (error) {
    // The document finder reports the same failure once as `yaml-too-complex`.
    if (error instanceof RangeError) return { entities: emptyEntities(), diagnostics: [] };
    throw error;
  }
  const read: ReadContext = {
    file,
    tree,
    frontMatter,
    catalog: context.catalog,
    config: context.config,
    rules: keywordRules(context.config.keywords),
  };
  const results = [readTables(read)];
  if (isTrainingProcedure(read)) results.push(readProcedure(read));
  else if (isJobDescription(read)) results.push(readJobDescription(read));
  const entities = emptyEntities();
  for (const result of results) {
    for (const key of Object.keys(entities) as (keyof FileEntities)[]) {
      appendAll(entities[key] as unknown[], result.entities[key]);
    }
  }
  return { entities, diagnostics: results.flatMap((result) => result.diagnostics) };
}
