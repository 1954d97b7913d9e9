// Indexes over the workspace model that every gap family reads: roles as the analysis sees
// them, the trainings each role requires, people with their current duties, and the places
// where roles are used.
import { appendAll } from '../collections';
import type { CoverageOptions } from './analyse';
import type { Catalog, CatalogRole } from '../catalog-types';
import type {
  CompetencyRequirement,
  CompletedTraining,
  Level,
  Location,
  PersonRecord,
  Role,
  RoleAssignment,
  TrainingProfile,
  TrainingRequirement,
  WorkspaceModel,
} from '../model';
import { compareLocations, compareText, unique } from './gap';

/**
 * The catalog role every person holds from their start date once the workspace has a
 * training profile for it: the awareness baseline of the whole organisation.
 */
export const BASELINE_ROLE = 'all-personnel';

/** A role as the analysis uses it: the workspace description, else the catalog role. */
export interface RoleView {
  id: string;
  description?: Role;
  catalogRole?: CatalogRole;
  clauses: string[];
  competencies: { competency: string; level: Level }[];
  independentOf: string[];
  /** The role id and the catalog roles a tolerant reader mapped it to. */
  aliases: string[];
}

/** One person, merged over every record that carries their id. */
export interface Person {
  id: string;
  name?: string;
  startDate?: string;
  assignments: RoleAssignment[];
  completed: CompletedTraining[];
  location?: Location;
}

/** A role a person holds at the analysis date. */
export interface Duty {
  role: string;
  from?: string;
  /** Absent for the baseline role, which no assignment names. */
  assignment?: RoleAssignment;
  at: Location;
}

export class AnalysisContext {
  readonly today: string;
  readonly expiryWarningDays: number;
  /** Workspace roles by id; the first in file order wins when an id repeats. */
  readonly roles = new Map<string, Role>();
  readonly profilesByRole = new Map<string, TrainingProfile[]>();
  readonly people: Person[];
  /** Every place a role id is used: assignments, profiles, matrices, program owners. */
  readonly roleUses = new Map<string, Location[]>();
  /**
   * The place for a gap that belongs to no entity, such as a missing training program: the
   * start of a competency document (see `anchorFile`), because every gap needs a file.
   */
  readonly anchor: Location;
  readonly hasEntities: boolean;

  constructor(
    readonly model: WorkspaceModel,
    readonly catalog: Catalog,
    options: CoverageOptions,
  ) {
    this.today = options.today;
    this.expiryWarningDays = options.expiryWarningDays;
    for (const role of model.roles) if (!this.roles.has(role.id)) this.roles.set(role.id, role);
    for (const profile of model.profiles) {
      const list = this.profilesByRole.get(profile.role) ?? [];
      list.push(profile);
      this.profilesByRole.set(profile.role, list);
    }
    this.people = mergePeople(model.records);
    this.indexRoleUses();
    this.anchor = { uri: anchorFile(model), range: { start: ZERO, end: ZERO } };
    this.hasEntities =
      model.programs.length +
        model.roles.length +
        model.profiles.length +
        model.records.length +
        model.matrices.length >
      0;
  }

  /** Returns the first defined location, or the anchor. */
  place(...candidates: (Location | undefined)[]): Location {
    return candidates.find((candidate) => candidate !== undefined) ?? this.anchor;
  }

  isKnownRole(id: string): boolean {
    return this.roles.has(id) || this.catalog.role(id) !== undefined;
  }

  roleView(id: string): RoleView {
    const description = this.roles.get(id);
    const catalogRole = this.catalog.role(id);
    if (!description) {
      return {
        id,
        catalogRole,
        clauses: catalogRole?.clauses ?? [],
        competencies: catalogRole?.competencies ?? [],
        independentOf: catalogRole?.independentOf ?? [],
        aliases: [id],
      };
    }
    // A tolerant reader maps a job description to catalog roles. Those roles fill in what
    // prose could not state, such as the clauses served and the competencies needed.
    const mapped = (description.mapping?.catalogRoles ?? [])
      .map((roleId) => this.catalog.role(roleId))
      .filter((role): role is CatalogRole => role !== undefined);
    const competencies =
      description.competencies.length > 0
        ? description.competencies
        : mapped.flatMap((role) => role.competencies);
    return {
      id,
      description,
      catalogRole,
      clauses: unique([...description.clauses, ...mapped.flatMap((role) => role.clauses)]),
      competencies: highestLevels(competencies),
      independentOf: unique([
        ...description.independentOf,
        ...mapped.flatMap((role) => role.independentOf),
      ]),
      aliases: unique([id, ...mapped.map((role) => role.id)]),
    };
  }

