// Dates in training records that lie after the analysis date. The coverage ignores such a
// completion or assessment, so each one gets a warning on its record: it is usually a typo,
// and an auditor must not read it as done.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, createDiagnostic } from './diagnostics';
import type { WorkspaceModel } from './model';

export function findFutureDates(
  model: WorkspaceModel,
  today: string,
): { uri: string; diagnostic: Diagnostic }[] {
  const found: { uri: string; diagnostic: Diagnostic }[] = [];
  const fix = 'Correct the date if it is a typo, or record the entry once it has happened.';
  for (const record of model.records) {
    for (const completion of record.completed) {
      if (completion.date !== undefined && completion.date > today && completion.location) {
        const message =
          `Training "${completion.training}" of person "${record.id}" is recorded as ` +
          `completed on ${completion.date}, after the analysis date ${today}, so it does ` +
          `not count. ${fix}`;
        found.push(warning(completion.location.uri, completion.location.range, message));
      }
      const assessment = completion.assessment;
      if (assessment?.date !== undefined && assessment.date > today && assessment.location) {
        const message =
          `The assessment of training "${completion.training}" of person "${record.id}" is ` +
          `dated ${assessment.date}, after the analysis date ${today}, so it does not count. ${fix}`;
        found.push(warning(assessment.location.uri, assessment.location.range, message));
      }
    }
  }
  return found;
}

function warning(
  uri: string,
  range: Diagnostic['range'],
  message: string,
): { uri: string; diagnostic: Diagnostic } {
  const diagnostic = createDiagnostic(
    range,
    DiagnosticSeverity.Warning,
    DIAGNOSTIC_CODES.recordInconsistent,
    message,
  );
  return { uri, diagnostic };
}
