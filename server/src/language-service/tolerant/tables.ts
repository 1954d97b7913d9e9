// Training matrices and records kept as GFM pipe tables, read into person records. The
// flat layout has one row per person and training. The matrix layout has one row per
// person and one column per training. The wide layout has one row per person and a column
// group per training, and the transposed layout one row per training and a column group
// per participant.
import type { Table, TableCell } from 'mdast';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ColumnField } from '../config';
import { createDiagnostic, DIAGNOSTIC_CODES } from '../diagnostics';
import {
  emptyEntities,
  type CompletedTraining,
  type FileEntities,
  type PersonRecord,
} from '../model';
import { readCell, readResult, type CellValue } from './cells';
import { findAssessmentMethod } from './classify';
import { classifyHeader, FIELD_DESCRIPTIONS, type ColumnRole } from './columns';
import type { ReadContext, ReadResult } from './job-description';
import { findPlaceholderName } from './placeholders';
import { nodeRange, nodeText } from './sections';
import { toKebabId } from './text';

interface Cell {
  text: string;
  node: TableCell;
}

interface Column {
  index: number;
  role: ColumnRole;
  /** Index of the group-starting column this column belongs to, if any. */
  group?: number;
}

/** Fields that describe one training or participant, so they stay in the group they follow. */
const GROUP_MEMBER_FIELDS: ReadonlySet<ColumnField> = new Set([
  'due',
  'completed',
  'result',
  'assessment',
  'assessor',
  'level',
  'version',
  'expires',
  'evidence',
]);

function layoutColumns(header: Cell[], context: ReadContext): Column[] {
  let group: number | undefined;
  return header.map((cell, index) => {
    const role = classifyHeader(cell.text, context.config.columns);
    if (role.kind === 'training-group' || role.kind === 'participant-group') {
      group = index;
      return { index, role };
    }
    if (role.kind === 'field' && GROUP_MEMBER_FIELDS.has(role.field) && group !== undefined) {
      return { index, role, group };
    }
    group = undefined;
    return { index, role };
  });
}

const isField = (column: Column, field: ColumnField): boolean =>
  column.role.kind === 'field' && column.role.field === field;

/** True when a person cell contains a name rather than a placeholder, a mark or nothing. */
function isNamedPerson(cell: Cell | undefined): boolean {
  const value = cell ? readCell(cell.text) : undefined;
  return value?.kind === 'text' && findPlaceholderName(value.text) === undefined;
}

class TableReader {
  readonly entities: FileEntities = emptyEntities();
  readonly diagnostics: Diagnostic[] = [];
  private readonly records = new Map<string, PersonRecord>();

  constructor(private readonly context: ReadContext) {}

  private range(node: TableCell | Table['children'][number]) {
    return nodeRange(this.context.file, node);
  }

  /** Reads a cell, reporting invalid dates and collecting placeholders. */
  cell(cell: Cell | undefined, field: string): CellValue {
    if (!cell) return { kind: 'empty' };
    const value = readCell(cell.text);
    if (value.kind === 'placeholder') {
      this.entities.unfilled.push({
        uri: this.context.file.uri,
        range: this.range(cell.node),
        text: value.text,
        field,
      });
    } else if (value.kind === 'invalid-date') {
      this.diagnostics.push(
        createDiagnostic(
          this.range(cell.node),
          DiagnosticSeverity.Warning,
          DIAGNOSTIC_CODES.unreadableValue,
          `Invalid ${field}: ${value.reason}`,
        ),
      );
    }
    return value;
  }

  info(cell: Cell, message: string): void {
    this.diagnostics.push(
      createDiagnostic(
        this.range(cell.node),
        DiagnosticSeverity.Information,
        DIAGNOSTIC_CODES.unreadableValue,
        message,
      ),
    );
  }

  /** Records a placeholder left where a person's name belongs. */
  unfilledName(cell: Cell, text: string, field: string): void {
    this.entities.unfilled.push({
      uri: this.context.file.uri,
      range: this.range(cell.node),
      text,
      field,
    });
  }

