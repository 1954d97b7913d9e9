import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyseBuilt,
  coveredWorkspace,
  FILES,
  gapsWithCode,
  ModelBuilder,
} from '../helpers/model-builder';

describe('coverage role gaps', () => {
  it('role-without-description for an assigned catalog role', () => {
    const builder = coveredWorkspace().record('p-0010', {
      assignments: [{ role: 'penetration-tester', from: '2025-01-01' }],
    });
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'role-without-description');
    assert.equal(rest.length, 0);
    assert.deepEqual(gap?.roles, ['penetration-tester']);
    assert.equal(gap?.file, FILES.records);
    assert.equal(gap?.severity, 'error');
  });

  it('role-without-description points at the first use', () => {
    const builder = coveredWorkspace()
      .program('second-program', { owner: 'product-security-lead' })
      .record('p-0010', { assignments: [{ role: 'product-security-lead', from: '2025-01-01' }] });
    const [gap] = gapsWithCode(analyseBuilt(builder), 'role-without-description');
    assert.equal(gap?.file, FILES.records);
  });

  it('role-without-description for a program owner', () => {
    const builder = coveredWorkspace().program('second-program', {
      owner: 'product-security-lead',
    });
    const gaps = gapsWithCode(analyseBuilt(builder), 'role-without-description');
    assert.deepEqual(
      gaps.map((gap) => gap.roles),
      [['product-security-lead']],
    );
  });

  it('role-without-description not found for a described role', () => {
    assert.deepEqual(
      gapsWithCode(analyseBuilt(coveredWorkspace()), 'role-without-description'),
      [],
    );
  });

  it('role-without-description skips an unknown reference', () => {
    const builder = coveredWorkspace()
      .record('p-0010', { assignments: [{ role: 'thret-modeler', from: '2025-01-01' }] })
      .reference('role', 'thret-modeler');
    const result = analyseBuilt(builder);
    assert.deepEqual(gapsWithCode(result, 'role-without-description'), []);
    assert.equal(gapsWithCode(result, 'unknown-reference').length, 1);
  });

  it('role-without-profile at the description', () => {
    const builder = coveredWorkspace().role('release-manager', { clauses: [] });
    const result = analyseBuilt(builder);
    const [gap, ...rest] = gapsWithCode(result, 'role-without-profile');
    assert.equal(rest.length, 0);
    assert.deepEqual(gap?.roles, ['release-manager']);
    assert.equal(gap?.file, FILES.roles);
    assert.equal(gap?.obligation, 'training-profiles');
  });

  it('role-without-profile not found with a profile', () => {
    assert.deepEqual(gapsWithCode(analyseBuilt(coveredWorkspace()), 'role-without-profile'), []);
  });

  it('role-unassigned for a described role', () => {
    const builder = coveredWorkspace().role('release-manager');
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'role-unassigned');
    assert.equal(rest.length, 0);
    assert.deepEqual(gap?.roles, ['release-manager']);
    assert.equal(gap?.severity, 'warning');
  });

  it('role-unassigned for an ended assignment', () => {
    const builder = new ModelBuilder().role('release-manager').record('p-0001', {
      assignments: [{ role: 'release-manager', from: '2024-01-01', to: '2025-12-31' }],
    });
    assert.equal(gapsWithCode(analyseBuilt(builder), 'role-unassigned').length, 1);
  });

  it('role-unassigned not found when a matrix lists the role', () => {
    const builder = coveredWorkspace()
      .role('release-manager')
      .matrix('matrix', '2026-05-01', [
        { person: 'p-0001', roles: ['release-manager'], levels: {} },
      ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'role-unassigned'), []);
  });

  it('activity-without-role for an unserved clause', () => {
    const builder = new ModelBuilder()
      .program('program', { assessmentPrograms: [{ id: 'quiz', method: 'quiz' }] })
      .role('software-developer', { clauses: ['IEC81001-5-1:5.5.1'] })
      .role('security-tester', { clauses: ['IEC81001-5-1:5.7'] });
    const gaps = gapsWithCode(analyseBuilt(builder), 'activity-without-role');
    assert.deepEqual(
      gaps.map((gap) => gap.clauses),
      [['IEC81001-5-1:4.1.4', 'IEC81001-5-1:7.2', 'ISO13485:6.2']],
    );
    assert.equal(gaps[0]?.file, FILES.program);
    assert.equal(gaps[0]?.severity, 'warning');
  });

  it('activity-without-role not found when every clause is served', () => {
    assert.deepEqual(gapsWithCode(analyseBuilt(coveredWorkspace()), 'activity-without-role'), []);
  });

  it('activity-without-role served by a parallel practice', () => {
    const builder = new ModelBuilder()
      .program('program', { assessmentPrograms: [{ id: 'quiz', method: 'quiz' }] })
      .role('software-developer', { clauses: ['IEC81001-5-1:5.5.1'] })
      .role('security-tester', { clauses: ['IEC81001-5-1:5.7.1'] })
      .role('architect', { clauses: ['IEC62443-4-1:SR-2'] });
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'activity-without-role'), []);
  });

  it('activity-without-role served by a used catalog role', () => {
    const builder = new ModelBuilder()
      .program('program', { assessmentPrograms: [{ id: 'quiz', method: 'quiz' }] })
      .record('p-0001', {
        assignments: [
          { role: 'software-developer', from: '2025-01-01' },
          { role: 'threat-modeler', from: '2025-01-01' },
          { role: 'security-tester', from: '2025-01-01', item: 'other' },
        ],
      });
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'activity-without-role'), []);
  });

  it('activity-without-role served through a tolerant mapping', () => {
    const builder = new ModelBuilder()
      .program('program', { assessmentPrograms: [{ id: 'quiz', method: 'quiz' }] })
      .role('software-developer', { clauses: ['IEC81001-5-1:5.5.1'] })
      .role('security-tester', { clauses: ['IEC81001-5-1:5.7.1'] })
      .role('security-engineer', {
        origin: 'job-description',
        mapping: { catalogRoles: ['threat-modeler'], reason: 'title names threat modeling' },
      });
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'activity-without-role'), []);
  });
});
