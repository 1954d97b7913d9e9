// Diagnostic codes and construction. Every diagnostic carries `source` and a stable
// `code`; users suppress and gate on the codes, so they never change meaning.
import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Diagnostic, type Range } from 'vscode-languageserver-types';

export const SOURCE = 'competency-lens';

/** Codes of diagnostics on single files; coverage gaps use the gap codes as their code. */
export const DIAGNOSTIC_CODES = {
  yamlSyntax: 'yaml-syntax',
  duplicateKey: 'duplicate-key',
  missingKind: 'missing-kind',
  unknownKind: 'unknown-kind',
  schemaRequired: 'schema-required',
  schemaType: 'schema-type',
  schemaEnum: 'schema-enum',
  schemaPattern: 'schema-pattern',
  schemaFormat: 'schema-format',
  schemaAdditionalProperty: 'schema-additional-property',
  schemaRange: 'schema-range',
  schemaOther: 'schema-invalid',
  ambiguousScalar: 'yaml11-ambiguous',
  duplicateId: 'duplicate-id',
  unreadableFile: 'file-unreadable',
  fileTooLarge: 'file-too-large',
  binaryFile: 'file-binary',
  invalidEncoding: 'file-encoding',
  tooComplex: 'yaml-too-complex',
  unreadableValue: 'value-unreadable',
  departmentsForRoles: 'departments-for-roles',
  roleMapping: 'role-mapping',
  recordInconsistent: 'record-inconsistent',
} as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[keyof typeof DIAGNOSTIC_CODES];

/** Inputs a quick fix needs, carried in `Diagnostic.data`. */
export interface DiagnosticData {
  /** Replacement suggestions, best first ("did you mean"). */
  suggestions?: string[];
  /** The document kind guessed for a document without `kind`. */
  kind?: string;
}

export function createDiagnostic(
  range: Range,
  severity: DiagnosticSeverity,
  code: string,
  message: string,
  data?: DiagnosticData,
): Diagnostic {
  const diagnostic = Diagnostic.create(range, message, severity, code, SOURCE);
  if (data) diagnostic.data = data;
  return diagnostic;
}
