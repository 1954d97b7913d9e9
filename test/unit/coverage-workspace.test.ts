import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { Workspace } from '../../server/src/language-service/workspace';
import type { CoverageResult, Gap } from '../../server/src/shared/coverage';
import * as path from 'node:path';
import { examplesDir, fixture } from '../helpers/paths';

const FILE = fixture('coverage', 'qms.yaml');
const URI = pathToFileURL(FILE).href;

/** Reads the fixture through the real parser and returns the gaps of one code. */
function gapsOn(today: string, code: string): Gap[] {
  const workspace = new Workspace({ catalog: loadCatalog(), config: defaultConfig() });
  workspace.setFile(URI, fs.readFileSync(FILE, 'utf8'));
  const result = workspace.coverage({ today, expiryWarningDays: 30 });
  return result.gaps.filter((gap) => gap.code === code);
}

function lineOf(text: string, occurrence = 0): number {
  const lines = fs.readFileSync(FILE, 'utf8').split('\n');
  const found = lines.flatMap((line, index) => (line.includes(text) ? [index] : []));
  return found[occurrence] ?? -1;
}

describe('coverage over parsed YAML', () => {
  it('training-expired at the completion', () => {
    const [gap, ...rest] = gapsOn('2025-03-01', 'training-expired');
    assert.equal(rest.length, 0);
    assert.equal(gap?.file, URI);
    assert.equal(gap?.range.start.line, lineOf('- training: stride-workshop'));
    assert.match(gap?.message ?? '', /valid until 2025-02-28/);
  });

  it('leap day completion valid on February 28', () => {
    assert.deepEqual(gapsOn('2025-02-28', 'training-expired'), []);
    assert.equal(gapsOn('2025-02-28', 'training-expiring').length, 1);
  });

  it('person-missing-training at the assignment', () => {
    const [gap, ...rest] = gapsOn('2025-03-01', 'person-missing-training');
    assert.equal(rest.length, 0);
    assert.deepEqual(gap?.people, ['p-0043']);
    assert.equal(gap?.range.start.line, lineOf('- role: threat-modeler', 1));
  });

  it('duty-before-qualification not found for training first', () => {
    assert.deepEqual(gapsOn('2025-03-01', 'duty-before-qualification'), []);
  });
});

/** Reads every file of the example QMS through the real parser and analyses it. */
function exampleCoverage(): CoverageResult {
  const workspace = new Workspace({ catalog: loadCatalog(), config: defaultConfig() });
  const root = path.join(examplesDir, 'qms');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
  for (const name of files) {
    const file = path.join(root, name);
    if (!fs.statSync(file).isFile()) continue;
    workspace.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
  }
  return workspace.coverage({ today: '2026-11-15', expiryWarningDays: 30 });
}

describe('coverage of the example QMS', () => {
  it('misspelt role names the person', () => {
    const result = exampleCoverage();
    const gap = result.gaps.find(
      (entry) => entry.code === 'unknown-reference' && entry.roles.includes('secure-code-reviwer'),
    );
    assert.deepEqual(gap?.people, ['p-0006']);
  });

  it('person with a misspelt role is not fully covered', () => {
    const result = exampleCoverage();
    const uncovered = new Set(result.gaps.flatMap((gap) => gap.people));
    for (const cell of result.matrix) if (cell.status !== 'done') uncovered.add(cell.person);
    assert.ok(uncovered.has('p-0006'));
    assert.equal(result.summary.peopleFullyCovered, result.summary.people - uncovered.size);
  });
});
