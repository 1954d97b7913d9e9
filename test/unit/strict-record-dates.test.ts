import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { parseFile } from '../../server/src/language-service/parse-file';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { fixture } from '../helpers/paths';

function inconsistencies(name: string): Diagnostic[] {
  const path = fixture('strict', name);
  const file = createSourceFile(pathToFileURL(path).href, fs.readFileSync(path, 'utf8'));
  const parsed = parseFile(file, { catalog: loadCatalog(), config: defaultConfig() });
  return parsed.diagnostics.filter((d) => d.code === 'record-inconsistent');
}

describe('training record dates', () => {
  const warnings = inconsistencies('inconsistent-dates.yaml');
  const assignment = warnings.find((w) => w.message.includes('assignment'));
  const assessment = warnings.find((w) => w.message.includes('assessment'));

  it('one warning per inconsistency', () => {
    assert.equal(warnings.length, 2);
  });

  it('assignment ending before it starts', () => {
    assert.ok(assignment, 'no assignment warning');
    assert.deepEqual(assignment.range.start, { line: 7, character: 8 });
    assert.match(assignment.message, /2025-01-31/);
    assert.match(assignment.message, /2025-03-01/);
    assert.match(assignment.message, /on or after/);
  });

  it('assessment before its training', () => {
    assert.ok(assessment, 'no assessment warning');
    assert.deepEqual(assessment.range.start, { line: 18, character: 12 });
    assert.match(assessment.message, /2025-11-02/);
    assert.match(assessment.message, /2025-11-20/);
  });

  it('warnings have warning severity', () => {
    assert.deepEqual(
      warnings.map((w) => w.severity),
      [2, 2],
    );
  });

  it('consistent record has none', () => {
    assert.deepEqual(inconsistencies('training-record.yaml'), []);
  });
});
