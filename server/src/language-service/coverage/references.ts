// Gaps of the text itself: ids that are defined nowhere, and template placeholders that
// were never filled in.
import type { Gap, ObligationId } from '../../shared/coverage';
import { REFERENCE_KIND_NAMES, type Reference, type ReferenceKind } from '../model';
import { didYouMean, suggest } from '../suggest';
import type { AnalysisContext } from './context';
import { createGap } from './gap';
import { RecordOwners } from './record-owners';

const KIND_OBLIGATIONS: Record<ReferenceKind, ObligationId> = {
  role: 'role-descriptions',
  training: 'training-profiles',
  competency: 'role-descriptions',
  person: 'training-records',
  'assessment-program': 'assessment-programs',
  'assessment-method': 'assessment-programs',
  clause: 'role-descriptions',
};

const KIND_FIXES: Record<ReferenceKind, string> = {
  role: 'Use the id of a catalog role or of a RoleDescription, or add a RoleDescription with this id.',
  training:
    'Use the id of a training listed in a TrainingProfile, or add the training to the profile of the role.',
  competency: 'Use a catalog competency id, or require the competency in a RoleDescription.',
  person: 'Use the person id of a TrainingRecord, or add a TrainingRecord for the person.',
  'assessment-program':
    'Use the id of an assessment program of the TrainingProgram, or add one with this id.',
  'assessment-method':
    'Use a catalog assessment method such as quiz, supervised-practice or peer-review.',
  clause: 'Use a clause reference from the catalog, written like IEC81001-5-1:5.7.3.',
};

export function findUnknownReferences(context: AnalysisContext): Gap[] {
  const defined = definedIds(context);
  const owners = new RecordOwners(context.model);
  const gaps: Gap[] = [];
  for (const reference of context.model.references) {
    const ids = defined[reference.kind];
    if (ids.has(reference.id)) continue;
    const suggestions = suggest(reference.id, ids);
    const name = REFERENCE_KIND_NAMES[reference.kind];
    gaps.push(
      createGap({
        code: 'unknown-reference',
        obligation: KIND_OBLIGATIONS[reference.kind],
        message: `Unknown ${name} "${reference.id}": no ${name} with this id is defined.${didYouMean(suggestions)}`,
        fix: KIND_FIXES[reference.kind],
        at: reference,
        roles: reference.kind === 'role' ? [reference.id] : [],
        people: referencedPeople(reference, owners),
        suggestions,
      }),
    );
  }
  return gaps;
}

/** Names the person a reference points at, and the people whose records contain it. */
function referencedPeople(reference: Reference, owners: RecordOwners): string[] {
  const owning = owners.ownersOf(reference);
  return reference.kind === 'person' ? [reference.id, ...owning] : owning;
}

export function findUnfilledTemplates(context: AnalysisContext): Gap[] {
  return context.model.unfilled.map((value) => {
    const what = value.field ?? 'value';
    const message =
      value.text.trim() === ''
        ? `Empty ${what} left from the template.`
        : `Template placeholder "${value.text}" is left in the ${what}.`;
    return createGap({
      code: 'unfilled-template',
      message,
      fix: `Fill in the ${what}, or delete it if it is unused.`,
      at: value,
    });
  });
}

/** Collects the ids each kind of reference may point at, from the workspace and the catalog. */
function definedIds(context: AnalysisContext): Record<ReferenceKind, Set<string>> {
  const { model, catalog } = context;
  return {
    role: new Set([...context.roles.keys(), ...catalog.roles.map((role) => role.id)]),
    training: new Set(
      model.profiles.flatMap((profile) => profile.trainings.map((training) => training.id)),
    ),
    competency: new Set([
      ...catalog.competencies.map((competency) => competency.id),
      ...model.roles.flatMap((role) => role.competencies.map((entry) => entry.competency)),
    ]),
    person: new Set(model.records.map((record) => record.id)),
    'assessment-program': new Set(
      model.programs.flatMap((program) => program.assessmentPrograms.map((entry) => entry.id)),
    ),
    'assessment-method': new Set(catalog.assessmentMethods.map((method) => method.id)),
    clause: new Set(catalog.clauses.map((clause) => clause.id)),
  };
}
