import * as path from 'node:path';

/** Repository root; compiled tests live in `test/out/<area>/`. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const examplesDir = path.join(repoRoot, 'examples');

export function fixture(...segments: string[]): string {
  return path.join(fixturesDir, ...segments);
}
