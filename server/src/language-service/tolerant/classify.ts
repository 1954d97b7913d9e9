// Classifies a free-text training requirement: its type, the competencies it covers and at
// which level, and the assessment method it names, by the keyword rules.
import type { CompetencyRequirement, Level, TrainingType } from '../model';
import { allMatches, firstMatch, type CompiledKeywordRules } from './keyword-rules';

export interface TrainingClassification {
  type: TrainingType;
  level: Level;
  /** Competency ids the text names, in rule order. */
  competencies: string[];
}

/**
 * Classifies a training by its text. An awareness training gives level 1; any other gives
 * level 2 unless a level rule (advanced, expert) matches.
 */
export function classifyTraining(
  text: string,
  rules: CompiledKeywordRules,
): TrainingClassification {
  const type = firstMatch(rules.trainingTypes, text) ?? 'role-specific';
  const level: Level = type === 'awareness' ? 1 : (firstMatch(rules.levels, text) ?? 2);
  return { type, level, competencies: allMatches(rules.competencies, text) };
}

export function coveredCompetencies(
  classification: TrainingClassification,
): CompetencyRequirement[] {
  return classification.competencies.map((competency) => ({
    competency,
    level: classification.level,
  }));
}

/** Returns the assessment method the text names (quiz, sign-off, certification, …), if any. */
export function findAssessmentMethod(
  text: string,
  rules: CompiledKeywordRules,
): string | undefined {
  return firstMatch(rules.assessments, text);
}
