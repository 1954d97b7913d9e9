import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyseBuilt,
  coveredWorkspace,
  FILES,
  gapsWithCode,
  ModelBuilder,
} from '../helpers/model-builder';

describe('coverage reference gaps', () => {
  it('unknown-reference for a misspelt role', () => {
    const builder = coveredWorkspace().reference('role', 'thret-modeler');
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.equal(rest.length, 0);
    assert.deepEqual(gap?.suggestions, ['threat-modeler']);
    assert.match(
      gap?.message ?? '',
      /Unknown role "thret-modeler".*Did you mean "threat-modeler"\?/,
    );
    assert.deepEqual(gap?.roles, ['thret-modeler']);
    assert.equal(gap?.severity, 'error');
  });

  it('unknown-reference at the reference', () => {
    const builder = coveredWorkspace().reference('training', 'strde-workshop', FILES.records);
    const reference = builder.build().references[0];
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.equal(gap?.file, reference?.uri);
    assert.deepEqual(gap?.range, reference?.range);
    assert.equal(gap?.obligation, 'training-profiles');
    assert.deepEqual(gap?.suggestions, ['stride-workshop']);
  });

  it('unknown-reference without suggestions', () => {
    const builder = coveredWorkspace().reference('person', 'zz-unknown');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.suggestions, []);
    assert.deepEqual(gap?.people, ['zz-unknown']);
    assert.doesNotMatch(gap?.message ?? '', /Did you mean/);
  });

  it('unknown-reference not found for defined ids', () => {
    const builder = coveredWorkspace()
      .reference('role', 'threat-modeler')
      .reference('role', 'product-security-lead', FILES.roles)
      .reference('training', 'stride-workshop')
      .reference('competency', 'stride')
      .reference('person', 'p-0002')
      .reference('assessment-program', 'security-quiz')
      .reference('assessment-method', 'supervised-practice')
      .reference('clause', 'IEC81001-5-1:7.2');
    const gaps = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(
      gaps.map((gap) => gap.message),
      [],
    );
  });

  it('unknown-reference for each undefined kind', () => {
    const builder = new ModelBuilder()
      .reference('competency', 'strid')
      .reference('assessment-program', 'quiz-1')
      .reference('assessment-method', 'quizz')
      .reference('clause', 'ISO99999:1');
    const gaps = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(
      gaps.map((gap) => gap.suggestions?.[0]),
      ['stride', undefined, 'quiz', undefined],
    );
  });

  it('unfilled-template for each placeholder', () => {
    const builder = coveredWorkspace().unfilled('[Date]', 'completion date');
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'unfilled-template');
    assert.equal(rest.length, 0);
    assert.equal(gap?.severity, 'information');
    assert.equal(gap?.message, 'Template placeholder "[Date]" is left in the completion date.');
  });

  it('unfilled-template for an empty row', () => {
    const builder = coveredWorkspace().unfilled('', 'table row');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unfilled-template');
    assert.equal(gap?.message, 'Empty table row left from the template.');
    assert.equal(gap?.fix, 'Fill in the table row, or delete it if it is unused.');
  });

  it('unfilled-template does not lower a verdict', () => {
    const builder = coveredWorkspace().unfilled('_[Name]_');
    const result = analyseBuilt(builder);
    const records = result.obligations.find((obligation) => obligation.id === 'training-records');
    assert.equal(records?.verdict, 'met');
    assert.equal(records?.gapCount, 1);
  });

  it('unfilled-template not found without placeholders', () => {
    assert.deepEqual(gapsWithCode(analyseBuilt(coveredWorkspace()), 'unfilled-template'), []);
  });
});
