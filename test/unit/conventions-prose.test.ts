import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCell } from '../../server/src/language-service/tolerant/cells';
import { readDate } from '../../server/src/language-service/tolerant/dates';
import { findPlaceholder } from '../../server/src/language-service/tolerant/placeholders';
import { readRecurrence } from '../../server/src/language-service/tolerant/recurrence';

describe('recurrence from prose', () => {
  const cases: [string, string | undefined][] = [
    ['Annual cybersecurity awareness training', 'P1Y'],
    ['Refresher yearly', 'P1Y'],
    ['IEC 62304 processes (initial + biennial refresher)', 'P2Y'],
    ['Threat modeling, every two years', 'P2Y'],
    ['Pen testing, every 3 years', 'P3Y'],
    ['Phishing drill, quarterly', 'P3M'],
    ['Patch review, monthly', 'P1M'],
    ['Secure coding, every 6 months', 'P6M'],
    ['Privacy, semi-annual', 'P6M'],
    ['Datenschutz, jährlich', 'P1Y'],
    ['Unterweisung alle 2 Jahre', 'P2Y'],
  ];
  for (const [text, duration] of cases) {
    it(`reads "${text}"`, () => {
      const reading = readRecurrence(text);
      assert.equal(reading.kind, 'recurring');
      assert.equal(reading.kind === 'recurring' ? reading.duration : undefined, duration);
    });
  }

  it('one-off words', () => {
    for (const text of [
      'QMS intro on onboarding',
      'Refresher as needed',
      'Initial training',
      'einmalig',
    ]) {
      assert.equal(readRecurrence(text).kind, 'once', text);
    }
  });

  it('vague recurrence is unclear', () => {
    assert.equal(readRecurrence('Periodic refresher').kind, 'unclear');
    assert.equal(readRecurrence('Regelmäßige Auffrischung').kind, 'unclear');
  });

  it('no recurrence stated', () => {
    assert.equal(readRecurrence('Secure coding practices').kind, 'none');
  });
});

describe('dates and cells', () => {
  it('day-first dates', () => {
    assert.deepEqual(readDate('14.04.2021'), { kind: 'date', iso: '2021-04-14' });
    assert.deepEqual(readDate('1.4.2021'), { kind: 'date', iso: '2021-04-01' });
  });

  it('invalid calendar dates', () => {
    assert.equal(readDate('31.02.2021').kind, 'invalid');
    assert.equal(readDate('2021-13-01').kind, 'invalid');
    assert.equal(readDate('29.02.2024').kind, 'date');
  });

  it('cell marks', () => {
    assert.equal(readCell('Applicable').kind, 'applicable');
    assert.equal(readCell('N/A').kind, 'not-applicable');
    assert.equal(readCell('—').kind, 'not-applicable');
    assert.equal(readCell('✓').kind, 'yes');
    assert.equal(readCell('x').kind, 'yes');
    assert.equal(readCell('no').kind, 'no');
    assert.equal(readCell('').kind, 'empty');
  });

  it('placeholders', () => {
    assert.equal(findPlaceholder('[Date]'), '[Date]');
    assert.equal(findPlaceholder('YYYY-MM-DD'), 'YYYY-MM-DD');
    assert.equal(findPlaceholder('<enter name>'), '<enter name>');
    assert.equal(findPlaceholder('(...)'), '(...)');
    assert.equal(findPlaceholder('Jack Rack'), undefined);
  });
});
