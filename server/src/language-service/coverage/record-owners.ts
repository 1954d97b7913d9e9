// Finds the person whose training record contains a place in a file, so a gap found in the
// text of a record (such as an unknown role in an assignment) names that person.
import type { Position, Range } from 'vscode-languageserver-types';
import type { Location, PersonRecord, WorkspaceModel } from '../model';

interface Owner {
  person: string;
  /**
   * For a record read from a Markdown table, whose rows may interleave people: the lines of
   * its places. Otherwise undefined, and `span` covers the record.
   */
  rows: Set<number> | undefined;
  /** From the first to the last of the record's places, computed once per record. */
  span: Range | undefined;
}

/** The start of an entity in a file, and the person when the entity is a record. */
interface EntityStart {
  start: Position;
  person?: string;
}

export class RecordOwners {
  private readonly ownersByFile = new Map<string, Owner[]>();
  private readonly startsByFile = new Map<string, EntityStart[]>();

  constructor(model: WorkspaceModel) {
    for (const record of model.records) this.addRecord(record);
    const others = [...model.programs, ...model.roles, ...model.profiles, ...model.matrices];
    for (const entity of others) this.addStart(entity.location);
    for (const starts of this.startsByFile.values()) {
      starts.sort((a, b) => comparePositions(a.start, b.start));
    }
  }

  /**
   * Returns the ids of the people whose records contain the place. A table row belongs to
   * the person of that row. Elsewhere a record spans from its first to its last field with a
   * place. A place outside every span belongs to the nearest entity that starts before it,
   * as in a YAML stream or a Markdown file with one record per fenced block.
   */
  ownersOf(place: Location): string[] {
    const owners = this.ownersByFile.get(place.uri) ?? [];
    const found = new Set<string>();
    for (const owner of owners) {
      if (owner.rows) {
        if (owner.rows.has(place.range.start.line)) found.add(owner.person);
      } else if (contains(owner.span, place.range.start)) {
        found.add(owner.person);
      }
    }
    if (found.size > 0) return [...found].sort();
    const preceding = this.nearestStartBefore(place);
    return preceding?.person !== undefined ? [preceding.person] : [];
  }

  private addRecord(record: PersonRecord): void {
    const places = [
      record.location,
      ...record.assignments.map((assignment) => assignment.location),
      ...record.completed.flatMap((completion) => [
        completion.location,
        completion.assessment?.location,
      ]),
    ];
    const uri = record.location?.uri;
    if (uri === undefined) return;
    const marks = places
      .filter((place): place is Location => place !== undefined && place.uri === uri)
      .map((place) => place.range);
    const owners = this.ownersByFile.get(uri) ?? [];
    const tabular = record.origin === 'table';
    owners.push({
      person: record.id,
      rows: tabular ? new Set(marks.map((mark) => mark.start.line)) : undefined,
      span: tabular ? undefined : span(marks),
    });
    this.ownersByFile.set(uri, owners);
    // A table record's place is its first row, so it does not mark where the next rows start.
    if (record.origin !== 'table') this.addStart(record.location, record.id);
  }

  private addStart(location: Location | undefined, person?: string): void {
    if (!location) return;
    const starts = this.startsByFile.get(location.uri) ?? [];
    starts.push({ start: location.range.start, ...(person !== undefined ? { person } : {}) });
    this.startsByFile.set(location.uri, starts);
  }

  private nearestStartBefore(place: Location): EntityStart | undefined {
    let nearest: EntityStart | undefined;
    for (const entry of this.startsByFile.get(place.uri) ?? []) {
      if (comparePositions(entry.start, place.range.start) > 0) break;
      nearest = entry;
    }
    return nearest;
  }
}

function span(ranges: Range[]): Range | undefined {
  let result: Range | undefined;
  for (const range of ranges) {
    if (!result) {
      result = range;
      continue;
    }
    const start = comparePositions(range.start, result.start) < 0 ? range.start : result.start;
    const end = comparePositions(range.end, result.end) > 0 ? range.end : result.end;
    result = { start, end };
  }
  return result;
}

function contains(range: Range | undefined, position: Position): boolean {
  if (!range) return false;
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
