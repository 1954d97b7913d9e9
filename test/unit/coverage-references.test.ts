import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseCoverage } from '../../server/src/language-service/coverage/analyse';
import {
  analyseBuilt,
  coveredWorkspace,
  FILES,
  gapsWithCode,
  ModelBuilder,
  testCatalog,
  TODAY,
} from '../helpers/model-builder';

const OPTIONS = { today: TODAY, expiryWarningDays: 30 };

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
    const builder = coveredWorkspace().reference('person', 'zz-unknown', FILES.matrices);
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

  it('unknown-reference names the person of the record', () => {
    const builder = new ModelBuilder()
      .record('p-0001', { assignments: [{ role: 'secure-code-reviwer', from: '2025-01-01' }] })
      .reference('role', 'secure-code-reviwer');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.people, ['p-0001']);
  });

  it('unknown-reference names the nearest record before it', () => {
    const builder = new ModelBuilder()
      .record('p-0001')
      .record('p-0002')
      .reference('training', 'strde-workshop')
      .record('p-0003');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.people, ['p-0002']);
  });

  it('unknown-reference inside a record before its person id', () => {
    const builder = new ModelBuilder().record('p-0001').record('p-0002', {
      completed: [{ training: 'stride-workshop', date: '2026-01-10' }],
    });
    const built = builder.build();
    const record = built.records[1]!;
    // Moves the record's own place after its completion, as when `person:` is the last key.
    record.location = {
      uri: FILES.records,
      range: { start: { line: 9, character: 0 }, end: { line: 9, character: 6 } },
    };
    built.references.push({ kind: 'training', id: 'strde', ...record.completed[0]!.location! });
    const [gap] = gapsWithCode(analyseCoverage(built, testCatalog(), OPTIONS), 'unknown-reference');
    assert.deepEqual(gap?.people, ['p-0002']);
  });

  it('unknown-reference after another document names nobody', () => {
    const builder = new ModelBuilder()
      .record('p-0001')
      .profile('tm', 'threat-modeler', [], { file: FILES.records })
      .reference('role', 'thret-modeler');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.people, []);
  });

  it('unknown-reference in another file names nobody', () => {
    const builder = new ModelBuilder().record('p-0001').reference('role', 'x-role', FILES.roles);
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.people, []);
  });

  it('unknown-reference names the person of its table row', () => {
    const completed = [{ training: 'stride-workshop', date: '2026-01-10' }];
    const builder = new ModelBuilder()
      .record('p-0001', { origin: 'table', completed })
      .record('p-0002', { origin: 'table', completed });
    const row = builder.build().records[0]!.completed[0]!.location!.range.start.line;
    const cell = { start: { line: row, character: 20 }, end: { line: row, character: 25 } };
    builder.referenceAt('training', 'strde', { uri: FILES.records, range: cell });
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.people, ['p-0001']);
  });

  it('unknown-reference below a table names nobody', () => {
    const builder = new ModelBuilder()
      .record('p-0001', { origin: 'table' })
      .reference('training', 'strde');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.people, []);
  });

  it('unknown person reference in a record names both people', () => {
    const builder = new ModelBuilder().record('p-0001').reference('person', 'p-9999');
    const [gap] = gapsWithCode(analyseBuilt(builder), 'unknown-reference');
    assert.deepEqual(gap?.people, ['p-0001', 'p-9999']);
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
