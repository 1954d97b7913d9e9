// Locates the files shipped next to the code: the JSON Schemas and the built-in catalog.
import * as fs from 'node:fs';
import * as path from 'node:path';

let cachedSchemasDirectory: string | undefined;

/**
 * Finds the `schemas` folder by walking up from this module to the first folder that contains
 * `schemas/catalog`. The walk works from the compiled `server/out/language-service/` and from
 * a bundle in `dist/`, because both sit below the package root that ships `schemas/`.
 */
export function schemasDirectory(): string {
  if (cachedSchemasDirectory) return cachedSchemasDirectory;

  let directory = __dirname;
  for (;;) {
    const candidate = path.join(directory, 'schemas');
    if (fs.existsSync(path.join(candidate, 'catalog'))) {
      cachedSchemasDirectory = candidate;
      return candidate;
    }
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error(
    `schemas/catalog not found in any folder above ${__dirname}. ` +
      'Reinstall the package with its schemas folder.',
  );
}
