import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `competency-lens` executable from the repository in `cwd`. */
export function runCli(args: string[], cwd: string): CliRun {
  const run = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin', 'competency-lens.js'), ...args],
    {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Copies a fixture folder into a fresh temporary folder and returns the copy's path. */
export function copyToTemp(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-lens-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** Lists every file under `folder` with its bytes, to show that a run changed nothing. */
export function snapshotFolder(folder: string): Map<string, string> {
  const snapshot = new Map<string, string>();
  for (const name of fs.readdirSync(folder, { recursive: true }) as string[]) {
    const full = path.join(folder, name);
    if (fs.statSync(full).isFile()) snapshot.set(name, fs.readFileSync(full).toString('base64'));
  }
  return snapshot;
}
