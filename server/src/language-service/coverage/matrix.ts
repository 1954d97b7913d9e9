// The person-by-role matrix: one cell per person and role held at the analysis date, with
// the worst status among the trainings the role requires. A training that is done but lacks
// the passed assessment the profile asks for counts as missing: it demonstrates nothing yet.
import type { Gap, PersonRoleCell } from '../../shared/coverage';
import type { AnalysisContext, Person } from './context';
import { STATUS_RANK, type TrainingStanding } from './standing';

export function buildMatrixCells(
  context: AnalysisContext,
  person: Person,
  standings: TrainingStanding[],
  personGaps: Gap[],
): PersonRoleCell[] {
  return context.duties(person).map((duty) => {
    const required = new Set(context.requiredTrainings(duty.role).map((training) => training.id));
    // A role that requires no training shows as missing: nothing shows the person trained
    // for it, and the role's profile gaps name what to add.
    let worst: PersonRoleCell = { person: person.id, role: duty.role, status: 'missing' };
    let first = true;
    for (const standing of standings) {
      if (!required.has(standing.training)) continue;
      if (first || STATUS_RANK[standing.status] > STATUS_RANK[worst.status]) {
        worst = {
          person: person.id,
          role: duty.role,
          status: standing.status,
          training: standing.training,
        };
      }
      first = false;
    }
    const unassessed = personGaps.some(
      (gap) => gap.code === 'assessment-missing' && gap.roles.includes(duty.role),
    );
    if (unassessed && STATUS_RANK.missing > STATUS_RANK[worst.status]) {
      worst = { person: person.id, role: duty.role, status: 'missing' };
    }
    return worst;
  });
}
