// Gaps of the training profiles: a required competency no training covers, a technical
// role trained at awareness level only, a profile that trains expertise without assessing
// it, and a training whose recurrence is missing or cannot be read.
import type { Range } from 'vscode-languageserver-types';
import type { Gap } from '../../shared/coverage';
import {
  LEVEL_NAMES,
  type Level,
  type Location,
  type Origin,
  type TrainingRequirement,
  type TrainingType,
} from '../model';
import type { AnalysisContext } from './context';
import { parseDuration } from './dates';
import { createGap, quoteList, unique } from './gap';

/** Highest level a training type gives on its own, when the catalog does not state it. */
const DEFAULT_MAX_LEVEL: Record<TrainingType, Level> = {
  awareness: 1,
  'read-and-acknowledge': 1,
  'role-specific': 4,
  certification: 4,
  'on-the-job': 4,
};

/**
 * Training types that must be repeated: awareness fades and role-specific content follows
 * new threats and techniques. A certification carries its own `expires` date, and on-the-job
 * training and read-and-acknowledge of a procedure are repeated when the work or the
 * procedure changes, not on a calendar.
 */
const RECURRING_TYPES: ReadonlySet<TrainingType> = new Set(['awareness', 'role-specific']);

export function findProfileGaps(context: AnalysisContext, roleIds: string[]): Gap[] {
  const gaps: Gap[] = [];
  for (const roleId of roleIds) {
    const profile = context.profilesByRole.get(roleId)?.[0];
    if (!profile) continue;
    const trainings = context.requiredTrainings(roleId);
    const view = context.roleView(roleId);
    const at = context.place(profile.location);
    const untrained: {
      competency: string;
      level: Level;
      best?: { training: string; level: Level };
    }[] = [];
    for (const requirement of view.competencies) {
      if (requirement.level < 1) continue;
      const best = bestCoverage(context, trainings, requirement.competency);
      if (best && best.level >= requirement.level) continue;
      untrained.push({
        competency: requirement.competency,
        level: requirement.level,
        ...(best ? { best } : {}),
      });
    }
    const technical = view.clauses.filter((clause) => isTechnical(context, clause));
    if (
      technical.length > 0 &&
      trainings.every((training) => isAwarenessLevel(context, training))
    ) {
      // One finding for the profile: the competencies it leaves untrained follow from it, so
      // they are named here instead of as separate competency-not-trained gaps.
      const names = untrained.map((entry) => `${entry.competency} (${LEVEL_NAMES[entry.level]})`);
      const leaves = names.length > 0 ? ` It leaves ${joinWords(names)} untrained.` : '';
      gaps.push(
        createGap({
          code: 'awareness-only',
          message: `Role "${roleId}" serves the technical activities ${quoteList(technical)}, but profile "${profile.id}" has no training above awareness level.${leaves}`,
          fix: `Add a role-specific, on-the-job or certification training to "${profile.id}" that covers the role's competencies at level basic or higher, with an assessment.`,
          at,
          roles: [roleId],
          activityClauses: technical,
        }),
      );
    } else {
      for (const entry of untrained) {
        const shortfall = entry.best
          ? ` The highest is ${levelLabel(entry.best.level)} from "${entry.best.training}".`
          : '';
        gaps.push(
          createGap({
            code: 'competency-not-trained',
            message: `Role "${roleId}" requires ${entry.competency} at ${levelLabel(entry.level)}, but no training of profile "${profile.id}" covers it at that level.${shortfall}`,
            fix: `Add a training to "${profile.id}" that covers ${entry.competency} at level ${LEVEL_NAMES[entry.level]} or higher.`,
            at,
            roles: [roleId],
          }),
        );
      }
    }
    const expertise = trainings.filter((training) => !isAwarenessLevel(context, training));
    if (!profile.assessment && expertise.length > 0) {
      gaps.push(
        createGap({
          code: 'assessment-missing',
          message: `Profile "${profile.id}" of role "${roleId}" trains competence at level basic or higher (${quoteList(expertise.map((training) => training.id))}) but defines no assessment, so nobody in the role can demonstrate that expertise.`,
          fix: `Add an assessment to "${profile.id}" with a method that demonstrates competence, such as supervised practice, peer review or a quiz with a pass threshold.`,
          at,
          roles: [roleId],
          obligation: 'assessment-programs',
        }),
      );
    }
  }
  return gaps;
}

/** Origins of profiles that the JSON Schema checks, which reports an invalid recurrence. */
const SCHEMA_CHECKED: ReadonlySet<Origin> = new Set(['yaml', 'front-matter', 'fence']);

