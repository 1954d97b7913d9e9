// The workspace model: what the strict YAML kinds and the tolerant readers of Markdown
// conventions both produce, and what the coverage analysis reads. Every entity keeps the
// place it was written, so a gap or a reference can point back at the text to change.
import type { Range } from 'vscode-languageserver-types';

/** Competence level: 0 none, 1 awareness, 2 basic, 3 proficient, 4 expert. */
export type Level = 0 | 1 | 2 | 3 | 4;

export const LEVEL_NAMES = ['none', 'awareness', 'basic', 'proficient', 'expert'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

export const TRAINING_TYPES = [
  'awareness',
  'role-specific',
  'certification',
  'on-the-job',
  'read-and-acknowledge',
] as const;
export type TrainingType = (typeof TRAINING_TYPES)[number];

export const DOCUMENT_KINDS = [
  'TrainingProgram',
  'RoleDescription',
  'TrainingProfile',
  'TrainingRecord',
  'CompetencyMatrix',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The reader and document form an entity came from. */
export type Origin =
  'catalog' | 'yaml' | 'front-matter' | 'fence' | 'job-description' | 'table' | 'procedure';

/** A place in a workspace file: a document URI and an LSP range (UTF-16 columns). */
export interface Location {
  uri: string;
  range: Range;
}

export type ReferenceKind =
  | 'role'
  | 'training'
  | 'competency'
  | 'person'
  | 'assessment-program'
  | 'assessment-method'
  | 'clause';

/** Names of the reference kinds as messages and hovers print them. */
export const REFERENCE_KIND_NAMES: Record<ReferenceKind, string> = {
  role: 'role',
  training: 'training',
  competency: 'competency',
  person: 'person',
  'assessment-program': 'assessment program',
  'assessment-method': 'assessment method',
  clause: 'clause',
};

/**
 * An id used at a place in a file. The workspace checks each one against the ids that
 * are defined, and definition, references and rename walk them.
 */
export interface Reference extends Location {
  kind: ReferenceKind;
  id: string;
}

export interface CompetencyRequirement {
  competency: string;
  level: Level;
  location?: Location;
}

export interface Role {
  id: string;
  title?: string;
  clauses: string[];
  responsibilities: string[];
  competencies: CompetencyRequirement[];
  /** Roles that may not be held by the same person for the same item. */
  independentOf: string[];
  origin: Origin;
  location?: Location;
  /** Catalog roles a tolerant reader matched this role to, with the reason shown in hovers. */
  mapping?: { catalogRoles: string[]; reason: string };
}

export interface TrainingRequirement {
  id: string;
  title?: string;
  type: TrainingType;
  covers: CompetencyRequirement[];
  /** ISO 8601 duration such as `P1Y`; absent when the training never needs repeating. */
  recurrence?: string;
  /** The prose the recurrence was read from, when it came from free text. */
  recurrenceText?: string;
  /** True when a recurrence was stated but could not be read. */
  recurrenceUnclear?: boolean;
  dueWithinDays?: number;
  location?: Location;
}

export interface ProfileAssessment {
  method: string;
  program?: string;
  location?: Location;
}

export interface TrainingProfile {
  id: string;
  role: string;
  trainings: TrainingRequirement[];
  assessment?: ProfileAssessment;
  origin: Origin;
  location?: Location;
  /** Set when the requirement names departments in place of roles (procedure front matter). */
  departments?: string[];
}

export type AssessmentResult = 'pass' | 'fail' | number;

export interface AssessmentRecord {
  method: string;
  result?: AssessmentResult;
  assessor?: string;
  /** ISO 8601 calendar date, `YYYY-MM-DD`. */
  date?: string;
  /** The reason a self-assessment suffices here. A self-assessment without one demonstrates nothing. */
  justification?: string;
  location?: Location;
}

export interface CompletedTraining {
  training: string;
  /** ISO 8601 calendar date, `YYYY-MM-DD`. */
  date?: string;
  version?: string;
  assessment?: AssessmentRecord;
  expires?: string;
  evidence?: string;
  location?: Location;
}

export interface RoleAssignment {
  role: string;
  from?: string;
  to?: string;
  /** The product or software item the assignment is for; independence is checked per item. */
  item?: string;
  /** A documented objectivity measure that allows one person to hold independent roles. */
  objectivityMeasure?: string;
  location?: Location;
}

export interface PersonRecord {
  id: string;
  name?: string;
  startDate?: string;
  assignments: RoleAssignment[];
  completed: CompletedTraining[];
  origin: Origin;
  location?: Location;
}

export interface MatrixEntry {
  person: string;
  roles: string[];
  levels: Record<string, Level>;
  location?: Location;
}

export interface CompetencyMatrix {
  id: string;
  asOf?: string;
  people: MatrixEntry[];
  origin: Origin;
  location?: Location;
}

export interface AssessmentProgram {
  id: string;
  method: string;
  passThreshold?: number;
  assessorQualification?: string;
  location?: Location;
}

export interface TrainingProgram {
  id: string;
  owner?: string;
  triggers: string[];
  reviewInterval?: string;
  assessmentPrograms: AssessmentProgram[];
  origin: Origin;
  location?: Location;
}

/** A template placeholder left in a value, such as `[Date]` or `YYYY-MM-DD`. */
export interface UnfilledValue extends Location {
  text: string;
  /** The name of the field the value belongs to, for messages, such as "completion date". */
  field?: string;
}

/** Everything one file contributes to the workspace. */
export interface FileEntities {
  programs: TrainingProgram[];
  roles: Role[];
  profiles: TrainingProfile[];
  records: PersonRecord[];
  matrices: CompetencyMatrix[];
  references: Reference[];
  unfilled: UnfilledValue[];
}

export function emptyEntities(): FileEntities {
  return {
    programs: [],
    roles: [],
    profiles: [],
    records: [],
    matrices: [],
    references: [],
    unfilled: [],
  };
}

/** The merged entities of every workspace file, as the coverage analysis reads them. */
export interface WorkspaceModel extends FileEntities {
  /** URIs of every file read, in sorted order. */
  files: string[];
}
