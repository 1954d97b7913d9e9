import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { parseFile } from '../../server/src/language-service/parse-file';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { fixture } from '../helpers/paths';

function readTrainings() {
  const path = fixture('conventions', 'JD-QA-007.md');
  const file = createSourceFile(pathToFileURL(path).href, fs.readFileSync(path, 'utf8'));
  const parsed = parseFile(file, { catalog: loadCatalog(), config: defaultConfig() });
  return parsed.entities.profiles[0]!.trainings;
}

describe('job description training ids', () => {
  const trainings = readTrainings();

  it('id drops a trailing recurrence after a comma', () => {
    assert.equal(trainings[0]!.id, 'secure-coding-training');
  });

  it('recurrence text keeps the phrase', () => {
    assert.equal(trainings[0]!.recurrenceText, 'annually');
    assert.equal(trainings[0]!.recurrence, 'P1Y');
  });

  it('title keeps the phrase', () => {
    assert.equal(trainings[0]!.title, 'Secure coding training, annually');
  });

  it('id drops a trailing recurrence after a dash', () => {
    assert.equal(trainings[1]!.id, 'fuzzing-basics');
    assert.equal(trainings[1]!.recurrence, 'P2Y');
  });

  it('id without the parenthesised recurrence', () => {
    assert.equal(trainings[2]!.id, 'security-awareness-training');
  });
});
