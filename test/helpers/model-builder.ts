// Builds `WorkspaceModel` values and a small catalog for tests of the coverage analysis.
// Every entity gets its own line in its file, so each gap points at a distinct range.
import {
  analyseCoverage,
  type CoverageOptions,
} from '../../server/src/language-service/coverage/analyse';
import type { CoverageResult, Gap, GapCode } from '../../server/src/shared/coverage';
import type {
  Catalog,
  CatalogAssessmentMethod,
  CatalogClause,
  CatalogCompetency,
  CatalogRole,
  CatalogTrainingType,
} from '../../server/src/language-service/catalog-types';
import {
  emptyEntities,
  type AssessmentProgram,
  type AssessmentRecord,
  type CompetencyRequirement,
  type FileEntities,
  type Level,
  type Location,
  type Origin,
  type ReferenceKind,
  type Role,
  type TrainingType,
  type WorkspaceModel,
} from '../../server/src/language-service/model';

export const FILES = {
  program: 'file:///qms/training-program.yaml',
  roles: 'file:///qms/roles.yaml',
  profiles: 'file:///qms/profiles.yaml',
  records: 'file:///qms/records.yaml',
  matrices: 'file:///qms/matrix.yaml',
} as const;

export interface TrainingInput {
  id: string;
  title?: string;
  type?: TrainingType;
  /** Competency id to level. */
  covers?: Record<string, Level>;
  recurrence?: string;
  recurrenceText?: string;
  recurrenceUnclear?: boolean;
  dueWithinDays?: number;
}

export interface AssignmentInput {
  role: string;
  from?: string;
  to?: string;
  item?: string;
  objectivityMeasure?: string;
}

export interface CompletionInput {
  training: string;
  date?: string;
  expires?: string;
  assessment?: Omit<AssessmentRecord, 'location'>;
}

export interface RecordInput {
  name?: string;
  startDate?: string;
  assignments?: AssignmentInput[];
  completed?: CompletionInput[];
  file?: string;
  /** How the record was read; `table` makes each row belong to the person named in it. */
  origin?: Origin;
}

export interface RoleInput {
  title?: string;
  clauses?: string[];
  competencies?: Record<string, Level>;
  independentOf?: string[];
  origin?: Origin;
  mapping?: Role['mapping'];
  file?: string;
}

export class ModelBuilder {
  private readonly entities: FileEntities = emptyEntities();
  private readonly nextLine = new Map<string, number>();

  /** Returns a location on the next free line of the file. */
  at(uri: string, width = 10): Location {
    const line = this.nextLine.get(uri) ?? 0;
    this.nextLine.set(uri, line + 1);
    return { uri, range: { start: { line, character: 0 }, end: { line, character: width } } };
  }

  program(
    id: string,
    options: { owner?: string; assessmentPrograms?: Omit<AssessmentProgram, 'location'>[] } = {},
  ): this {
    const location = this.at(FILES.program);
    this.entities.programs.push({
      id,
      owner: options.owner,
      triggers: ['new-hire', 'role-change'],
      reviewInterval: 'P1Y',
      assessmentPrograms: (options.assessmentPrograms ?? []).map((program) => ({
        ...program,
        location: this.at(FILES.program),
      })),
      origin: 'yaml',
      location,
    });
    return this;
  }

  role(id: string, options: RoleInput = {}): this {
    const file = options.file ?? FILES.roles;
    this.entities.roles.push({
      id,
      title: options.title,
      clauses: options.clauses ?? [],
      responsibilities: [],
      competencies: this.requirements(file, options.competencies ?? {}),
      independentOf: options.independentOf ?? [],
      origin: options.origin ?? 'yaml',
      location: this.at(file),
      mapping: options.mapping,
    });
    return this;
  }

  profile(
    id: string,
    role: string,
    trainings: TrainingInput[],
    options: {
      assessment?: { method: string; program?: string };
      file?: string;
      origin?: Origin;
    } = {},
  ): this {
    const file = options.file ?? FILES.profiles;
    const location = this.at(file);
    this.entities.profiles.push({
      id,
      role,
      trainings: trainings.map((training) => ({
        id: training.id,
        title: training.title,
        type: training.type ?? 'role-specific',
        covers: this.requirements(file, training.covers ?? {}),
        recurrence: training.recurrence,
        recurrenceText: training.recurrenceText,
        recurrenceUnclear: training.recurrenceUnclear,
        dueWithinDays: training.dueWithinDays,
        location: this.at(file),
      })),
      assessment: options.assessment && { ...options.assessment, location: this.at(file) },
      origin: options.origin ?? 'yaml',
      location,
    });
    return this;
  }

