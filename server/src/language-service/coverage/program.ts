// Gaps of the training program: the activity that identifies training needs, and the
// assessment programs that show training worked.
import type { Gap } from '../../shared/coverage';
import type { AnalysisContext } from './context';
import { createGap } from './gap';

export function findProgramGaps(context: AnalysisContext): Gap[] {
  const programs = context.model.programs;
  if (programs.length === 0) {
    return [
      createGap({
        code: 'no-training-program',
        message: 'No TrainingProgram identifies the security training needs of the roles.',
        fix: 'Add a TrainingProgram document with an owner role, the triggers for a training needs analysis and at least one assessment program.',
        at: context.anchor,
      }),
    ];
  }
  if (programs.some((program) => program.assessmentPrograms.length > 0)) return [];
  return programs.map((program) =>
    createGap({
      code: 'no-training-program',
      obligation: 'assessment-programs',
      message: `Training program "${program.id}" defines no assessment program.`,
      fix: 'Add an entry under assessmentPrograms with its method, pass criteria and assessor qualification.',
      at: context.place(program.location),
      roles: program.owner ? [program.owner] : [],
    }),
  );
}
