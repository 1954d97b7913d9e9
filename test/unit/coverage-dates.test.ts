import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addDuration,
  parseDate,
  parseDuration,
} from '../../server/src/language-service/coverage/dates';

describe('coverage dates', () => {
  it('addDuration leap day plus one year', () => {
    assert.equal(addDuration('2024-02-29', 'P1Y'), '2025-02-28');
  });

  it('addDuration leap day plus four years', () => {
    assert.equal(addDuration('2024-02-29', 'P4Y'), '2028-02-29');
  });

  it('addDuration clamps to month end', () => {
    assert.equal(addDuration('2025-01-31', 'P1M'), '2025-02-28');
  });

  it('addDuration carries months into years', () => {
    assert.equal(addDuration('2025-11-15', 'P1Y3M'), '2027-02-15');
  });

  it('addDuration adds weeks and days', () => {
    assert.equal(addDuration('2025-12-30', 'P1W3D'), '2026-01-09');
  });

  it('addDuration rejects a time part', () => {
    assert.equal(addDuration('2025-01-01', 'PT12H'), undefined);
  });

  it('addDuration rejects an invalid date', () => {
    assert.equal(addDuration('2025-02-30', 'P1Y'), undefined);
  });

  it('addDays crosses a year', () => {
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  });

  it('parseDate rejects a rolled-over day', () => {
    assert.equal(parseDate('2025-04-31'), undefined);
  });

  it('parseDuration reads each unit', () => {
    assert.deepEqual(parseDuration('P1Y2M3W4D'), { years: 1, months: 2, weeks: 3, days: 4 });
  });

  it('parseDuration rejects prose and a bare P', () => {
    assert.equal(parseDuration('annually'), undefined);
    assert.equal(parseDuration('P'), undefined);
  });
});
