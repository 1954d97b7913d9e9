// The status of each person on each training their current roles require: the completions
// that count, the expiry date, the due date and the resulting status. The person gaps and
// the person-by-role matrix both read these standings.
import type { TrainingStatus } from '../../shared/coverage';
import type { CompletedTraining, TrainingRequirement } from '../model';
import type { AnalysisContext, Duty, Person } from './context';
import { addDays, addDuration, earlierDate, isValidDate } from './dates';
import { compareText } from './gap';

export interface TrainingStanding {
  person: Person;
  training: string;
  /** The training as each profile that requires it defines it. */
  definitions: TrainingRequirement[];
  /** The person's current duties that require the training, in role id order. */
  duties: Duty[];
  /** The duty that started first, from which the due date counts. */
  firstDuty: Duty;
  /** The most recent completion on or before the analysis date. */
  latest?: CompletedTraining;
  /** The earliest dated completion on or before the analysis date. */
  first?: CompletedTraining;
  /**
   * The earliest completion dated after the analysis date, when no completion on or before
   * it exists. It does not count, but the person gaps name it, since it may be a typo.
   */
  futureCompletion?: CompletedTraining;
  expiry?: string;
  /** The assignment start plus the shortest `dueWithinDays`, when both are known. */
  dueDate?: string;
  status: TrainingStatus;
}

/**
 * Ranks statuses from best to worst, for the worst status of a matrix cell. A training not
 * done is due soon within its grace period, overdue after it, and missing when there is no
 * grace period. A completed one is due soon within the expiry warning days.
 */
export const STATUS_RANK: Record<TrainingStatus, number> = {
  done: 0,
  'due-soon': 1,
  overdue: 2,
  expired: 3,
  missing: 4,
};

/** Returns one standing per training the person's current duties require, by training id. */
export function personStandings(context: AnalysisContext, person: Person): TrainingStanding[] {
  const dutiesByTraining = new Map<string, Duty[]>();
  for (const duty of context.duties(person)) {
    for (const training of context.requiredTrainings(duty.role)) {
      const duties = dutiesByTraining.get(training.id) ?? [];
      duties.push(duty);
      dutiesByTraining.set(training.id, duties);
    }
  }
  const standings: TrainingStanding[] = [];
  for (const [training, duties] of dutiesByTraining) {
    const roles = duties.map((duty) => duty.role);
    const definitions = context.trainingDefinitions(training, roles);
    standings.push(assess(context, person, training, definitions, duties));
  }
  return standings.sort((a, b) => compareText(a.training, b.training));
}

function assess(
  context: AnalysisContext,
  person: Person,
  training: string,
  definitions: TrainingRequirement[],
  duties: Duty[],
): TrainingStanding {
  // A completion dated after the analysis date has not happened yet as of that date, so
  // an audit run for a past date sees the records as they stood then.
  const recorded = person.completed.filter((completion) => completion.training === training);
  const completions = recorded.filter(
    (completion) => completion.date === undefined || completion.date <= context.today,
  );
  const later = recorded
    .filter((completion) => completion.date !== undefined && completion.date > context.today)
    .sort((a, b) => compareText(a.date!, b.date!));
  const dated = completions
    .filter((completion) => isValidDate(completion.date))
    .sort((a, b) => compareText(a.date!, b.date!));
  // NOTE: a completion without a date counts as done but never expires. The readers report
  // a date placeholder such as `[Date]` as an unfilled template.
  const latest = dated[dated.length - 1] ?? completions[0];
  const firstDuty = [...duties].sort((a, b) => compareText(a.from ?? '', b.from ?? ''))[0]!;
  const standing: TrainingStanding = {
    person,
    training,
    definitions,
    duties,
    firstDuty,
    latest,
    first: dated[0],
    dueDate: dueDate(firstDuty, definitions),
    status: 'missing',
  };
  if (latest) {
    standing.expiry = expiryDate(latest, definitions);
    standing.status = completedStatus(context, standing.expiry);
    return standing;
  }
  if (later[0]) standing.futureCompletion = later[0];
  standing.status = pendingStatus(context, standing.dueDate);
  return standing;
}

/**
 * Returns the date a completion stops counting: its `expires` date or its date plus the
 * recurrence, whichever comes first, because the stricter of the two is the one an
 * auditor applies. Undefined when neither is stated.
 */
export function expiryDate(
  completion: CompletedTraining,
  definitions: TrainingRequirement[],
): string | undefined {
  let expiry = isValidDate(completion.expires) ? completion.expires : undefined;
  if (isValidDate(completion.date)) {
    for (const definition of definitions) {
      if (definition.recurrence === undefined) continue;
      expiry = earlierDate(expiry, addDuration(completion.date, definition.recurrence));
    }
  }
  return expiry;
}

/**
 * Returns the status of a completed training. A training is valid through its expiry date
 * and expired from the next day on, so one expiring on the analysis date still counts that
 * day, as expiring.
 */
function completedStatus(context: AnalysisContext, expiry: string | undefined): TrainingStatus {
  if (expiry === undefined) return 'done';
  if (expiry < context.today) return 'expired';
  const warningEnd = addDays(context.today, context.expiryWarningDays);
  if (warningEnd !== undefined && expiry <= warningEnd) return 'due-soon';
  return 'done';
}

/**
 * Returns the status of a training with no completion that counts. It is due soon up to and
 * including its due date and overdue after it. Without a due date, because the profile
 * states no grace period or the assignment no start date, it is missing.
 */
function pendingStatus(context: AnalysisContext, due: string | undefined): TrainingStatus {
  if (due === undefined) return 'missing';
  return context.today <= due ? 'due-soon' : 'overdue';
}

function dueDate(duty: Duty, definitions: TrainingRequirement[]): string | undefined {
  const graceDays = definitions
    .map((definition) => definition.dueWithinDays)
    .filter((days): days is number => days !== undefined);
  if (duty.from === undefined || graceDays.length === 0) return undefined;
  return addDays(duty.from, Math.min(...graceDays));
}
