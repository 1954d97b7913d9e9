import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseBuilt, coveredWorkspace } from '../helpers/model-builder';

function expertise(builder: ReturnType<typeof coveredWorkspace>) {
  return analyseBuilt(builder).obligations.find((o) => o.id === 'demonstrated-expertise');
}

describe('obligation verdicts', () => {
  it('expertise met when everyone is covered', () => {
    const verdict = expertise(coveredWorkspace());
    assert.equal(verdict?.verdict, 'met');
    assert.match(verdict?.reason ?? '', /with no open error or warning\.$/);
  });

  it('expertise partly met with an uncovered person', () => {
    const builder = coveredWorkspace().record('p-0900', {
      assignments: [{ role: 'threat-modeler', from: '2025-01-01' }],
      completed: [],
    });
    const verdict = expertise(builder);
    assert.equal(verdict?.verdict, 'partly-met');
    assert.match(verdict?.reason ?? '', /of \d+ people fully covered\.$/);
  });

  it('information notes keep a verdict met', () => {
    const result = analyseBuilt(coveredWorkspace().unfilled('[Date]', 'completion date'));
    const records = result.obligations.find((o) => o.id === 'training-records');
    assert.equal(records?.verdict, 'met');
    assert.match(records?.reason ?? '', /\(1 note for information\)\.$/);
  });
});
