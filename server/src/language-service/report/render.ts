// Renders the coverage report an auditor reads. It contains the six obligations of
// IEC 81001-5-1 clause 4.1.4, the person-by-role matrix, a table per role and per person,
// every gap and document problem with the place to fix it, and the audit defence
// paragraph. The output depends on the input alone (no clock, no random ids, everything
// sorted, `\n` line ends), so the same workspace gives the same bytes.
import { buildReportContent } from './content';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import type { ReportFormat, ReportInput } from './input';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';

export type { ReportDiagnostic, ReportFormat, ReportInput } from './input';
export { REPORT_FORMATS } from './input';

export function renderReport(input: ReportInput, format: ReportFormat): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(buildReportContent(input));
    case 'html':
      return renderHtml(buildReportContent(input));
    case 'csv':
      return renderCsv(buildReportContent(input));
    case 'json':
      return renderJson(input);
  }
}