  record(person: string, options: RecordInput = {}): this {
    const file = options.file ?? FILES.records;
    const location = this.at(file);
    this.entities.records.push({
      id: person,
      name: options.name,
      startDate: options.startDate,
      assignments: (options.assignments ?? []).map((assignment) => ({
        ...assignment,
        location: this.at(file),
      })),
      completed: (options.completed ?? []).map((completion) => {
        const at = this.at(file);
        const assessment = completion.assessment && {
          ...completion.assessment,
          location: this.at(file),
        };
        return { ...completion, assessment, location: at };
      }),
      origin: options.origin ?? 'yaml',
      location,
    });
    return this;
  }

  matrix(
    id: string,
    asOf: string | undefined,
    people: { person: string; roles?: string[]; levels: Record<string, Level> }[],
  ): this {
    const location = this.at(FILES.matrices);
    this.entities.matrices.push({
      id,
      asOf,
      people: people.map((entry) => ({
        person: entry.person,
        roles: entry.roles ?? [],
        levels: entry.levels,
        location: this.at(FILES.matrices),
      })),
      origin: 'yaml',
      location,
    });
    return this;
  }

  reference(kind: ReferenceKind, id: string, file: string = FILES.records): this {
    this.entities.references.push({ kind, id, ...this.at(file, id.length) });
    return this;
  }

  /** Adds a reference at a given place, such as inside an entity added before. */
  referenceAt(kind: ReferenceKind, id: string, location: Location): this {
    this.entities.references.push({ kind, id, ...location });
    return this;
  }

  unfilled(text: string, field?: string, file: string = FILES.records): this {
    this.entities.unfilled.push({ text, field, ...this.at(file, text.length) });
    return this;
  }

  build(): WorkspaceModel {
    const files = [...this.nextLine.keys()].sort();
    return { ...structuredClone(this.entities), files };
  }

  private requirements(file: string, levels: Record<string, Level>): CompetencyRequirement[] {
    return Object.entries(levels).map(([competency, level]) => ({
      competency,
      level,
      location: this.at(file),
    }));
  }
}

/** A small catalog with the roles, clauses and methods the coverage tests use. */
export function testCatalog(): Catalog {
  const clauses: CatalogClause[] = [
    clause('IEC81001-5-1:4.1.4', 'Security training', false, false),
    clause('IEC81001-5-1:5.5.1', 'Secure coding', true, true),
    clause('IEC81001-5-1:5.7', 'Security testing', true, false),
    clause('IEC81001-5-1:5.7.1', 'Security requirements testing', true, true),
    clause('IEC81001-5-1:7.2', 'Threat model', true, true, ['IEC62443-4-1:SR-2']),
    clause('ISO13485:6.2', 'Human resources', false, false),
  ];
  const roles: CatalogRole[] = [
    role('software-developer', ['IEC81001-5-1:5.5.1'], { 'secure-coding': 2 }),
    role('security-tester', ['IEC81001-5-1:5.7.1'], { fuzzing: 2 }, ['software-developer']),
    role('threat-modeler', ['IEC81001-5-1:7.2'], { stride: 3, 'attack-trees': 2 }),
    role('product-security-lead', ['IEC81001-5-1:4.1.4'], { 'security-awareness': 2 }),
    role('all-personnel', [], { 'security-awareness': 1 }),
  ];
  const competencies: CatalogCompetency[] = [
    'stride',
    'attack-trees',
    'secure-coding',
    'fuzzing',
    'security-awareness',
  ].map((id) => ({ id, title: id, description: id, frameworks: [], technical: true }));
  const assessmentMethods: CatalogAssessmentMethod[] = [
    method('quiz', true, 'pass threshold'),
    method('acknowledgment', false),
    method('supervised-practice', true),
    method('peer-review', true),
    method('self-assessment', true, 'justification'),
  ];
  const trainingTypes: CatalogTrainingType[] = [
    { id: 'awareness', title: 'Awareness', description: '', maxLevel: 1 },
    { id: 'read-and-acknowledge', title: 'Read', description: '', maxLevel: 1 },
    { id: 'role-specific', title: 'Role-specific', description: '', maxLevel: 4 },
    { id: 'certification', title: 'Certification', description: '', maxLevel: 4 },
    { id: 'on-the-job', title: 'On the job', description: '', maxLevel: 3 },
  ];
  return {
    clauses,
    roles,
    competencies,
    levels: [],
    assessmentMethods,
    trainingTypes,
    clause: (id) => clauses.find((entry) => entry.id === id),
    role: (id) => roles.find((entry) => entry.id === id),
    competency: (id) => competencies.find((entry) => entry.id === id),
    assessmentMethod: (id) => assessmentMethods.find((entry) => entry.id === id),
  };
}