  person(name: string, cell: Cell): PersonRecord {
    const id = toKebabId(name) || 'person';
    let record = this.records.get(id);
    if (!record) {
      record = {
        id,
        name,
        assignments: [],
        completed: [],
        origin: 'table',
        location: { uri: this.context.file.uri, range: this.range(cell.node) },
      };
      this.records.set(id, record);
      this.entities.records.push(record);
    }
    return record;
  }

  /**
   * Reads the person cell of a row. A placeholder such as `[Name]` or `Employee #1`, or an
   * empty cell, gives no record.
   */
  personAt(row: Cell[], column: Column | undefined): PersonRecord | undefined {
    const cell = column && row[column.index];
    if (!cell) return undefined;
    const value = this.cell(cell, 'person');
    if (value.kind !== 'text') {
      if (value.kind !== 'placeholder')
        this.info(cell, `"${cell.text}" is not read as a person name, so the row is skipped.`);
      return undefined;
    }
    const placeholder = findPlaceholderName(value.text);
    if (placeholder !== undefined) {
      this.unfilledName(cell, placeholder, 'person');
      return undefined;
    }
    return this.person(value.text, cell);
  }

  assign(record: PersonRecord, cell: Cell | undefined): void {
    if (!cell) return;
    const value = this.cell(cell, 'role');
    if (value.kind !== 'text') return;
    const role = toKebabId(value.text);
    if (!role || record.assignments.some((assignment) => assignment.role === role)) return;
    const location = { uri: this.context.file.uri, range: this.range(cell.node) };
    record.assignments.push({ role, location });
    this.entities.references.push({ ...location, kind: 'role', id: role });
  }

  trainingReference(name: string, cell: Cell): string {
    const id = toKebabId(name);
    this.entities.references.push({
      uri: this.context.file.uri,
      range: this.range(cell.node),
      kind: 'training',
      id,
    });
    return id;
  }

  /**
   * Builds a completion from the cells of one row that describe one training for one person.
   * `marker` is the group's own cell (`Applicable`, `✓`, a date). Returns undefined when the
   * cells show no completion.
   */
  completion(
    training: string,
    cells: { column: Column; cell: Cell }[],
    marker: CellValue,
    at: Cell,
  ): CompletedTraining | undefined {
    const completed: CompletedTraining = {
      training,
      location: { uri: this.context.file.uri, range: this.range(at.node) },
    };
    let done = marker.kind === 'yes' || marker.kind === 'date';
    if (marker.kind === 'date') completed.date = marker.iso;
    let method: string | undefined;
    let result: ReturnType<typeof readResult>;
    let assessor: string | undefined;
    for (const { column, cell } of cells) {
      if (column.role.kind !== 'field') continue;
      const field = column.role.field;
      const value = this.cell(cell, FIELD_DESCRIPTIONS[field]);
      if (value.kind === 'empty' || value.kind === 'placeholder' || value.kind === 'invalid-date')
        continue;
      if (field === 'completed' && value.kind === 'date') {
        completed.date = value.iso;
        done = true;
      } else if (field === 'completed' && value.kind === 'yes') {
        done = true;
      } else if (field === 'expires' && value.kind === 'date') {
        completed.expires = value.iso;
      } else if (field === 'result') {
        result = readResult(cell.text);
        method ??= findAssessmentMethod(cell.text, this.context.rules);
        if (result === undefined && value.kind !== 'not-applicable')
          this.info(cell, `The result "${cell.text}" is not read as pass, fail or a percentage.`);
      } else if (field === 'assessment') {
        method = findAssessmentMethod(cell.text, this.context.rules) ?? toKebabId(cell.text);
      } else if (field === 'assessor' && value.kind === 'text') {
        assessor = toKebabId(value.text);
      } else if (field === 'version') {
        completed.version = cell.text;
      } else if (field === 'evidence') {
        completed.evidence = cell.text;
      }
    }
    if (result === 'pass') done = true;
    if (!done) return undefined;
    if (result !== undefined || method !== undefined || assessor !== undefined) {
      // NOTE: a result without a named method is recorded as method "unspecified".
      completed.assessment = { method: method ?? 'unspecified', location: completed.location! };
      if (result !== undefined) completed.assessment.result = result;
      if (assessor !== undefined) completed.assessment.assessor = assessor;
    }
    return completed;
  }

