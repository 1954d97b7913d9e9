import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrainingStatus } from '../../server/src/shared/coverage';
import { analyseBuilt, ModelBuilder, type CompletionInput } from '../helpers/model-builder';

/** p-0001 holds threat-modeler from 2026-05-15; its profile requires two trainings. */
function cell(completed: CompletionInput[]): { status: TrainingStatus; training?: string } {
  const builder = new ModelBuilder()
    .profile('tm', 'threat-modeler', [
      { id: 'a-stride', covers: { stride: 3 }, recurrence: 'P1Y', dueWithinDays: 30 },
      { id: 'b-trees', covers: { 'attack-trees': 2 }, recurrence: 'P1Y', dueWithinDays: 30 },
    ])
    .record('p-0001', {
      assignments: [{ role: 'threat-modeler', from: '2026-05-15' }],
      completed,
    });
  const [first, ...rest] = analyseBuilt(builder).matrix;
  assert.equal(rest.length, 0);
  return { status: first!.status, training: first!.training };
}

const CURRENT = '2026-05-10';

describe('coverage person-role matrix', () => {
  it('cell done when every training is current', () => {
    const status = cell([
      { training: 'a-stride', date: CURRENT },
      { training: 'b-trees', date: CURRENT },
    ]);
    assert.deepEqual(status, { status: 'done', training: 'a-stride' });
  });

  it('cell missing when the assessment shows nothing', () => {
    const builder = new ModelBuilder()
      .profile(
        'tm',
        'threat-modeler',
        [{ id: 'a-stride', covers: { stride: 3 }, recurrence: 'P1Y', dueWithinDays: 30 }],
        { assessment: { method: 'supervised-practice' } },
      )
      .record('p-0001', {
        assignments: [{ role: 'threat-modeler', from: '2026-05-15' }],
        completed: [
          { training: 'a-stride', date: CURRENT, assessment: { method: 'acknowledgment' } },
        ],
      });
    const [only] = analyseBuilt(builder).matrix;
    assert.equal(only?.status, 'missing');
  });

  it('cell due-soon when a training expires soon', () => {
    const status = cell([
      { training: 'a-stride', date: CURRENT },
      { training: 'b-trees', date: '2025-06-15' },
    ]);
    assert.deepEqual(status, { status: 'due-soon', training: 'b-trees' });
  });

  it('cell due-soon within the grace period', () => {
    const status = cell([{ training: 'a-stride', date: CURRENT }]);
    assert.deepEqual(status, { status: 'due-soon', training: 'b-trees' });
  });

  it('cell due-soon on the last grace day', () => {
    const builder = new ModelBuilder()
      .profile('tm', 'threat-modeler', [
        { id: 'stride', covers: { stride: 3 }, recurrence: 'P1Y', dueWithinDays: 30 },
      ])
      .record('p-0001', { assignments: [{ role: 'threat-modeler', from: '2026-05-02' }] });
    const [only] = analyseBuilt(builder).matrix;
    assert.equal(only?.status, 'due-soon');
  });

  it('cell expired outranks due-soon', () => {
    const status = cell([{ training: 'a-stride', date: '2025-01-01' }]);
    assert.deepEqual(status, { status: 'expired', training: 'a-stride' });
  });

  it('cell overdue beyond the grace period', () => {
    const builder = new ModelBuilder()
      .profile('tm', 'threat-modeler', [
        { id: 'stride', covers: { stride: 3 }, recurrence: 'P1Y', dueWithinDays: 30 },
      ])
      .record('p-0001', { assignments: [{ role: 'threat-modeler', from: '2026-01-01' }] });
    assert.deepEqual(analyseBuilt(builder).matrix, [
      { person: 'p-0001', role: 'threat-modeler', status: 'overdue', training: 'stride' },
    ]);
  });

  it('cell missing without a grace period', () => {
    const builder = new ModelBuilder()
      .profile('tm', 'threat-modeler', [{ id: 'stride', covers: { stride: 3 }, recurrence: 'P1Y' }])
      .record('p-0001', { assignments: [{ role: 'threat-modeler', from: '2026-05-30' }] });
    assert.deepEqual(analyseBuilt(builder).matrix, [
      { person: 'p-0001', role: 'threat-modeler', status: 'missing', training: 'stride' },
    ]);
  });

  it('cell missing without an assignment start', () => {
    const builder = new ModelBuilder()
      .profile('tm', 'threat-modeler', [
        { id: 'stride', covers: { stride: 3 }, recurrence: 'P1Y', dueWithinDays: 30 },
      ])
      .record('p-0001', { assignments: [{ role: 'threat-modeler' }] });
    const [only] = analyseBuilt(builder).matrix;
    assert.equal(only?.status, 'missing');
  });

  it('cell missing when the assessor is the person', () => {
    const builder = new ModelBuilder()
      .profile(
        'tm',
        'threat-modeler',
        [{ id: 'a-stride', covers: { stride: 3 }, recurrence: 'P1Y', dueWithinDays: 30 }],
        { assessment: { method: 'supervised-practice' } },
      )
      .record('p-0001', {
        assignments: [{ role: 'threat-modeler', from: '2026-05-15' }],
        completed: [
          {
            training: 'a-stride',
            date: CURRENT,
            assessment: { method: 'supervised-practice', result: 'pass', assessor: 'p-0001' },
          },
        ],
      });
    const [only] = analyseBuilt(builder).matrix;
    assert.equal(only?.status, 'missing');
  });

  it('cell missing for a role without a profile', () => {
    const builder = new ModelBuilder().record('p-0001', {
      assignments: [{ role: 'release-manager', from: '2026-01-01' }],
    });
    assert.deepEqual(analyseBuilt(builder).matrix, [
      { person: 'p-0001', role: 'release-manager', status: 'missing' },
    ]);
  });

  it('one cell per role held', () => {
    const builder = new ModelBuilder().record('p-0001', {
      assignments: [
        { role: 'threat-modeler', from: '2025-01-01', item: 'a' },
        { role: 'threat-modeler', from: '2025-01-01', item: 'b' },
        { role: 'release-manager', from: '2025-01-01' },
        { role: 'security-tester', from: '2024-01-01', to: '2024-12-31' },
      ],
    });
    assert.deepEqual(
      analyseBuilt(builder).matrix.map((entry) => entry.role),
      ['release-manager', 'threat-modeler'],
    );
  });
});
