import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli';
import { fixture, repoRoot } from '../helpers/paths';

// The expected outputs are checked in. After an intended change of the analysis or the
// report, regenerate them with `UPDATE_EXPECTED=1 npm run test:unit -- cli/examples` and
// review the diff.
const UPDATE = process.env.UPDATE_EXPECTED === '1';
const AUDIT = ['--today', '2026-11-15'];
const REPORT = ['--document-id', 'SEC-REP-004', '--product-name', 'DoseWise'];

function expectOutput(name: string, actual: string): void {
  const file = fixture('expected', name);
  if (UPDATE) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${name}`);
}

describe('example QMS output', () => {
  it('check JSON equals the expected file', () => {
    const run = runCli(['check', 'examples', ...AUDIT, '--format', 'json'], repoRoot);
    assert.equal(run.status, 1);
    expectOutput('examples-check.json', run.stdout);
  });

  it('each deliberate mistake once', () => {
    const run = runCli(['check', 'examples', ...AUDIT, '--format', 'json'], repoRoot);
    const output = JSON.parse(run.stdout) as {
      diagnostics: { file: string; code: string; range: { start: { line: number } } }[];
      gaps: { file: string; code: string; range: { start: { line: number } } }[];
    };
    const place = (entry: (typeof output.gaps)[number]): string =>
      `${entry.file}:${entry.range.start.line + 1} ${entry.code}`;
    assert.deepEqual(output.diagnostics.map(place), [
      'examples/qms/records/p-0009.yaml:26 schema-type',
    ]);
    assert.deepEqual(output.gaps.map(place), [
      'examples/qms/records/p-0003.yaml:24 training-expired',
      'examples/qms/records/p-0005.yaml:9 tester-not-independent',
      'examples/qms/records/p-0006.yaml:7 unknown-reference',
      'examples/qms/records/p-0008.yaml:45 assessment-missing',
      'examples/qms/roles/penetration-tester.md:3 role-unassigned',
      'examples/qms/sops/SOP-014-role-based-training.md:135 awareness-only',
    ]);
  });

  for (const [format, extension] of [
    ['markdown', 'md'],
    ['html', 'html'],
    ['csv', 'csv'],
    ['json', 'json'],
  ] as const) {
    it(`${format} report equals the expected file`, () => {
      const run = runCli(['report', 'examples', ...AUDIT, ...REPORT, '--format', format], repoRoot);
      assert.equal(run.status, 0, run.stderr);
      expectOutput(`examples-report.${extension}`, run.stdout);
    });
  }

  it('covered variant has no findings', () => {
    const covered = path.relative(repoRoot, fixture('examples-covered'));
    const run = runCli(['check', covered, ...AUDIT, '--format', 'json'], repoRoot);
    const output = JSON.parse(run.stdout) as { diagnostics: unknown[]; gaps: unknown[] };
    assert.equal(run.status, 0);
    assert.deepEqual(output.diagnostics, []);
    assert.deepEqual(output.gaps, []);
  });
});

describe('bundled CLI', () => {
  it('gives the same JSON as the compiled one', () => {
    const args = ['check', 'examples', ...AUDIT, '--format', 'json'];
    const bundled = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const compiled = runCli(args, repoRoot);
    assert.equal(bundled.status, 1, bundled.stderr);
    assert.equal(bundled.stdout, compiled.stdout);
  });
});
