import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyToTemp, runCli, snapshotFolder } from '../helpers/cli';
import { fixture } from '../helpers/paths';

interface JsonOutput {
  diagnostics: {
    file: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: string;
    code: string;
    message: string;
  }[];
  gaps: { code: string; severity: string; file: string; roles: string[]; people: string[] }[];
  summary: { errors: number; files: number; today: string };
}

const TODAY = ['--today', '2026-11-15'];

describe('cli usage', () => {
  it('prints help with exit 0', () => {
    const run = runCli(['--help'], fixture('cli'));
    assert.equal(run.status, 0);
    assert.match(run.stdout, /competency-lens check \[paths\.\.\.\]/);
  });

  it('rejects an unknown command with exit 2', () => {
    const run = runCli(['verify'], fixture('cli'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown command "verify"/);
  });

  it('rejects an unknown format with exit 2', () => {
    const run = runCli(['check', 'clean', '--format', 'xml'], fixture('cli'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /invalid --format "xml": use text, json, sarif, junit/);
  });

  it('rejects an impossible date with exit 2', () => {
    const run = runCli(['check', 'clean', '--today', '2026-02-30'], fixture('cli'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /invalid --today "2026-02-30"/);
  });

  it('names a missing path with exit 2', () => {
    const run = runCli(['check', 'no-such-folder'], fixture('cli'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /path not found: no-such-folder/);
  });

  it('rejects an unknown option with exit 2', () => {
    const run = runCli(['check', '--colour'], fixture('cli'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--colour/);
  });
});

describe('cli check', () => {
  it('exits 0 on documents without errors', () => {
    const run = runCli(['check', 'clean', ...TODAY, '--format', 'json'], fixture('cli'));
    const output = JSON.parse(run.stdout) as JsonOutput;
    assert.equal(run.status, 0, run.stdout);
    assert.equal(output.summary.errors, 0);
    assert.equal(output.summary.files, 2);
    assert.deepEqual(output.diagnostics, []);
  });

  it('reports errors as JSON with exit 1', () => {
    const run = runCli(['check', 'broken', ...TODAY, '--format', 'json'], fixture('cli'));
    assert.equal(run.status, 1);
    const output = JSON.parse(run.stdout) as JsonOutput;
    assert.deepEqual(Object.keys(output), ['diagnostics', 'gaps', 'summary']);
    assert.equal(output.summary.today, '2026-11-15');

    const version = output.diagnostics.find(
      (d) => d.file === 'broken/people.yaml' && d.code === 'schema-type',
    );
    assert.ok(version, JSON.stringify(output.diagnostics));
    assert.deepEqual(version.range, {
      start: { line: 10, character: 13 },
      end: { line: 10, character: 17 },
    });
    assert.equal(version.severity, 'error');
    assert.match(version.message, /YAML reads 2\.10 as the number 2\.1\. Quote it: "2\.10"/);

    const role = output.gaps.find((g) => g.code === 'unknown-reference');
    assert.ok(role, JSON.stringify(output.gaps));
    assert.equal(role.file, 'broken/people.yaml');
    assert.equal(role.severity, 'error');
  });

  it('prints file:line:col findings as text', () => {
    const run = runCli(['check', 'broken', ...TODAY], fixture('cli'));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^broken\/people\.yaml:11:14: error schema-type /m);
    assert.match(
      run.stdout,
      /^broken\/people\.yaml:6:11: error unknown-reference .*"threat-modeler"/m,
    );
    assert.match(
      run.stdout,
      /\d+ errors?, \d+ warnings?, \d+ information in 2 files; .* as of 2026-11-15\.\n$/,
    );
  });

  it('writes SARIF 2.1.0', () => {
    const run = runCli(['check', 'broken', ...TODAY, '--format', 'sarif'], fixture('cli'));
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'schema-type');
    assert.equal(result?.locations[0]?.physicalLocation.region.startLine, 11);
  });

  it('writes JUnit XML with one case per file', () => {
    const run = runCli(['check', 'broken', ...TODAY, '--format', 'junit'], fixture('cli'));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    assert.match(run.stdout, /<testcase classname="competency-lens" name="broken\/people\.yaml">/);
    assert.match(run.stdout, /<testcase classname="competency-lens" name="broken\/qms\.yaml">/);
    assert.match(run.stdout, /<failure type="schema-type"/);
  });

  it('reports a binary file without stopping', () => {
    const folder = copyToTemp(fixture('cli', 'clean'));
    fs.writeFileSync(path.join(folder, 'scan.yaml'), Buffer.from([0x6b, 0x00, 0xff, 0x00, 0x01]));
    const run = runCli(['check', '.', ...TODAY, '--format', 'json'], folder);
    const output = JSON.parse(run.stdout) as JsonOutput;
    const binary = output.diagnostics.find((d) => d.file === 'scan.yaml');
    assert.equal(binary?.code, 'file-binary');
    assert.equal(output.summary.files, 3);
  });

  it('skips node_modules and .git', () => {
    const folder = copyToTemp(fixture('cli', 'clean'));
    for (const skipped of ['node_modules', '.git']) {
      fs.mkdirSync(path.join(folder, skipped, 'deep'), { recursive: true });
      fs.writeFileSync(path.join(folder, skipped, 'deep', 'bad.yaml'), 'kind: [unclosed\n');
    }
    const run = runCli(['check', '.', ...TODAY, '--format', 'json'], folder);
    const output = JSON.parse(run.stdout) as JsonOutput;
    assert.equal(output.summary.files, 2);
    assert.equal(run.status, 0);
  });

  it('changes no file it reads', () => {
    const folder = copyToTemp(fixture('cli', 'broken'));
    const before = snapshotFolder(folder);
    runCli(['check', '.', ...TODAY], folder);
    runCli(['report', '.', ...TODAY], folder);
    assert.deepEqual(snapshotFolder(folder), before);
  });
});

describe('cli report', () => {
  it('writes the same bytes twice', () => {
    const folder = copyToTemp(fixture('cli', 'clean'));
    for (const format of ['markdown', 'html', 'csv', 'json']) {
      const args = ['report', '.', ...TODAY, '--format', format, '--document-id', 'SEC-TRN-9'];
      const first = runCli([...args, '--out', 'first.out'], folder);
      const second = runCli([...args, '--out', 'second.out'], folder);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(second.status, 0, second.stderr);
      const firstBytes = fs.readFileSync(path.join(folder, 'first.out'));
      assert.ok(firstBytes.length > 0);
      assert.deepEqual(fs.readFileSync(path.join(folder, 'second.out')), firstBytes);
    }
  });

  it('prints markdown with the document id', () => {
    const run = runCli(['report', 'clean', ...TODAY, '--document-id', 'SEC-TRN-9'], fixture('cli'));
    assert.equal(run.status, 0);
    assert.match(run.stdout, /SEC-TRN-9/);
    assert.match(run.stdout, /2026-11-15/);
  });

  it('names an unwritable output with exit 2', () => {
    const run = runCli(['report', 'clean', '--out', 'no-such-folder/report.md'], fixture('cli'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot write no-such-folder\/report\.md/);
  });
});

describe('cli without documents', () => {
  it('rejects a folder without competency documents', () => {
    const folder = copyToTemp(fixture('cli', 'clean'));
    fs.rmSync(path.join(folder, 'qms.yaml'));
    fs.rmSync(path.join(folder, 'people.yaml'));
    fs.writeFileSync(path.join(folder, 'README.md'), '# Notes\n');
    fs.writeFileSync(path.join(folder, 'other.yaml'), 'a: 1\n');
    const run = runCli(['check', '.'], folder);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /no competency documents found in \. \(2 \.yaml, \.yml or \.md files read\)/,
    );
  });

  it('rejects an empty folder', () => {
    const folder = copyToTemp(fixture('cli', 'clean'));
    fs.rmSync(path.join(folder, 'qms.yaml'));
    fs.rmSync(path.join(folder, 'people.yaml'));
    const run = runCli(['report', '.'], folder);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no competency documents found/);
  });
});

describe('cli future dates', () => {
  it('warns on a completion after the analysis date', () => {
    const folder = copyToTemp(fixture('cli', 'clean'));
    const people = path.join(folder, 'people.yaml');
    const future = `  - training: stride-workshop
    date: 2026-12-20
    version: "2.2"
    assessment:
      method: supervised-practice
      result: pass
      assessor: p-0001
      date: 2026-12-21
`;
    fs.appendFileSync(people, future);
    const run = runCli(['check', '.', ...TODAY, '--format', 'json'], folder);
    const output = JSON.parse(run.stdout) as JsonOutput;
    const warnings = output.diagnostics.filter((d) => d.code === 'record-inconsistent');
    assert.equal(run.status, 0, run.stdout);
    assert.deepEqual(
      warnings.map((d) => `${d.range.start.line + 1} ${d.severity}`),
      ['35 warning', '39 warning'],
    );
    assert.match(
      warnings[0]!.message,
      /completed on 2026-12-20, after the analysis date 2026-11-15/,
    );
  });
});
