import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssessmentRecord, TrainingType } from '../../server/src/language-service/model';
import { analyseBuilt, FILES, gapsWithCode, ModelBuilder } from '../helpers/model-builder';

/** A threat modeler whose profile asks for the quiz, and p-0001 trained with the assessment. */
function assessed(
  assessment: Omit<AssessmentRecord, 'location'> | undefined,
  options: { type?: TrainingType; level?: 1 | 3; profileAssessment?: boolean } = {},
): ModelBuilder {
  const level = options.level ?? 3;
  return new ModelBuilder()
    .program('program', {
      assessmentPrograms: [{ id: 'stride-quiz', method: 'quiz', passThreshold: 80 }],
    })
    .role('threat-modeler', { clauses: ['IEC81001-5-1:7.2'], competencies: { stride: level } })
    .profile(
      'tm-profile',
      'threat-modeler',
      [
        {
          id: 'stride-workshop',
          type: options.type ?? 'role-specific',
          covers: { stride: level },
          recurrence: 'P1Y',
        },
      ],
      options.profileAssessment === false
        ? {}
        : { assessment: { method: 'quiz', program: 'stride-quiz' } },
    )
    .record('p-0001', {
      name: 'Alex Example',
      assignments: [{ role: 'threat-modeler', from: '2025-01-01' }],
      completed: [{ training: 'stride-workshop', date: '2024-12-01' }].concat(
        [{ training: 'stride-workshop', date: '2026-01-10' }].map((completion) =>
          assessment ? { ...completion, assessment } : completion,
        ),
      ),
    });
}

function assessmentGaps(builder: ModelBuilder): string[] {
  return gapsWithCode(analyseBuilt(builder), 'assessment-missing').map((gap) => gap.message);
}

describe('coverage assessment gaps', () => {
  it('assessment-missing without an assessment', () => {
    const builder = assessed(undefined);
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'assessment-missing');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /no assessment is recorded, and profile "tm-profile"/);
    assert.equal(gap?.obligation, 'demonstrated-expertise');
    assert.equal(gap?.severity, 'error');
    assert.deepEqual(gap?.range, builder.build().records[0]?.completed[1]?.location?.range);
    assert.equal(gap?.file, FILES.records);
  });

  it('assessment-missing for a failed assessment', () => {
    const [message] = assessmentGaps(assessed({ method: 'quiz', result: 'fail' }));
    assert.match(message ?? '', /failed its assessment by quiz/);
  });

  it('assessment-missing for a score below the threshold', () => {
    const [message] = assessmentGaps(assessed({ method: 'quiz', result: 79 }));
    assert.match(message ?? '', /score of 79%, below the pass threshold of 80%/);
  });

  it('assessment-missing not found at the threshold', () => {
    assert.deepEqual(assessmentGaps(assessed({ method: 'quiz', result: 80 })), []);
  });

  it('assessment-missing for an acknowledgment where expertise is needed', () => {
    const [message] = assessmentGaps(assessed({ method: 'acknowledgment' }));
    assert.match(message ?? '', /only an assessment by acknowledgment/);
  });

  it('assessment-missing not found for an acknowledged awareness training', () => {
    const builder = assessed({ method: 'acknowledgment' }, { type: 'awareness', level: 1 });
    assert.deepEqual(assessmentGaps(builder), []);
  });

  it('assessment-missing for a self-assessment', () => {
    const [message] = assessmentGaps(assessed({ method: 'self-assessment', result: 'pass' }));
    assert.match(message ?? '', /self-assessment, and no justification/);
  });

  it('self-assessment without justification asks for one', () => {
    const builder = assessed({ method: 'self-assessment', result: 'pass' });
    const [gap] = gapsWithCode(analyseBuilt(builder), 'assessment-missing');
    assert.match(gap?.fix ?? '', /^Add "justification:" to the assessment of "stride-workshop"/);
    assert.match(gap?.fix ?? '', /or assess "stride-workshop" by another method/);
  });

  it('assessment-missing when the assessor is the person', () => {
    const builder = assessed({ method: 'supervised-practice', result: 'pass', assessor: 'p-0001' });
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'assessment-missing');
    assert.equal(rest.length, 0);
    assert.equal(gap?.severity, 'error');
    assert.deepEqual(gap?.people, ['p-0001']);
    assert.match(gap?.message ?? '', /the assessor must be another person/);
    assert.match(gap?.fix ?? '', /Have another person assess "stride-workshop"/);
  });

  it('assessment-missing when the assessor is the person by name', () => {
    const builder = assessed({ method: 'quiz', result: 95, assessor: 'Alex Example' });
    const [message] = assessmentGaps(builder);
    assert.match(message ?? '', /own assessment by quiz, and the assessor must be another/);
  });

  it('assessment-missing not found for another assessor', () => {
    const builder = assessed({ method: 'supervised-practice', result: 'pass', assessor: 'p-0007' });
    assert.deepEqual(assessmentGaps(builder), []);
  });

  it('acknowledgment by the person is no self-assessor gap', () => {
    const builder = assessed(
      { method: 'acknowledgment', assessor: 'p-0001' },
      { type: 'awareness', level: 1 },
    );
    assert.deepEqual(assessmentGaps(builder), []);
  });

  it('self-assessment with justification counts', () => {
    const justified = assessed({
      method: 'self-assessment',
      result: 'pass',
      justification: 'Sole STRIDE expert; reviewed by the notified body in 2025.',
    });
    assert.deepEqual(assessmentGaps(justified), []);
  });

  it('assessment-missing for a justified but failed self-assessment', () => {
    const failed = assessed({ method: 'self-assessment', result: 'fail', justification: 'x' });
    const [message] = assessmentGaps(failed);
    assert.match(message ?? '', /failed its assessment by self-assessment/);
  });

  it('assessment-missing for a missing result', () => {
    const [message] = assessmentGaps(assessed({ method: 'supervised-practice' }));
    assert.match(message ?? '', /supervised-practice records no result/);
  });

  it('assessment-missing for an assessment after today', () => {
    const builder = assessed({ method: 'quiz', result: 95, date: '2026-07-01' });
    const [message] = assessmentGaps(builder);
    assert.match(message ?? '', /dated 2026-07-01, after 2026-06-01/);
  });

  it('assessment-missing not found for a passed assessment', () => {
    const builder = assessed({ method: 'peer-review', result: 'pass', date: '2026-01-20' });
    assert.deepEqual(assessmentGaps(builder), []);
  });

  it('assessment-missing on a profile without assessment', () => {
    const builder = assessed(undefined, { profileAssessment: false });
    const [gap, ...rest] = gapsWithCode(analyseBuilt(builder), 'assessment-missing');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /Profile "tm-profile" of role "threat-modeler" trains/);
    assert.equal(gap?.obligation, 'assessment-programs');
    assert.deepEqual(gap?.people, []);
    assert.deepEqual(gap?.range, builder.build().profiles[0]?.location?.range);
  });

  it('profile of awareness training needs no assessment', () => {
    const builder = assessed(undefined, {
      profileAssessment: false,
      type: 'awareness',
      level: 1,
    });
    assert.deepEqual(assessmentGaps(builder), []);
  });
});