  /** Reads the cells of one group (or the ungrouped member columns when `group` is undefined). */
  memberCells(
    row: Cell[],
    columns: Column[],
    group: number | undefined,
  ): { column: Column; cell: Cell }[] {
    return columns
      .filter(
        (column) =>
          column.group === group &&
          column.role.kind === 'field' &&
          GROUP_MEMBER_FIELDS.has(column.role.field),
      )
      .map((column) => ({ column, cell: row[column.index]! }))
      .filter(({ cell }) => cell !== undefined);
  }

  read(table: Table): void {
    const rows = table.children.map((row) =>
      row.children.map((node) => ({ text: nodeText(node).trim(), node })),
    );
    const header = rows[0];
    if (!header || rows.length < 2) return;
    const columns = layoutColumns(header, this.context);
    const ungrouped = columns.filter((column) => column.group === undefined);
    const personColumn = ungrouped.find((column) => isField(column, 'person'));
    const trainingColumn = ungrouped.find((column) => isField(column, 'training'));
    const trainingGroups = columns.filter((column) => column.role.kind === 'training-group');
    const participantGroups = columns.filter((column) => column.role.kind === 'participant-group');
    const dataRows = table.children
      .slice(1)
      .map((row, index) => ({ row, cells: rows[index + 1]! }));

    let layout: 'flat' | 'wide' | 'transposed' | 'matrix';
    const markColumns = ungrouped.filter(
      (column) =>
        column.role.kind === 'unknown' &&
        this.holdsMarks(dataRows.map(({ cells }) => cells[column.index])),
    );
    if (trainingColumn && participantGroups.length > 0) layout = 'transposed';
    else if (personColumn && trainingGroups.length > 0) layout = 'wide';
    else if (personColumn && trainingColumn) layout = 'flat';
    else if (personColumn && markColumns.length > 0) layout = 'matrix';
    else return;

    const readAsTraining = new Set(layout === 'matrix' ? markColumns : []);
    for (const column of columns) {
      const cell = header[column.index]!;
      if (column.role.kind === 'placeholder') {
        this.entities.unfilled.push({
          uri: this.context.file.uri,
          range: this.range(cell.node),
          text: cell.text,
          field: 'column',
        });
      } else if (column.role.kind === 'unknown' && !readAsTraining.has(column)) {
        this.info(
          cell,
          `The column "${cell.text}" is not read: its header names no training record field.`,
        );
      }
    }
    // The trainings that the headers name are referenced only when some row names a person,
    // so a template table with only `[Name]` rows references nothing.
    const named = dataRows.some(({ cells }) =>
      isNamedPerson(personColumn && cells[personColumn.index]),
    );
    const trainingIds = new Map<number, string>();
    for (const column of [...trainingGroups, ...readAsTraining]) {
      const cell = header[column.index]!;
      const name = column.role.kind === 'training-group' ? column.role.name : cell.text;
      trainingIds.set(column.index, named ? this.trainingReference(name, cell) : toKebabId(name));
    }
    // A participant header without a name, or with a placeholder name, maps to undefined. The
    // cells of that participant are still checked, but they give no record or completion.
    const participants = new Map<number, PersonRecord | undefined>();
    for (const column of participantGroups) {
      if (column.role.kind !== 'participant-group') continue;
      const cell = header[column.index]!;
      const name = column.role.name;
      const placeholder = name === undefined ? column.role.label : findPlaceholderName(name);
      if (placeholder !== undefined) this.unfilledName(cell, placeholder, 'participant name');
      participants.set(
        column.index,
        name !== undefined && placeholder === undefined ? this.person(name, cell) : undefined,
      );
    }

    for (const { row, cells } of dataRows) {
      if (cells.every((cell) => cell.text === '')) {
        this.entities.unfilled.push({
          uri: this.context.file.uri,
          range: this.range(row),
          text: '',
          field: 'table row',
        });
        continue;
      }
      const roleColumn = ungrouped.find((column) => isField(column, 'role'));
      if (layout === 'transposed') {
        this.readTrainingRow(cells, columns, trainingColumn!, participants);
        continue;
      }
      const record = this.personAt(cells, personColumn);
      if (!record) {
        this.scanRow(cells, columns, personColumn);
        continue;
      }
      this.assign(record, roleColumn && cells[roleColumn.index]);
      const startColumn = ungrouped.find((column) => isField(column, 'start-date'));
      const start = this.cell(startColumn && cells[startColumn.index], 'start date');
      if (start.kind === 'date') record.startDate ??= start.iso;
      if (layout === 'flat') {
        const trainingCell = cells[trainingColumn!.index]!;
        const training = this.cell(trainingCell, 'training');
        if (training.kind !== 'text') continue;
        const id = this.trainingReference(training.text, trainingCell);
        const completion = this.completion(
          id,
          this.memberCells(cells, columns, undefined),
          { kind: 'empty' },
          trainingCell,
        );
        if (completion) record.completed.push(completion);
        continue;
      }
      for (const column of layout === 'wide' ? trainingGroups : markColumns) {
        const markerCell = cells[column.index]!;
        const marker = this.cell(markerCell, 'training mark');
        if (marker.kind === 'not-applicable' || marker.kind === 'no') continue;
        const members = layout === 'wide' ? this.memberCells(cells, columns, column.index) : [];
        const completion = this.completion(
          trainingIds.get(column.index)!,
          members,
          marker,
          markerCell,
        );
        if (completion) record.completed.push(completion);
      }
      this.memberCells(cells, columns, undefined).forEach(({ column, cell }) =>
        this.cell(cell, FIELD_DESCRIPTIONS[(column.role as { field: ColumnField }).field]),
      );
    }
  }

