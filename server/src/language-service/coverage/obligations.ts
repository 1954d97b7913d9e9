// Verdicts on the six obligations of IEC 81001-5-1 clause 4.1.4: the documents that are
// evidence for each, and the gaps that count against it.
import {
  OBLIGATIONS,
  type Gap,
  type ObligationId,
  type ObligationSummary,
  type Verdict,
} from '../../shared/coverage';
import type { Location, WorkspaceModel } from '../model';
import { compareText, plural, unique } from './gap';

const TITLES: Record<ObligationId, string> = {
  'training-needs-activity': 'Activity that identifies training needs',
  'assessment-programs': 'Assessment programs',
  'demonstrated-expertise': 'Demonstrated expertise',
  'role-descriptions': 'Role descriptions',
  'training-profiles': 'Training profiles',
  'training-records': 'Training records',
};

/** Reasons for the verdict not-met when no document is evidence for an obligation. */
const MISSING_REASONS: Record<ObligationId, string> = {
  'training-needs-activity': 'No TrainingProgram identifies the training needs.',
  'assessment-programs': 'No TrainingProgram defines an assessment program.',
  'demonstrated-expertise': 'No training record shows a passed assessment.',
  'role-descriptions': 'No RoleDescription or job description describes a role.',
  'training-profiles': 'No TrainingProfile defines the training of a role.',
  'training-records': 'No TrainingRecord or competency matrix records training.',
};

/** How many people the analysis found, and how many of them are fully covered. */
export interface PeopleCount {
  total: number;
  covered: number;
}

export function summariseObligations(
  model: WorkspaceModel,
  gaps: Gap[],
  people: PeopleCount,
): ObligationSummary[] {
  const evidence = evidenceFiles(model);
  return OBLIGATIONS.map((id) => {
    const files = evidence[id];
    const counted = gaps.filter((gap) => gap.obligation === id);
    let { verdict, reason } = judge(id, files, counted);
    // Expertise is demonstrated person by person, so the verdict also follows the people
    // whose roles are not fully covered, whatever obligation their gaps count against.
    if (id === 'demonstrated-expertise' && verdict !== 'not-met' && people.covered < people.total) {
      const covered = `${people.covered} of ${people.total === 1 ? '1 person' : `${people.total} people`} fully covered`;
      verdict = people.covered === 0 ? 'not-met' : 'partly-met';
      reason = `${reason.replace(/\.$/, '')}; ${covered}.`;
    }
    return {
      id,
      title: TITLES[id],
      verdict,
      reason,
      evidence: files,
      gapCount: counted.length,
    };
  });
}

/**
 * Not met without evidence; partly met with evidence and an open error or warning; met
 * otherwise. Information gaps, such as a placeholder left in a template, do not lower the
 * verdict.
 */
function judge(
  id: ObligationId,
  files: string[],
  gaps: Gap[],
): { verdict: Verdict; reason: string } {
  if (files.length === 0) return { verdict: 'not-met', reason: MISSING_REASONS[id] };
  const errors = gaps.filter((gap) => gap.severity === 'error').length;
  const warnings = gaps.filter((gap) => gap.severity === 'warning').length;
  const documented = `Documented in ${plural(files.length, 'file')}`;
  if (errors + warnings === 0) {
    const notes = gaps.length > 0 ? ` (${plural(gaps.length, 'note')} for information)` : '';
    return { verdict: 'met', reason: `${documented} with no open error or warning${notes}.` };
  }
  const open = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(' and ');
  return { verdict: 'partly-met', reason: `${documented}, with ${open} open.` };
}

function evidenceFiles(model: WorkspaceModel): Record<ObligationId, string[]> {
  const passed = model.records.filter((record) =>
    record.completed.some((completion) => {
      const result = completion.assessment?.result;
      return result === 'pass' || typeof result === 'number';
    }),
  );
  return {
    'training-needs-activity': files(model.programs),
    'assessment-programs': files(
      model.programs.filter((program) => program.assessmentPrograms.length > 0),
    ),
    'demonstrated-expertise': files([...passed, ...model.matrices]),
    'role-descriptions': files(model.roles.filter((role) => role.origin !== 'catalog')),
    'training-profiles': files(model.profiles),
    'training-records': files([...model.records, ...model.matrices]),
  };
}

function files(entities: { location?: Location }[]): string[] {
  const uris = entities
    .map((entity) => entity.location?.uri)
    .filter((uri): uri is string => uri !== undefined);
  return unique(uris).sort(compareText);
}