  /** Returns the trainings a role's profiles require, once per training id, in profile order. */
  requiredTrainings(roleId: string): TrainingRequirement[] {
    const byId = new Map<string, TrainingRequirement>();
    for (const profile of this.profilesByRole.get(roleId) ?? []) {
      for (const training of profile.trainings) {
        if (!byId.has(training.id)) byId.set(training.id, training);
      }
    }
    return [...byId.values()];
  }

  /** Returns every definition of a training id across the profiles of the given roles. */
  trainingDefinitions(trainingId: string, roleIds: string[]): TrainingRequirement[] {
    return roleIds.flatMap((roleId) =>
      (this.profilesByRole.get(roleId) ?? []).flatMap((profile) =>
        profile.trainings.filter((training) => training.id === trainingId),
      ),
    );
  }

  /** Returns the roles a person holds at the analysis date, in role id order. */
  duties(person: Person): Duty[] {
    const duties: Duty[] = [];
    for (const assignment of person.assignments) {
      if (!this.isCurrent(assignment)) continue;
      if (duties.some((duty) => duty.role === assignment.role)) continue;
      const at = this.place(assignment.location, person.location);
      duties.push({ role: assignment.role, from: assignment.from, assignment, at });
    }
    const holdsBaseline = duties.some((duty) => duty.role === BASELINE_ROLE);
    if (this.profilesByRole.has(BASELINE_ROLE) && !holdsBaseline) {
      const at = this.place(person.location);
      duties.push({ role: BASELINE_ROLE, from: person.startDate, at });
    }
    return duties.sort((a, b) => compareText(a.role, b.role));
  }

  /** True when the assignment has started and not ended at the analysis date. */
  isCurrent(assignment: RoleAssignment): boolean {
    if (assignment.from !== undefined && assignment.from > this.today) return false;
    return assignment.to === undefined || assignment.to >= this.today;
  }

  private indexRoleUses(): void {
    const use = (roleId: string | undefined, location: Location | undefined): void => {
      if (!roleId) return;
      const list = this.roleUses.get(roleId) ?? [];
      if (location) list.push(location);
      this.roleUses.set(roleId, list);
    };
    for (const program of this.model.programs) use(program.owner, program.location);
    for (const profile of this.model.profiles) use(profile.role, profile.location);
    for (const record of this.model.records) {
      for (const assignment of record.assignments) {
        use(assignment.role, assignment.location ?? record.location);
      }
    }
    for (const matrix of this.model.matrices) {
      for (const entry of matrix.people) {
        for (const roleId of entry.roles) use(roleId, entry.location ?? matrix.location);
      }
    }
    for (const locations of this.roleUses.values()) locations.sort(compareLocations);
  }
}

const ZERO = { line: 0, character: 0 };

function mergePeople(records: PersonRecord[]): Person[] {
  const byId = new Map<string, Person>();
  for (const record of records) {
    const person = byId.get(record.id);
    if (!person) {
      byId.set(record.id, {
        id: record.id,
        name: record.name,
        startDate: record.startDate,
        assignments: [...record.assignments],
        completed: [...record.completed],
        location: record.location,
      });
      continue;
    }
    person.name ??= record.name;
    person.startDate ??= record.startDate;
    person.location ??= record.location;
    appendAll(person.assignments, record.assignments);
    appendAll(person.completed, record.completed);
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

/** Keeps one requirement per competency, at the highest level asked for. */
function highestLevels(
  requirements: { competency: string; level: Level }[],
): CompetencyRequirement[] {
  const byCompetency = new Map<string, Level>();
  for (const { competency, level } of requirements) {
    byCompetency.set(competency, Math.max(level, byCompetency.get(competency) ?? 0) as Level);
  }
  return [...byCompetency].map(([competency, level]) => ({ competency, level }));
}

/**
 * Picks the file for gaps that belong to no entity: the first file (in sorted order) that
 * defines a program, role or profile, else one with records or a matrix, else the first file.
 * A README or an unrelated Markdown file is thus never where the user is sent.
 */
function anchorFile(model: WorkspaceModel): string {
  const definitions = [...model.programs, ...model.roles, ...model.profiles];
  const evidence = [...model.records, ...model.matrices];
  for (const group of [definitions, evidence]) {
    const files = group.flatMap((entity) => (entity.location ? [entity.location.uri] : []));
    if (files.length > 0) return files.sort()[0]!;
  }
  return model.files[0] ?? '';
}
