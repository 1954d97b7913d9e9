import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { parseFile, type ParsedFile } from '../../server/src/language-service/parse-file';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { fixture } from '../helpers/paths';

function read(name: string): ParsedFile {
  const path = fixture('conventions', name);
  const file = createSourceFile(pathToFileURL(path).href, fs.readFileSync(path, 'utf8'));
  return parseFile(file, { catalog: loadCatalog(), config: defaultConfig() });
}

describe('wide and transposed tables', () => {
  const parsed = read('training-list.md');
  const dana = parsed.entities.records.find((record) => record.id === 'dana-weiss');

  it('person from the employee column', () => {
    assert.equal(dana?.name, 'Dana Weiß');
    assert.equal(dana?.startDate, '2025-04-01');
    assert.equal(dana?.origin, 'table');
  });

  it('role assignment and reference', () => {
    assert.deepEqual(
      dana?.assignments.map((item) => item.role),
      ['software-developer'],
    );
    assert.ok(
      parsed.entities.references.some(
        (ref) => ref.kind === 'role' && ref.id === 'software-developer',
      ),
    );
  });

  it('training group completion', () => {
    const completion = dana?.completed.find((item) => item.training === 'secure-coding');
    assert.equal(completion?.date, '2025-04-14');
    assert.equal(completion?.assessment?.method, 'instructor-sign-off');
    assert.equal(completion?.assessment?.result, 'pass');
  });

  it('not applicable group is skipped', () => {
    assert.ok(!dana?.completed.some((item) => item.training === 'privacy'));
  });

  it('transposed participant completion', () => {
    const completion = dana?.completed.find(
      (item) => item.training === 'annual-security-awareness',
    );
    assert.equal(completion?.date, '2025-04-30');
    assert.equal(completion?.assessment?.result, 85);
  });

  it('unnamed participant is unfilled', () => {
    const unfilled = parsed.entities.unfilled.find((item) => item.field === 'participant name');
    assert.equal(unfilled?.text, 'Participant #2');
  });

  it('invalid date warns on its cell', () => {
    const diagnostic = parsed.diagnostics.find((item) => /31\.02\.2025/.test(item.message));
    assert.equal(diagnostic?.severity, 2);
    assert.equal(diagnostic?.code, 'value-unreadable');
    assert.equal(diagnostic?.range.start.line, 7);
  });

  it('placeholders and empty rows unfilled', () => {
    const texts = parsed.entities.unfilled.map((item) => `${item.field}:${item.text}`);
    assert.ok(texts.includes('person:[Name]'));
    assert.ok(texts.includes('due date:YYYY-MM-DD'));
    assert.ok(texts.includes('table row:'));
    assert.ok(texts.includes('column:(...)'));
  });

  it('placeholder row gives no record', () => {
    assert.deepEqual(
      parsed.entities.records.map((record) => record.id),
      ['dana-weiss'],
    );
  });

  it('unfilled row range covers the row', () => {
    const row = parsed.entities.unfilled.find((item) => item.field === 'table row');
    assert.equal(row?.range.start.line, 8);
    assert.equal(row?.range.start.character, 0);
  });
});

describe('placeholder people in tables', () => {
  const parsed = read('placeholder-participants.md');
  const unfilled = parsed.entities.unfilled.map((item) => `${item.field}:${item.text}`);
  const references = parsed.entities.references.map((ref) => `${ref.kind}:${ref.id}`);

  it('only the named person becomes a record', () => {
    assert.deepEqual(
      parsed.entities.records.map((record) => record.id),
      ['mira-sand'],
    );
  });

  it('unnamed participant header unfilled', () => {
    assert.ok(unfilled.includes('participant name:Participant #1'));
  });

  it('placeholder participant name unfilled', () => {
    assert.ok(unfilled.includes('participant name:[Name]'));
  });

  it('numbered employee name unfilled', () => {
    assert.ok(unfilled.includes('person:Employee #1'));
  });

  it('placeholder participant cells still checked', () => {
    const diagnostic = parsed.diagnostics.find((item) => /31\.02\.2025/.test(item.message));
    assert.equal(diagnostic?.code, 'value-unreadable');
    assert.equal(diagnostic?.range.start.line, 6);
  });

  it('training of placeholder people unreferenced', () => {
    assert.ok(!references.includes('training:threat-modeling-intro'));
    assert.ok(!references.includes('training:fuzzing-workshop'));
  });

  it('template table header unreferenced', () => {
    assert.ok(!references.includes('training:incident-response'));
  });

  it('role of placeholder person unreferenced', () => {
    assert.ok(!references.includes('role:security-tester'));
  });

  it('named person keeps references', () => {
    const lines = parsed.entities.references
      .filter((ref) => ref.id === 'secure-coding-basics')
      .map((ref) => ref.range.start.line);
    assert.deepEqual(lines, [14]);
    assert.ok(references.includes('role:software-developer'));
  });
});

describe('flat and matrix tables', () => {
  const parsed = read('matrix.md');
  const jonas = parsed.entities.records.find((record) => record.id === 'jonas-berg');
  const lea = parsed.entities.records.find((record) => record.id === 'lea-roth');

  it('German headers read', () => {
    const completion = jonas?.completed.find((item) => item.training === 'fuzzing-workshop');
    assert.equal(completion?.date, '2026-03-03');
    assert.equal(completion?.assessment?.result, 'pass');
    assert.equal(completion?.assessment?.assessor, 'lea-roth');
    assert.deepEqual(
      jonas?.assignments.map((item) => item.role),
      ['security-tester'],
    );
  });

  it('matrix marks and dates', () => {
    assert.deepEqual(
      lea?.completed.map((item) => [item.training, item.date]),
      [
        ['secure-coding', undefined],
        ['penetration-testing', '2026-01-20'],
      ],
    );
  });

  it('dash means not applicable', () => {
    assert.deepEqual(
      jonas?.completed.map((item) => item.training),
      ['fuzzing-workshop', 'penetration-testing'],
    );
  });

  it('training references on cells', () => {
    const reference = parsed.entities.references.find((ref) => ref.id === 'fuzzing-workshop');
    assert.equal(reference?.kind, 'training');
    assert.equal(reference?.range.start.line, 4);
  });
});
