// Runs the compiled unit, LSP and CLI tests with Node's built-in test runner. Node 20's
// `--test` takes no globs, so the test files are listed here.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'test', 'out');
const files = fs
  .readdirSync(root, { recursive: true })
  .filter((name) => name.endsWith('.test.js'))
  .map((name) => path.join(root, name))
  .sort();
if (files.length === 0) {
  console.error('No compiled tests under test/out: run "npm run build" first.');
  process.exit(1);
}
const filter = process.argv.slice(2);
const selected = filter.length
  ? files.filter((f) => filter.some((part) => f.includes(part)))
  : files;
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
