import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseCoverage } from '../../server/src/language-service/coverage/analyse';
import { emptyEntities } from '../../server/src/language-service/model';
import { OBLIGATIONS } from '../../server/src/shared/coverage';
import {
  analyseBuilt,
  coveredWorkspace,
  ModelBuilder,
  testCatalog,
  TODAY,
} from '../helpers/model-builder';

describe('coverage analysis', () => {
  it('covered workspace has no gaps', () => {
    const result = analyseBuilt(coveredWorkspace());
    assert.deepEqual(result.gaps, []);
  });

  it('covered workspace meets every obligation', () => {
    const result = analyseBuilt(coveredWorkspace());
    assert.deepEqual(
      result.obligations.map((obligation) => obligation.id),
      [...OBLIGATIONS],
    );
    for (const obligation of result.obligations) {
      assert.equal(obligation.verdict, 'met', `${obligation.id}: ${obligation.reason}`);
    }
  });

  it('covered workspace matrix is done', () => {
    const result = analyseBuilt(coveredWorkspace());
    assert.deepEqual(result.matrix, [
      { person: 'p-0001', role: 'threat-modeler', status: 'done', training: 'stride-workshop' },
      { person: 'p-0002', role: 'security-tester', status: 'done', training: 'fuzzing-course' },
      {
        person: 'p-0003',
        role: 'software-developer',
        status: 'done',
        training: 'secure-coding-course',
      },
    ]);
  });

  it('covered workspace summary', () => {
    const result = analyseBuilt(coveredWorkspace());
    assert.equal(result.today, TODAY);
    assert.deepEqual(result.summary, {
      people: 3,
      peopleFullyCovered: 3,
      roles: 3,
      gapsBySeverity: { error: 0, warning: 0, information: 0, hint: 0 },
    });
  });

  it('workspace without documents has no gaps', () => {
    const model = { ...emptyEntities(), files: ['file:///qms/README.md'] };
    const result = analyseCoverage(model, testCatalog(), { today: TODAY, expiryWarningDays: 30 });
    assert.deepEqual(result.gaps, []);
  });

  it('workspace without documents meets no obligation', () => {
    const model = { ...emptyEntities(), files: [] };
    const result = analyseCoverage(model, testCatalog(), { today: TODAY, expiryWarningDays: 30 });
    for (const obligation of result.obligations) assert.equal(obligation.verdict, 'not-met');
  });

  it('gaps are sorted by file, range and code', () => {
    const builder = new ModelBuilder()
      .unfilled('[Date]', 'completion date', 'file:///qms/b.md')
      .reference('role', 'thret-modeler', 'file:///qms/a.md')
      .unfilled('[Name]', 'person name', 'file:///qms/a.md');
    const result = analyseBuilt(builder);
    const places = result.gaps.map((gap) => `${gap.file}:${gap.range.start.line}:${gap.code}`);
    assert.deepEqual(places, [
      'file:///qms/a.md:0:unknown-reference',
      'file:///qms/a.md:1:unfilled-template',
      'file:///qms/b.md:0:unfilled-template',
    ]);
  });

  it('same model gives the same result', () => {
    const builder = coveredWorkspace().record('p-0009', {
      assignments: [{ role: 'threat-modeler', from: '2026-01-01' }],
    });
    const first = analyseBuilt(builder);
    const second = analyseBuilt(builder);
    assert.deepEqual(second, first);
  });

  it('summary counts people with gaps', () => {
    const builder = coveredWorkspace().record('p-0009', {
      assignments: [{ role: 'threat-modeler', from: '2026-01-01' }],
    });
    const result = analyseBuilt(builder);
    assert.equal(result.summary.people, 4);
    assert.equal(result.summary.peopleFullyCovered, 3);
    assert.equal(result.summary.gapsBySeverity.error, 1);
  });

  it('summary excludes a person with a cell not done', () => {
    const builder = coveredWorkspace().record('p-0009', {
      assignments: [{ role: 'security-architect', from: '2026-01-01' }],
    });
    const result = analyseBuilt(builder);
    const named = result.gaps.filter((gap) => gap.people.includes('p-0009'));
    assert.deepEqual(named, []);
    assert.equal(result.matrix.find((cell) => cell.person === 'p-0009')?.status, 'missing');
    assert.equal(result.summary.peopleFullyCovered, 3);
  });

  it('summary excludes a person within the grace period', () => {
    const builder = coveredWorkspace().record('p-0009', {
      assignments: [{ role: 'threat-modeler', from: '2026-05-20' }],
    });
    const result = analyseBuilt(builder);
    assert.equal(result.matrix.find((cell) => cell.person === 'p-0009')?.status, 'due-soon');
    assert.equal(result.summary.peopleFullyCovered, 3);
  });

  it('summary excludes a person assigned a misspelt role', () => {
    const builder = coveredWorkspace()
      .record('p-0009', { assignments: [{ role: 'thret-modeler', from: '2026-01-01' }] })
      .reference('role', 'thret-modeler');
    const result = analyseBuilt(builder);
    assert.equal(result.summary.people, 4);
    assert.equal(result.summary.peopleFullyCovered, 3);
  });

  it('obligation with an error is partly met', () => {
    const builder = coveredWorkspace().record('p-0009', {
      assignments: [{ role: 'threat-modeler', from: '2026-01-01' }],
    });
    const records = analyseBuilt(builder).obligations.find(
      (obligation) => obligation.id === 'training-records',
    );
    assert.equal(records?.verdict, 'partly-met');
    assert.equal(records?.gapCount, 1);
    assert.equal(records?.reason, 'Documented in 1 file, with 1 error open.');
  });
});
