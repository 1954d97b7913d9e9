import * as path from 'node:path';

/**
 * Repository root. The test project compiles the tests together with the server sources
 * into `test/out/`, so a compiled test sits in `test/out/test/<area>/`.
 */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const examplesDir = path.join(repoRoot, 'examples');

export function fixture(...segments: string[]): string {
  return path.join(fixturesDir, ...segments);
}
