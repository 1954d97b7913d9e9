import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyseBuilt,
  coveredWorkspace,
  FILES,
  gapsWithCode,
  ModelBuilder,
  testCatalog,
  TODAY,
  type TrainingInput,
} from '../helpers/model-builder';
import { analyseCoverage } from '../../server/src/language-service/coverage/analyse';
import type { Origin } from '../../server/src/language-service/model';

/** A threat modeler described in the workspace, with a profile of the given trainings. */
function threatModeler(trainings: TrainingInput[], origin: Origin = 'yaml'): ModelBuilder {
  return new ModelBuilder()
    .role('threat-modeler', {
      clauses: ['IEC81001-5-1:7.2'],
      competencies: { stride: 3, 'attack-trees': 2 },
    })
    .profile('threat-modeler-profile', 'threat-modeler', trainings, { origin });
}

describe('coverage profile gaps', () => {
  it('competency-not-trained for an uncovered competency', () => {
    const builder = threatModeler([
      { id: 'stride-workshop', covers: { stride: 3 }, recurrence: 'P1Y' },
    ]);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'competency-not-trained');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /requires attack-trees at level basic \(2\)/);
    assert.deepEqual(gap?.roles, ['threat-modeler']);
    assert.equal(gap?.file, FILES.profiles);
    assert.equal(gap?.range.start.line, 0);
  });

  it('competency-not-trained for a level too low', () => {
    const builder = threatModeler([
      { id: 'stride-intro', covers: { stride: 2, 'attack-trees': 2 }, recurrence: 'P1Y' },
    ]);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'competency-not-trained');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /stride at level proficient \(3\)/);
    assert.match(gap?.message ?? '', /highest is level basic \(2\) from "stride-intro"/);
  });

  it('competency-not-trained caps awareness training', () => {
    const builder = threatModeler([
      { id: 'stride-video', type: 'awareness', covers: { stride: 3, 'attack-trees': 2 } },
      { id: 'trees', covers: { 'attack-trees': 2 }, recurrence: 'P1Y' },
    ]);
    const gaps = gapsWithCode(analyseBuilt(builder), 'competency-not-trained');
    assert.equal(gaps.length, 1);
    assert.match(gaps[0]?.message ?? '', /stride at level proficient/);
  });

  it('competency-not-trained uses the catalog role without description', () => {
    const builder = new ModelBuilder().profile('tm', 'threat-modeler', [
      { id: 'stride-workshop', covers: { stride: 3 }, recurrence: 'P1Y' },
    ]);
    const gaps = gapsWithCode(analyseBuilt(builder), 'competency-not-trained');
    assert.deepEqual(
      gaps.map((gap) => /requires (\S+)/.exec(gap.message)?.[1]),
      ['attack-trees'],
    );
  });

  it('competency-not-trained not found when covered', () => {
    assert.deepEqual(gapsWithCode(analyseBuilt(coveredWorkspace()), 'competency-not-trained'), []);
  });

  it('awareness-only for awareness trainings', () => {
    const builder = threatModeler([
      { id: 'security-basics', type: 'awareness', covers: { stride: 1 }, recurrence: 'P1Y' },
      { id: 'policy', type: 'read-and-acknowledge' },
    ]);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'awareness-only');
    assert.equal(rest.length, 0);
    assert.equal(gap?.severity, 'error');
    assert.deepEqual(gap?.clauses, ['IEC81001-5-1:4.1.4', 'IEC81001-5-1:7.2', 'ISO13485:6.2']);
    assert.equal(gap?.file, FILES.profiles);
  });

  it('awareness-only for a role-specific training at level 1', () => {
    const builder = threatModeler([
      { id: 'stride-talk', covers: { stride: 1 }, recurrence: 'P1Y' },
    ]);
    assert.equal(gapsWithCode(analyseBuilt(builder), 'awareness-only').length, 1);
  });

  it('awareness-only through a parent clause', () => {
    const builder = new ModelBuilder()
      .role('tester', { clauses: ['IEC81001-5-1:5.7.9'] })
      .profile('tester-profile', 'tester', [
        { id: 'basics', type: 'awareness', recurrence: 'P1Y' },
      ]);
    assert.equal(gapsWithCode(analyseBuilt(builder), 'awareness-only').length, 1);
  });

  it('awareness-only not found for a non-technical role', () => {
    const builder = new ModelBuilder()
      .role('trainer', { clauses: ['IEC81001-5-1:4.1.4'] })
      .profile('trainer-profile', 'trainer', [
        { id: 'basics', type: 'awareness', recurrence: 'P1Y' },
      ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'awareness-only'), []);
  });

  it('awareness-only not found with a role-specific training', () => {
    assert.deepEqual(gapsWithCode(analyseBuilt(coveredWorkspace()), 'awareness-only'), []);
  });

  it('recurrence-unclear for prose the reader could not parse', () => {
    const builder = threatModeler(
      [
        {
          id: 'stride-workshop',
          covers: { stride: 3, 'attack-trees': 2 },
          recurrenceUnclear: true,
          recurrenceText: 'as needed',
        },
      ],
      'job-description',
    );
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'recurrence-unclear');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /cannot be read: "as needed"/);
    const training = builder.build().profiles[0]?.trainings[0];
    assert.deepEqual(gap?.range, training?.location?.range);
    assert.equal(gap?.severity, 'information');
  });

  it('recurrence-unclear not found for an invalid strict value', () => {
    const training: TrainingInput = {
      id: 'stride-workshop',
      covers: { stride: 3, 'attack-trees': 2 },
      recurrenceUnclear: true,
      recurrenceText: 'yearly',
    };
    for (const origin of ['yaml', 'front-matter', 'fence'] as const) {
      const builder = threatModeler([training], origin);
      assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'recurrence-unclear'), [], origin);
    }
  });

  it('recurrence-unclear once per shared training', () => {
    const builder = threatModeler([{ id: 'stride-workshop', covers: { stride: 3 } }]);
    const model = builder.build();
    const shared = model.profiles[0]!;
    for (const role of ['security-tester', 'software-developer']) {
      model.profiles.push({ ...shared, id: `${role}-profile`, role });
    }
    const result = analyseCoverage(model, testCatalog(), { today: TODAY, expiryWarningDays: 30 });
    const [gap, ...rest] = gapsWithCode(result, 'recurrence-unclear');
    assert.equal(rest.length, 0);
    assert.deepEqual(gap?.roles, ['security-tester', 'software-developer', 'threat-modeler']);
    assert.match(
      gap?.message ?? '',
      /^Training "stride-workshop" of profiles "threat-modeler-profile", "security-tester-profile" and "software-developer-profile" is of type/,
    );
  });

  it('recurrence-unclear for a missing recurrence', () => {
    const builder = threatModeler([
      { id: 'stride-workshop', covers: { stride: 3, 'attack-trees': 2 } },
    ]);
    const [gap] = gapsWithCode(analyseBuilt(builder), 'recurrence-unclear');
    assert.match(gap?.message ?? '', /is of type role-specific but states no recurrence/);
  });

  it('recurrence-unclear for an invalid duration', () => {
    const builder = threatModeler([
      { id: 'stride-workshop', covers: { stride: 3, 'attack-trees': 2 }, recurrence: 'P1.5Y' },
    ]);
    const [gap] = gapsWithCode(analyseBuilt(builder), 'recurrence-unclear');
    assert.match(gap?.message ?? '', /"P1.5Y", which is not an ISO 8601 duration/);
  });

  it('recurrence-unclear not found for a certification', () => {
    const builder = threatModeler([
      { id: 'cert', type: 'certification', covers: { stride: 3, 'attack-trees': 2 } },
    ]);
    assert.deepEqual(gapsWithCode(analyseBuilt(builder), 'recurrence-unclear'), []);
  });
});
