// Gaps of each person against the roles they hold. A training can be missing, expired or
// about to expire, a duty can start before its training beyond the grace period, an
// assessment can fail to show competence, and a competency matrix level can be below the
// role's.
import type { Gap } from '../../shared/coverage';
import { LEVEL_NAMES, type AssessmentRecord, type Level, type MatrixEntry } from '../model';
import type { AnalysisContext, Person } from './context';
import { compareText, createGap, quoteList } from './gap';
import { coveredLevel } from './profiles';
import type { TrainingStanding } from './standing';

export function findPersonGaps(context: AnalysisContext, standings: TrainingStanding[]): Gap[] {
  const gaps: Gap[] = [];
  for (const standing of standings) {
    const roles = standing.duties.map((duty) => duty.role);
    const person = standing.person;
    const who = personName(person);
    const base = { roles, people: [person.id] };
    const completedAt = context.place(standing.latest?.location, person.location);
    const missing = missingTraining(context, standing);
    if (missing) gaps.push(missing);
    if (standing.status === 'expired') {
      gaps.push(
        createGap({
          ...base,
          code: 'training-expired',
          message: `Training "${standing.training}" of person ${who} was valid until ${standing.expiry} and has expired by ${context.today}.`,
          fix: `Repeat "${standing.training}" and record the new completion date.`,
          at: completedAt,
        }),
      );
    }
    if (standing.latest && standing.status === 'due-soon') {
      gaps.push(
        createGap({
          ...base,
          code: 'training-expiring',
          message: `Training "${standing.training}" of person ${who} is valid until ${standing.expiry}, within ${context.expiryWarningDays} days of ${context.today}.`,
          fix: `Schedule "${standing.training}" before ${standing.expiry}.`,
          at: completedAt,
        }),
      );
    }
    const late = lateQualification(standing);
    if (late) gaps.push(late);
    const assessment = assessmentProblem(context, standing);
    if (assessment) {
      gaps.push(
        createGap({
          ...base,
          code: 'assessment-missing',
          message: `Person ${who} completed training "${standing.training}" ${assessment.reason}.`,
          fix:
            assessment.fix ??
            `Record a passed assessment of "${standing.training}" by a method that demonstrates competence, such as supervised practice, peer review or a quiz above its pass threshold.`,
          at: context.place(standing.latest?.assessment?.location, completedAt),
        }),
      );
    }
  }
  return gaps;
}

/**
 * Reports a required training with no completion that counts. Past the grace period, or
 * without one, that is an error. Within the grace period it is no gap unless the only
 * recorded completion is dated after the analysis date. Such a date is probably wrong, so a
 * warning names it while there is still time.
 */
function missingTraining(context: AnalysisContext, standing: TrainingStanding): Gap | undefined {
  if (standing.latest) return undefined;
  const future = standing.futureCompletion;
  const pending = standing.status === 'due-soon';
  if (pending && !future) return undefined;
  const roles = standing.duties.map((duty) => duty.role);
  const due = standing.dueDate ? `, due by ${standing.dueDate}` : '';
  const base = `Person ${personName(standing.person)} holds ${roleList(roles)} but has no completed record of training "${standing.training}"${due}`;
  if (!future) {
    return createGap({
      code: 'person-missing-training',
      message: `${base}.`,
      fix: `Record the completion of "${standing.training}" in the person's TrainingRecord, or end the assignment.`,
      at: standing.firstDuty.at,
      roles,
      people: [standing.person.id],
    });
  }
  return createGap({
    code: 'person-missing-training',
    message: `${base}, because the recorded completion on ${future.date} is after the analysis date ${context.today}.`,
    fix: `Correct the date of the completion of "${standing.training}" if it is wrong, or record the completion once it has happened.`,
    at: context.place(future.location, standing.firstDuty.at),
    roles,
    people: [standing.person.id],
    ...(pending ? { severity: 'warning' as const } : {}),
  });
}

/**
 * Reports a duty that started before the training was complete, beyond the grace period:
 * a completion on the due date itself (assignment start plus `dueWithinDays`, or the start
 * when no grace period is stated) is in time.
 */
function lateQualification(standing: TrainingStanding): Gap | undefined {
  const duty = standing.firstDuty;
  const completed = standing.first?.date;
  const deadline = standing.dueDate ?? duty.from;
  if (completed === undefined || deadline === undefined || completed <= deadline) return undefined;
  const grace = standing.dueDate ? `the grace period ending ${standing.dueDate}` : 'the start';
  return createGap({
    code: 'duty-before-qualification',
    message: `Person ${personName(standing.person)} holds role "${duty.role}" from ${duty.from} but completed training "${standing.training}" on ${completed}, after ${grace}.`,
    fix: `Move the assignment start to ${completed} or later if the person did not perform the duties before, or document how the work done before the training was supervised.`,
    at: duty.at,
    roles: [duty.role],
    people: [standing.person.id],
  });
}

/** The reason a completion lacks a passed assessment, with its own fix where needed. */
interface AssessmentProblem {
  reason: string;
  fix?: string;
}

