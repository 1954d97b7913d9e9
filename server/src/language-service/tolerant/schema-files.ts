// Reads JSON files shipped in `schemas/` once per process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemasDirectory } from '../resources';

const cache = new Map<string, unknown>();

/** Reads and parses `schemas/<relativePath>` once; later calls return the same object. */
export function readSchemaJson(relativePath: string): unknown {
  if (!cache.has(relativePath)) {
    const text = fs.readFileSync(path.join(schemasDirectory(), relativePath), 'utf8');
    cache.set(relativePath, JSON.parse(text) as unknown);
  }
  return cache.get(relativePath);
}
