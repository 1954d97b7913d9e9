// Gaps of independence: one person holding two roles that must be held by different people
// for the same item, such as the developer and the security tester of one product.
import type { Gap } from '../../shared/coverage';
import type { RoleAssignment } from '../model';
import type { AnalysisContext, Person } from './context';
import { CLAUSE_TESTER_INDEPENDENCE, createGap } from './gap';
import { personName } from './people';

export function findIndependenceGaps(context: AnalysisContext, person: Person): Gap[] {
  const current = person.assignments.filter((assignment) => context.isCurrent(assignment));
  const gaps: Gap[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < current.length; i++) {
    for (let j = i + 1; j < current.length; j++) {
      const pair = conflict(context, current[i]!, current[j]!);
      if (!pair) continue;
      const key = `${pair.independent.role}|${pair.other.role}|${pair.independent.item ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const item = pair.independent.item ? `item "${pair.independent.item}"` : 'the same item';
      gaps.push(
        createGap({
          code: 'tester-not-independent',
          clause: CLAUSE_TESTER_INDEPENDENCE,
          message: `Person ${personName(person)} holds both "${pair.other.role}" and "${pair.independent.role}" for ${item}, which must be held by different people, and no objectivity measure is recorded.`,
          fix: `Assign "${pair.independent.role}" for this item to another person, or record the objectivity measure (such as a review by a second person) in the assignment's objectivityMeasure.`,
          at: context.place(pair.independent.location, person.location),
          roles: [pair.independent.role, pair.other.role],
          people: [person.id],
        }),
      );
    }
  }
  return gaps;
}

/**
 * Returns the two assignments when their roles must be held by different people for the
 * same item and neither records an objectivity measure. Assignments without an item count
 * as being for the same item. `independent` is the role that declares the constraint.
 */
function conflict(
  context: AnalysisContext,
  a: RoleAssignment,
  b: RoleAssignment,
): { independent: RoleAssignment; other: RoleAssignment } | undefined {
  if (a.role === b.role || (a.item ?? '') !== (b.item ?? '')) return undefined;
  if (a.objectivityMeasure || b.objectivityMeasure) return undefined;
  const viewA = context.roleView(a.role);
  const viewB = context.roleView(b.role);
  if (viewA.independentOf.some((id) => viewB.aliases.includes(id))) {
    return { independent: a, other: b };
  }
  if (viewB.independentOf.some((id) => viewA.aliases.includes(id))) {
    return { independent: b, other: a };
  }
  return undefined;
}
