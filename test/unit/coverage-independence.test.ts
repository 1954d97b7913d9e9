import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyseBuilt,
  gapsWithCode,
  ModelBuilder,
  type AssignmentInput,
} from '../helpers/model-builder';

function personWith(assignments: AssignmentInput[], builder = new ModelBuilder()): ModelBuilder {
  return builder.record('p-0001', { assignments });
}

describe('coverage independence gaps', () => {
  it('tester-not-independent for the same item', () => {
    const builder = personWith([
      { role: 'software-developer', from: '2025-01-01', item: 'infusion-app' },
      { role: 'security-tester', from: '2025-01-01', item: 'infusion-app' },
    ]);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'tester-not-independent');
    assert.equal(rest.length, 0);
    assert.equal(gap?.clause, 'IEC81001-5-1:5.7.5');
    assert.deepEqual(gap?.roles, ['security-tester', 'software-developer']);
    assert.deepEqual(gap?.people, ['p-0001']);
    assert.match(gap?.message ?? '', /item "infusion-app"/);
    const tester = builder.build().records[0]?.assignments[1];
    assert.deepEqual(gap?.range, tester?.location?.range);
  });

  it('tester-not-independent for both without an item', () => {
    const builder = personWith([
      { role: 'security-tester', from: '2025-01-01' },
      { role: 'software-developer', from: '2025-01-01' },
    ]);
    assert.equal(gapsWithCode(analyseBuilt(builder), 'tester-not-independent').length, 1);
  });

  it('tester-not-independent from the developer side', () => {
    const builder = new ModelBuilder().role('software-developer', {
      independentOf: ['release-manager'],
    });
    personWith(
      [
        { role: 'software-developer', from: '2025-01-01' },
        { role: 'release-manager', from: '2025-01-01' },
      ],
      builder,
    );
    assert.equal(gapsWithCode(analyseBuilt(builder), 'tester-not-independent').length, 1);
  });

  it('tester-not-independent through a mapped job description', () => {
    const builder = new ModelBuilder().role('qa-engineer', {
      origin: 'job-description',
      mapping: { catalogRoles: ['security-tester'], reason: 'tests security' },
    });
    personWith(
      [
        { role: 'software-developer', from: '2025-01-01' },
        { role: 'qa-engineer', from: '2025-01-01' },
      ],
      builder,
    );
    assert.equal(gapsWithCode(analyseBuilt(builder), 'tester-not-independent').length, 1);
  });

  it('tester-not-independent not found for different items', () => {
    const builder = personWith([
      { role: 'software-developer', from: '2025-01-01', item: 'infusion-app' },
      { role: 'security-tester', from: '2025-01-01', item: 'monitor-app' },
    ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'tester-not-independent'), []);
  });

  it('tester-not-independent not found with an objectivity measure', () => {
    const builder = personWith([
      { role: 'software-developer', from: '2025-01-01' },
      {
        role: 'security-tester',
        from: '2025-01-01',
        objectivityMeasure: 'Test results reviewed by p-0002',
      },
    ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'tester-not-independent'), []);
  });

  it('tester-not-independent not found after the assignment ended', () => {
    const builder = personWith([
      { role: 'software-developer', from: '2025-01-01' },
      { role: 'security-tester', from: '2024-01-01', to: '2024-12-31' },
    ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'tester-not-independent'), []);
  });
});