  /**
   * Reads one row of the transposed layout: a training with a column group per participant.
   * The training is referenced only when at least one participant header has a real name.
   */
  private readTrainingRow(
    cells: Cell[],
    columns: Column[],
    trainingColumn: Column,
    participants: Map<number, PersonRecord | undefined>,
  ): void {
    const trainingCell = cells[trainingColumn.index]!;
    const training = this.cell(trainingCell, 'training');
    if (training.kind !== 'text') return;
    const named = [...participants.values()].some((record) => record !== undefined);
    const id = named ? this.trainingReference(training.text, trainingCell) : undefined;
    for (const { cell, column } of this.memberCells(cells, columns, undefined)) {
      this.cell(cell, FIELD_DESCRIPTIONS[(column.role as { field: ColumnField }).field]);
    }
    for (const [index, record] of participants) {
      const markerCell = cells[index]!;
      const marker = this.cell(markerCell, 'training mark');
      const members = this.memberCells(cells, columns, index);
      if (!record || id === undefined) {
        this.scanCells(members);
        continue;
      }
      if (marker.kind === 'not-applicable' || marker.kind === 'no') continue;
      const completion = this.completion(id, members, marker, markerCell);
      if (completion) record.completed.push(completion);
    }
  }

  /** Reads cells for their placeholders and invalid dates only. */
  private scanCells(cells: { column: Column; cell: Cell | undefined }[]): void {
    for (const { column, cell } of cells) {
      const field = column.role.kind === 'field' ? FIELD_DESCRIPTIONS[column.role.field] : 'value';
      this.cell(cell, field);
    }
  }

  /** Reads the cells of a row that gives no record, for their placeholders and invalid dates. */
  private scanRow(cells: Cell[], columns: Column[], skipped: Column | undefined): void {
    this.scanCells(
      columns
        .filter((column) => column !== skipped)
        .map((column) => ({ column, cell: cells[column.index] })),
    );
  }

  /** True when every filled cell is a mark, a date or a placeholder, as in a training matrix. */
  private holdsMarks(cells: (Cell | undefined)[]): boolean {
    const values = cells
      .filter((cell): cell is Cell => cell !== undefined && cell.text !== '')
      .map((cell) => readCell(cell.text).kind);
    return values.length > 0 && values.every((kind) => kind !== 'text');
  }
}

/** Reads every training table of a Markdown file. Tables of other content are left alone. */
export function readTables(context: ReadContext): ReadResult {
  const reader = new TableReader(context);
  const visit = (nodes: ReadContext['tree']['children']): void => {
    for (const node of nodes) {
      if (node.type === 'table') reader.read(node);
      else if ('children' in node && node.type !== 'heading' && node.type !== 'paragraph')
        visit(node.children as ReadContext['tree']['children']);
    }
  };
  visit(context.tree.children);
  return { entities: reader.entities, diagnostics: reader.diagnostics };
}