function clause(
  id: string,
  title: string,
  technical: boolean,
  inScope: boolean,
  parallels: string[] = [],
): CatalogClause {
  return { id, title, technical, inScope, parallels };
}

function role(
  id: string,
  clauses: string[],
  levels: Record<string, Level>,
  independentOf: string[] = [],
): CatalogRole {
  const competencies = Object.entries(levels).map(([competency, level]) => ({
    competency,
    level,
  }));
  return { id, title: id, description: id, clauses, competencies, independentOf, keywords: [] };
}

function method(
  id: string,
  demonstratesExpertise: boolean,
  condition?: string,
): CatalogAssessmentMethod {
  return { id, title: id, description: id, demonstratesExpertise, condition };
}

export const TODAY = '2026-06-01';

/**
 * Adds a workspace with no gaps on `TODAY`: a program with a quiz, three described roles
 * that serve every in-scope clause of the test catalog, their profiles, and one person
 * per role with current, assessed training.
 */
export function coveredWorkspace(builder = new ModelBuilder()): ModelBuilder {
  const quiz = { method: 'quiz', program: 'security-quiz' };
  const passed = { method: 'quiz', result: 90, date: '2026-01-20' } as const;
  return builder
    .program('security-training-program', {
      assessmentPrograms: [{ id: 'security-quiz', method: 'quiz', passThreshold: 80 }],
    })
    .role('threat-modeler', { clauses: ['IEC81001-5-1:7.2'], competencies: { stride: 3 } })
    .role('security-tester', {
      clauses: ['IEC81001-5-1:5.7.1'],
      competencies: { fuzzing: 2 },
      independentOf: ['software-developer'],
    })
    .role('software-developer', {
      clauses: ['IEC81001-5-1:5.5.1'],
      competencies: { 'secure-coding': 2 },
    })
    .profile(
      'threat-modeler-profile',
      'threat-modeler',
      [{ id: 'stride-workshop', covers: { stride: 3 }, recurrence: 'P1Y', dueWithinDays: 30 }],
      { assessment: quiz },
    )
    .profile(
      'security-tester-profile',
      'security-tester',
      [{ id: 'fuzzing-course', covers: { fuzzing: 2 }, recurrence: 'P2Y', dueWithinDays: 30 }],
      { assessment: quiz },
    )
    .profile(
      'software-developer-profile',
      'software-developer',
      [
        {
          id: 'secure-coding-course',
          covers: { 'secure-coding': 2 },
          recurrence: 'P1Y',
          dueWithinDays: 30,
        },
      ],
      { assessment: quiz },
    )
    .record('p-0001', {
      name: 'Alex Example',
      assignments: [{ role: 'threat-modeler', from: '2025-01-01' }],
      completed: [
        { training: 'stride-workshop', date: '2024-12-20' },
        { training: 'stride-workshop', date: '2026-01-15', assessment: passed },
      ],
    })
    .record('p-0002', {
      assignments: [{ role: 'security-tester', from: '2025-01-01' }],
      completed: [{ training: 'fuzzing-course', date: '2024-12-01', assessment: passed }],
    })
    .record('p-0003', {
      assignments: [{ role: 'software-developer', from: '2025-01-01' }],
      completed: [
        { training: 'secure-coding-course', date: '2024-12-20' },
        { training: 'secure-coding-course', date: '2026-01-10', assessment: passed },
      ],
    });
}

/** Runs the analysis over the builder's model with the test catalog on `TODAY`. */
export function analyseBuilt(
  builder: ModelBuilder,
  options: Partial<CoverageOptions> = {},
): CoverageResult {
  return analyseCoverage(builder.build(), testCatalog(), {
    today: TODAY,
    expiryWarningDays: 30,
    ...options,
  });
}

export function gapsWithCode(result: CoverageResult, code: GapCode): Gap[] {
  return result.gaps.filter((gap) => gap.code === code);
}