/** Returns why the latest completion lacks a passed assessment, or undefined when it has one. */
function assessmentProblem(
  context: AnalysisContext,
  standing: TrainingStanding,
): AssessmentProblem | undefined {
  if (!standing.latest) return undefined;
  const profiles = standing.duties.flatMap((duty) =>
    (context.profilesByRole.get(duty.role) ?? []).filter(
      (profile) =>
        profile.assessment !== undefined &&
        profile.trainings.some((training) => training.id === standing.training),
    ),
  );
  const profile = profiles[0];
  if (!profile?.assessment) return undefined;

  const assessment = standing.latest.assessment;
  if (!assessment) {
    return { reason: `but no assessment is recorded, and profile "${profile.id}" requires one` };
  }
  if (assessment.date !== undefined && assessment.date > context.today) {
    return { reason: `but its assessment is dated ${assessment.date}, after ${context.today}` };
  }

  // Expertise must be shown when the training gives a competency at level basic or higher;
  // awareness training is assessed by acknowledgment at most.
  const expertise = standing.definitions.some((definition) =>
    definition.covers.some((cover) => coveredLevel(context, definition, cover.competency) >= 2),
  );
  const threshold = passThreshold(context, profile.assessment.program);
  // A self-assessment counts only together with a recorded justification.
  if (assessment.method === 'self-assessment') {
    if (expertise && !assessment.justification) {
      return {
        reason: 'with only a self-assessment, and no justification is recorded',
        fix: `Add "justification:" to the assessment of "${standing.training}", stating why a self-assessment is enough, or assess "${standing.training}" by another method, such as supervised practice, peer review or a quiz above its pass threshold.`,
      };
    }
    return resultProblem(assessment, threshold, true);
  }
  const method = context.catalog.assessmentMethod(assessment.method);
  const demonstrates = method?.demonstratesExpertise ?? assessment.method !== 'acknowledgment';
  if (expertise && !demonstrates) {
    return {
      reason: `with only an assessment by ${assessment.method}, which does not demonstrate competence`,
    };
  }
  // An acknowledgment is made by the person themself, so only a method that demonstrates
  // competence needs an assessor other than the person.
  if (demonstrates && isSelf(standing.person, assessment.assessor)) {
    return {
      reason: `but is recorded as the assessor of their own assessment by ${assessment.method}, and the assessor must be another person`,
      fix: `Have another person assess "${standing.training}" and record their id as the assessor, or record the assessment as a self-assessment with a justification.`,
    };
  }
  return resultProblem(assessment, threshold, demonstrates);
}

/** True when the assessor is the person, named by id or by their recorded name. */
function isSelf(person: Person, assessor: string | undefined): boolean {
  if (assessor === undefined) return false;
  return assessor === person.id || (person.name !== undefined && assessor === person.name);
}

function resultProblem(
  assessment: AssessmentRecord,
  threshold: number | undefined,
  demonstrates: boolean,
): AssessmentProblem | undefined {
  const result = assessment.result;
  if (result === 'fail') return { reason: `but failed its assessment by ${assessment.method}` };
  if (typeof result === 'number' && threshold !== undefined && result < threshold) {
    return {
      reason: `with an assessment score of ${result}%, below the pass threshold of ${threshold}%`,
    };
  }
  // An acknowledgment is its own result; every other method records a pass or a score.
  if (result === undefined && demonstrates) {
    return { reason: `but its assessment by ${assessment.method} records no result` };
  }
  return undefined;
}

function passThreshold(
  context: AnalysisContext,
  programId: string | undefined,
): number | undefined {
  if (programId === undefined) return undefined;
  for (const program of context.model.programs) {
    const found = program.assessmentPrograms.find((assessment) => assessment.id === programId);
    if (found) return found.passThreshold;
  }
  return undefined;
}

/**
 * Reports each competency a person's roles require where the person's competency matrix
 * rates them lower. The latest matrix on or before the analysis date wins per competency,
 * and a competency missing from that matrix counts as level none.
 */
export function findMatrixGaps(context: AnalysisContext, person: Person): Gap[] {
  const entries = matrixEntries(context, person.id);
  const latest = entries[entries.length - 1];
  if (!latest) return [];
  const levels = new Map<string, Level>();
  for (const entry of entries) {
    for (const [competency, level] of Object.entries(entry.entry.levels)) {
      levels.set(competency, level);
    }
  }
  const gaps: Gap[] = [];
  const required = new Map<string, { level: Level; roles: string[] }>();
  for (const duty of context.duties(person)) {
    for (const requirement of context.roleView(duty.role).competencies) {
      const current = required.get(requirement.competency);
      if (!current || requirement.level > current.level) {
        required.set(requirement.competency, { level: requirement.level, roles: [duty.role] });
      } else if (requirement.level === current.level) {
        current.roles.push(duty.role);
      }
    }
  }
  const competencies = [...required.keys()].sort(compareText);
  for (const competency of competencies) {
    const { level, roles } = required.get(competency)!;
    const actual = levels.get(competency) ?? 0;
    if (actual >= level) continue;
    gaps.push(
      createGap({
        code: 'person-missing-training',
        message: `The competency matrix rates person ${personName(person)} at ${LEVEL_NAMES[actual]} (${actual}) in ${competency}, below ${LEVEL_NAMES[level]} (${level}) required by ${roleList(roles)}.`,
        fix: `Train the person in ${competency} to level ${LEVEL_NAMES[level]} and update the matrix, or record why the lower level suffices.`,
        at: context.place(latest.entry.location, person.location),
        roles,
        people: [person.id],
      }),
    );
  }
  return gaps;
}

function matrixEntries(
  context: AnalysisContext,
  personId: string,
): { asOf: string; entry: MatrixEntry }[] {
  const found: { asOf: string; entry: MatrixEntry }[] = [];
  for (const matrix of context.model.matrices) {
    const asOf = matrix.asOf ?? '';
    if (asOf > context.today) continue;
    for (const entry of matrix.people) {
      if (entry.person === personId) found.push({ asOf, entry });
    }
  }
  return found.sort((a, b) => compareText(a.asOf, b.asOf));
}

/** Names a person for a message: `"p-0042" (Alex Example)`, or the id alone. */
export function personName(person: Person): string {
  return person.name ? `"${person.id}" (${person.name})` : `"${person.id}"`;
}

function roleList(roles: string[]): string {
  return `${roles.length === 1 ? 'role' : 'roles'} ${quoteList(roles)}`;
}
