// Shapes of the built-in catalog shipped in `schemas/catalog/*.json`.
import type { Level, TrainingType } from './model';

export interface CatalogClause {
  /** Clause reference as users write it: `IEC81001-5-1:5.7.3`, `IEC62443-4-1:SM-4`, `ISO13485:6.2`. */
  id: string;
  title: string;
  /** True for engineering activities, where awareness training never suffices. */
  technical: boolean;
  /** Clauses of other standards that cover the same practice. */
  parallels: string[];
  /** Whether the coverage analysis expects some role to serve this clause. */
  inScope: boolean;
}

export interface CatalogRole {
  id: string;
  title: string;
  description: string;
  clauses: string[];
  competencies: { competency: string; level: Level }[];
  /** Roles the same person may not hold for the same item. */
  independentOf: string[];
  /** Words and phrases that identify the role in job titles and responsibilities. */
  keywords: string[];
}

export interface CatalogCompetency {
  id: string;
  title: string;
  description: string;
  /** Frameworks and standards the competency draws on, such as `OWASP Top 10`. */
  frameworks: string[];
  technical: boolean;
}

export interface CatalogLevel {
  value: Level;
  id: string;
  title: string;
  description: string;
}

export interface CatalogAssessmentMethod {
  id: string;
  title: string;
  description: string;
  /** False for methods that show attendance or reading only, such as `acknowledgment`. */
  demonstratesExpertise: boolean;
  /** A condition the method needs to count, such as a pass threshold or a justification. */
  condition?: string;
}

export interface CatalogTrainingType {
  id: TrainingType;
  title: string;
  description: string;
  /** Highest level a training of this type can give on its own. */
  maxLevel: Level;
}

export interface Catalog {
  clauses: CatalogClause[];
  roles: CatalogRole[];
  competencies: CatalogCompetency[];
  levels: CatalogLevel[];
  assessmentMethods: CatalogAssessmentMethod[];
  trainingTypes: CatalogTrainingType[];
  clause(id: string): CatalogClause | undefined;
  role(id: string): CatalogRole | undefined;
  competency(id: string): CatalogCompetency | undefined;
  assessmentMethod(id: string): CatalogAssessmentMethod | undefined;
}
