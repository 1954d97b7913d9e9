import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyseBuilt,
  coveredWorkspace,
  FILES,
  gapsWithCode,
  ModelBuilder,
} from '../helpers/model-builder';

describe('coverage program gaps', () => {
  it('no-training-program without a program', () => {
    const builder = new ModelBuilder().role('threat-modeler', { clauses: ['IEC81001-5-1:7.2'] });
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'no-training-program');
    assert.equal(rest.length, 0);
    assert.equal(gap?.file, FILES.roles);
    assert.deepEqual(gap?.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
    assert.equal(gap?.severity, 'error');
    assert.equal(gap?.obligation, 'training-needs-activity');
  });

  it('no-training-program without an assessment program', () => {
    const builder = new ModelBuilder().program('security-training-program', {
      owner: 'product-security-lead',
    });
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'no-training-program');
    assert.equal(rest.length, 0);
    assert.equal(gap?.obligation, 'assessment-programs');
    assert.equal(gap?.file, FILES.program);
    assert.match(gap?.message ?? '', /"security-training-program" defines no assessment program/);
    assert.deepEqual(gap?.roles, ['product-security-lead']);
  });

  it('no-training-program not found with an assessment program', () => {
    const result = analyseBuilt(coveredWorkspace());
    assert.deepEqual(gapsWithCode(result, 'no-training-program'), []);
  });

  it('no-training-program clauses', () => {
    const builder = new ModelBuilder().role('threat-modeler');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'no-training-program');
    assert.equal(gap?.clause, 'IEC81001-5-1:4.1.4');
    assert.deepEqual(gap?.clauses, ['IEC81001-5-1:4.1.4', 'ISO13485:6.2']);
  });
});
