// Runs the extension-host tests (client/out/test) in a real VS Code workbench on a copy of
// examples/ in a temporary folder. It installs the editor first if needed (setup-editor.sh)
// but builds nothing, so run `npm run build` before. It exits non-zero when a test fails.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './vscode-host/host.mjs';

/** The analysis date the tests use, so the example's expiry dates give the same gaps. */
const AUDIT_DATE = '2026-11-15';

execFileSync('bash', [path.join(repoRoot, 'scripts', 'setup-editor.sh')], { stdio: 'inherit' });

for (const built of ['dist/extension.js', 'dist/server.js', 'client/out/test/index.js']) {
  if (!fs.existsSync(path.join(repoRoot, built))) {
    console.error(`${built} is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-lens-examples-'));
fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.writeFileSync(
  path.join(workspace, '.vscode', 'settings.json'),
  JSON.stringify({ 'competencyLens.today': AUDIT_DATE }, null, 2) + '\n',
);

let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath: path.join(repoRoot, 'scripts', 'vscode-host', 'code.mjs'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'client', 'out', 'test', 'index.js'),
    launchArgs: [workspace],
  });
} catch (error) {
  console.error(`Extension-host tests failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(exitCode);
