// The report as CSV for a spreadsheet: one row per gap, then one per document problem (an
// error or warning of one file), then one per person and role of the matrix, distinguished
// by the `section` column.
import type { ReportContent } from './content';

export const CSV_COLUMNS = [
  'section',
  'severity',
  'code',
  'clause',
  'obligation',
  'file',
  'line',
  'role',
  'person',
  'name',
  'status',
  'training',
  'message',
  'fix',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/**
 * Quotes one field as RFC 4180 does: in double quotes, with quotes doubled, when it contains
 * a comma, a quote or a line break. A field that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(values: Partial<Record<Column, string>>): string {
  return CSV_COLUMNS.map((column) => csvField(values[column] ?? '')).join(',');
}

// NOTE: records end with `\n` rather than RFC 4180's CRLF, so the output is the same bytes
// on every platform. Spreadsheet programs read both line ends.
export function renderCsv(content: ReportContent): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const gap of content.gaps) {
    rows.push(
      csvRow({
        section: 'gap',
        severity: gap.severity,
        code: gap.code,
        clause: gap.clause,
        obligation: gap.obligation,
        file: gap.where.path,
        line: gap.where.line === undefined ? '' : String(gap.where.line),
        role: gap.roles.join(' '),
        person: gap.people.map((p) => p.id).join(' '),
        name: gap.people.map((p) => p.display).join('; '),
        message: gap.message,
        fix: gap.fix,
      }),
    );
  }
  for (const problem of content.problems) {
    rows.push(
      csvRow({
        section: 'document-problem',
        severity: problem.severity,
        code: problem.code,
        file: problem.where.path,
        line: problem.where.line === undefined ? '' : String(problem.where.line),
        message: problem.message,
      }),
    );
  }
  const { roles, rows: matrixRows } = content.matrix;
  for (const row of matrixRows) {
    row.cells.forEach((cell, index) => {
      if (!cell) return;
      rows.push(
        csvRow({
          section: 'matrix',
          role: roles[index]!,
          person: row.person.id,
          name: row.person.display,
          status: cell.status,
          training: cell.training ?? '',
        }),
      );
    });
  }
  return `${rows.join('\n')}\n`;
}
