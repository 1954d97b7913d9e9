import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyseBuilt,
  FILES,
  gapsWithCode,
  ModelBuilder,
  type CompletionInput,
  type TrainingInput,
} from '../helpers/model-builder';

/** One described role with one training, and person p-0001 assigned to it. */
function assigned(
  training: Omit<TrainingInput, 'id'>,
  completed: Omit<CompletionInput, 'training'>[],
  from = '2025-01-01',
): ModelBuilder {
  return new ModelBuilder()
    .role('threat-modeler', { clauses: ['IEC81001-5-1:7.2'], competencies: { stride: 3 } })
    .profile('tm-profile', 'threat-modeler', [
      { id: 'stride-workshop', covers: { stride: 3 }, ...training },
    ])
    .record('p-0001', {
      name: 'Alex Example',
      assignments: [{ role: 'threat-modeler', from }],
      completed: completed.map((completion) => ({ training: 'stride-workshop', ...completion })),
    });
}

describe('coverage person gaps', () => {
  it('person-missing-training without a completion', () => {
    const builder = assigned({ recurrence: 'P1Y' }, []);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'person-missing-training');
    assert.equal(rest.length, 0);
    assert.deepEqual(gap?.people, ['p-0001']);
    assert.deepEqual(gap?.roles, ['threat-modeler']);
    assert.match(gap?.message ?? '', /"p-0001" \(Alex Example\).*"stride-workshop"/);
    const assignment = builder.build().records[0]?.assignments[0];
    assert.deepEqual(gap?.range, assignment?.location?.range);
    assert.equal(gap?.file, FILES.records);
  });

  it('person-missing-training beyond the grace period', () => {
    const builder = assigned({ recurrence: 'P1Y', dueWithinDays: 30 }, [], '2026-04-01');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'person-missing-training');
    assert.match(gap?.message ?? '', /due by 2026-05-01/);
  });

  it('person-missing-training not found within the grace period', () => {
    const builder = assigned({ recurrence: 'P1Y', dueWithinDays: 30 }, [], '2026-05-02');
    const result = analyseBuilt(builder);
    assert.deepEqual(gapsWithCode(result, 'person-missing-training'), []);
    assert.equal(result.matrix[0]?.status, 'due-soon');
  });

  it('training-expiring not found within the grace period', () => {
    const builder = assigned({ recurrence: 'P1Y', dueWithinDays: 30 }, [], '2026-05-02');
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'training-expiring'), []);
  });

  it('person-missing-training for a future completion past the grace period', () => {
    const builder = assigned({ recurrence: 'P1Y', dueWithinDays: 30 }, [{ date: '2027-03-01' }]);
    const result = analyseBuilt(builder, { today: '2026-11-15' });
    const [gap, ...rest] = gapsWithCode(result, 'person-missing-training');
    assert.equal(rest.length, 0);
    assert.equal(gap?.severity, 'error');
    assert.match(
      gap?.message ?? '',
      /the recorded completion on 2027-03-01 is after the analysis date 2026-11-15\.$/,
    );
    assert.match(gap?.fix ?? '', /Correct the date .* or record the completion once it has/);
    const completion = builder.build().records[0]?.completed[0];
    assert.deepEqual(gap?.range, completion?.location?.range);
    assert.equal(result.matrix[0]?.status, 'overdue');
  });

  it('person-missing-training for a future completion without a grace period', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [{ date: '2027-03-01' }]);
    const result = analyseBuilt(builder, { today: '2026-11-15' });
    const [gap] = gapsWithCode(result, 'person-missing-training');
    assert.equal(gap?.severity, 'error');
    assert.match(gap?.message ?? '', /on 2027-03-01 is after the analysis date 2026-11-15/);
    assert.equal(result.matrix[0]?.status, 'missing');
  });

  it('person-missing-training warns of a future completion in the grace period', () => {
    const builder = assigned(
      { recurrence: 'P1Y', dueWithinDays: 30 },
      [{ date: '2027-03-01' }],
      '2026-11-01',
    );
    const result = analyseBuilt(builder, { today: '2026-11-15' });
    const [gap, ...rest] = gapsWithCode(result, 'person-missing-training');
    assert.equal(rest.length, 0);
    assert.equal(gap?.severity, 'warning');
    assert.match(gap?.message ?? '', /due by 2026-12-01, because the recorded completion on 2027/);
    assert.equal(result.matrix[0]?.status, 'due-soon');
  });

  it('person-missing-training names the earliest future completion', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2027-05-01' },
      { date: '2027-03-01' },
    ]);
    const [gap] = gapsWithCode(
      analyseBuilt(builder, { today: '2026-11-15' }),
      'person-missing-training',
    );
    assert.match(gap?.message ?? '', /completion on 2027-03-01 is after/);
  });

  it('future completion after an expired one is not named', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2025-01-10' },
      { date: '2027-03-01' },
    ]);
    const result = analyseBuilt(builder, { today: '2026-11-15' });
    assert.deepEqual(gapsWithCode(result, 'person-missing-training'), []);
    assert.equal(gapsWithCode(result, 'training-expired').length, 1);
  });

  it('person-missing-training not found with a completion', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01' },
      { date: '2026-01-10' },
    ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'person-missing-training'), []);
  });

  it('person-missing-training ignores a completion after today', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [{ date: '2026-07-01' }]);
    assert.equal(gapsWithCode(analyseBuilt(builder), 'person-missing-training').length, 1);
  });

  it('person-missing-training ignores a future assignment', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [], '2026-07-01');
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'person-missing-training'), []);
  });

  it('two roles sharing a training need one record', () => {
    const builder = twoRoles([{ training: 'secure-coding', date: '2026-01-01' }]);
    const result = analyseBuilt(builder);
    assert.deepEqual(gapsWithCode(result, 'person-missing-training'), []);
    assert.deepEqual(
      result.matrix.map((cell) => `${cell.role}:${cell.status}`),
      ['secure-code-reviewer:done', 'software-developer:done'],
    );
  });

  it('two roles sharing a missing training give one gap', () => {
    const gaps = gapsWithCode(analyseBuilt(twoRoles([])), 'person-missing-training');
    assert.equal(gaps.length, 1);
    assert.deepEqual(gaps[0]?.roles, ['secure-code-reviewer', 'software-developer']);
  });

  it('person-missing-training for a matrix level below the role', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [{ date: '2026-01-10' }]).matrix(
      'matrix',
      '2026-05-01',
      [{ person: 'p-0001', levels: { stride: 2 } }],
    );
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'person-missing-training');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /at basic \(2\) in stride, below proficient \(3\)/);
    assert.equal(gap?.file, FILES.matrices);
  });

  it('matrix level check uses the latest matrix', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [{ date: '2026-01-10' }])
      .matrix('old', '2025-01-01', [{ person: 'p-0001', levels: { stride: 2 } }])
      .matrix('new', '2026-05-01', [{ person: 'p-0001', levels: { stride: 3 } }])
      .matrix('future', '2026-12-01', [{ person: 'p-0001', levels: { stride: 1 } }]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'person-missing-training'), []);
  });

  it('training-expired after the recurrence', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01' },
      { date: '2025-05-01' },
    ]);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'training-expired');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /valid until 2026-05-01/);
    const latest = builder.build().records[0]?.completed[1];
    assert.deepEqual(gap?.range, latest?.location?.range);
  });

  it('training expiring today is still valid', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01' },
      { date: '2025-06-01' },
    ]);
    const result = analyseBuilt(builder, { today: '2026-06-01' });
    assert.deepEqual(gapsWithCode(result, 'training-expired'), []);
    assert.equal(gapsWithCode(result, 'training-expiring').length, 1);
  });

  it('training expiring today is expired the next day', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01' },
      { date: '2025-06-01' },
    ]);
    const result = analyseBuilt(builder, { today: '2026-06-02' });
    assert.equal(gapsWithCode(result, 'training-expired').length, 1);
    assert.deepEqual(gapsWithCode(result, 'training-expiring'), []);
  });

  it('leap day plus P1Y expires on February 28', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [{ date: '2024-02-29' }], '2024-02-01');
    const onLastDay = analyseBuilt(builder, { today: '2025-02-28' });
    assert.deepEqual(gapsWithCode(onLastDay, 'training-expired'), []);
    const nextDay = analyseBuilt(builder, { today: '2025-03-01' });
    const [gap] = gapsWithCode(nextDay, 'training-expired');
    assert.match(gap?.message ?? '', /valid until 2025-02-28/);
  });

  it('training-expired by the expires date', () => {
    const builder = assigned({ type: 'certification' }, [
      { date: '2024-12-01', expires: '2026-03-31' },
    ]);
    const [gap] = gapsWithCode(analyseBuilt(builder), 'training-expired');
    assert.match(gap?.message ?? '', /valid until 2026-03-31/);
  });

  it('training-expired uses the earlier of expires and recurrence', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01', expires: '2027-01-01' },
    ]);
    assert.equal(gapsWithCode(analyseBuilt(builder), 'training-expired').length, 1);
  });

  it('training-expired not found without recurrence or expiry', () => {
    const builder = assigned({ type: 'on-the-job' }, [{ date: '2020-01-01' }], '2019-12-01');
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'training-expired'), []);
  });

  it('training-expiring within the warning days', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01' },
      { date: '2025-06-20' },
    ]);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'training-expiring');
    assert.equal(rest.length, 0);
    assert.equal(gap?.severity, 'warning');
    assert.match(gap?.message ?? '', /valid until 2026-06-20, within 30 days of 2026-06-01/);
  });

  it('training-expiring not found beyond the warning days', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01' },
      { date: '2025-07-02' },
    ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'training-expiring'), []);
  });

  it('training-expiring follows the warning days option', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [
      { date: '2024-12-01' },
      { date: '2025-07-02' },
    ]);
    const result = analyseBuilt(builder, { expiryWarningDays: 60 });
    assert.equal(gapsWithCode(result, 'training-expiring').length, 1);
  });

  it('duty-before-qualification on the last grace day is fine', () => {
    const builder = assigned(
      { recurrence: 'P1Y', dueWithinDays: 30 },
      [{ date: '2026-01-31' }],
      '2026-01-01',
    );
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'duty-before-qualification'), []);
  });

  it('duty-before-qualification a day after the grace period', () => {
    const builder = assigned(
      { recurrence: 'P1Y', dueWithinDays: 30 },
      [{ date: '2026-02-01' }],
      '2026-01-01',
    );
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'duty-before-qualification');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /completed training "stride-workshop" on 2026-02-01/);
    assert.match(gap?.message ?? '', /grace period ending 2026-01-31/);
    assert.equal(gap?.severity, 'warning');
  });

  it('duty-before-qualification without a grace period', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [{ date: '2026-01-02' }], '2026-01-01');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'duty-before-qualification');
    assert.match(gap?.message ?? '', /after the start/);
  });

  it('duty-before-qualification not found for training before the duty', () => {
    const builder = assigned({ recurrence: 'P1Y' }, [{ date: '2025-12-31' }], '2026-01-01');
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'duty-before-qualification'), []);
  });

  it('baseline role applies to every person', () => {
    const builder = new ModelBuilder()
      .profile('baseline', 'all-personnel', [
        {
          id: 'awareness',
          type: 'awareness',
          covers: { 'security-awareness': 1 },
          recurrence: 'P1Y',
        },
      ])
      .record('p-0001', { startDate: '2025-01-01' });
    const result = analyseBuilt(builder);
    const [gap] = gapsWithCode(result, 'person-missing-training');
    assert.deepEqual(gap?.roles, ['all-personnel']);
    assert.deepEqual(result.matrix, [
      { person: 'p-0001', role: 'all-personnel', status: 'missing', training: 'awareness' },
    ]);
  });
});

/** A person holding two roles whose profiles share the training `secure-coding`. */
function twoRoles(completed: CompletionInput[]): ModelBuilder {
  const training: TrainingInput = {
    id: 'secure-coding',
    covers: { 'secure-coding': 2 },
    recurrence: 'P1Y',
  };
  return new ModelBuilder()
    .profile('developer', 'software-developer', [training])
    .profile('reviewer', 'secure-code-reviewer', [training])
    .record('p-0001', {
      assignments: [
        { role: 'software-developer', from: '2025-01-01' },
        { role: 'secure-code-reviewer', from: '2025-01-01' },
      ],
      completed,
    });
}