/**
 * Finds trainings whose recurrence is missing or unreadable, once per place: a procedure
 * assigned to several departments gives one profile per role, all pointing at one training.
 */
export function findRecurrenceGaps(context: AnalysisContext): Gap[] {
  const found = new Map<string, RecurrenceFinding>();
  for (const profile of context.model.profiles) {
    for (const training of profile.trainings) {
      // The schema diagnostic on the value already explains what is wrong with it.
      if (training.recurrenceUnclear && SCHEMA_CHECKED.has(profile.origin)) continue;
      const problem = recurrenceProblem(training);
      if (!problem) continue;
      const at = context.place(training.location, profile.location);
      const key = [at.uri, rangeKey(at.range), training.id, problem].join('|');
      const finding = found.get(key);
      if (finding) {
        finding.profiles.push(profile.id);
        finding.roles.push(profile.role);
      } else {
        found.set(key, { training, problem, at, profiles: [profile.id], roles: [profile.role] });
      }
    }
  }
  return [...found.values()].map(recurrenceGap);
}

interface RecurrenceFinding {
  training: TrainingRequirement;
  problem: string;
  at: Location;
  profiles: string[];
  roles: string[];
}

function recurrenceGap(finding: RecurrenceFinding): Gap {
  const { training, problem } = finding;
  const profiles = unique(finding.profiles);
  const owner =
    profiles.length === 1 ? `profile "${profiles[0]}"` : `profiles ${quoteList(profiles)}`;
  return createGap({
    code: 'recurrence-unclear',
    message: `Training "${training.id}" of ${owner} ${problem}.`,
    fix: training.recurrenceUnclear
      ? 'Write the interval in words the reader knows, such as "annual", "every 2 years", "quarterly" or "once", or as an ISO 8601 duration such as P1Y.'
      : 'State the recurrence as an ISO 8601 duration, such as P1Y for yearly or P2Y for every two years.',
    at: finding.at,
    roles: finding.roles,
    // Prose the reader could not interpret is information, as any unread text is.
    ...(training.recurrenceUnclear ? { severity: 'information' as const } : {}),
  });
}

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function recurrenceProblem(training: TrainingRequirement): string | undefined {
  if (training.recurrenceUnclear) {
    const text = training.recurrenceText ?? training.recurrence;
    return text
      ? `has a recurrence that cannot be read: "${text}"`
      : 'has an unreadable recurrence';
  }
  if (training.recurrence !== undefined) {
    if (parseDuration(training.recurrence)) return undefined;
    return `has recurrence "${training.recurrence}", which is not an ISO 8601 duration in years, months, weeks or days`;
  }
  if (RECURRING_TYPES.has(training.type)) {
    return `is of type ${training.type} but states no recurrence`;
  }
  return undefined;
}

/** Returns the level a training gives in a competency: what it covers, capped by its type. */
export function coveredLevel(
  context: AnalysisContext,
  training: TrainingRequirement,
  competency: string,
): Level {
  const typeMax =
    context.catalog.trainingTypes.find((type) => type.id === training.type)?.maxLevel ??
    DEFAULT_MAX_LEVEL[training.type];
  let level: Level = 0;
  for (const cover of training.covers) {
    if (cover.competency === competency && cover.level > level) level = cover.level;
  }
  return Math.min(level, typeMax) as Level;
}

function bestCoverage(
  context: AnalysisContext,
  trainings: TrainingRequirement[],
  competency: string,
): { training: string; level: Level } | undefined {
  let best: { training: string; level: Level } | undefined;
  for (const training of trainings) {
    const level = coveredLevel(context, training, competency);
    if (level > 0 && (!best || level > best.level)) best = { training: training.id, level };
  }
  return best;
}

/** True for awareness and read-and-acknowledge trainings, and any covering level 1 or less. */
function isAwarenessLevel(context: AnalysisContext, training: TrainingRequirement): boolean {
  if (training.type === 'awareness' || training.type === 'read-and-acknowledge') return true;
  const levels = training.covers.map((cover) => coveredLevel(context, training, cover.competency));
  return Math.max(0, ...levels) <= 1;
}

/** Looks the clause up in the catalog, then its parent clauses (`5.7.3`, then `5.7`). */
function isTechnical(context: AnalysisContext, clauseId: string): boolean {
  let id = clauseId;
  for (;;) {
    const clause = context.catalog.clause(id);
    if (clause) return clause.technical;
    const dot = id.lastIndexOf('.');
    if (dot <= id.indexOf(':')) return false;
    id = id.slice(0, dot);
  }
}

function levelLabel(level: Level): string {
  return `level ${LEVEL_NAMES[level]} (${level})`;
}

/** Joins words as "a", "a and b" or "a, b and c". */
function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
