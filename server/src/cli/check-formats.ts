// Output formats of `check`: text for people, JSON for scripts, SARIF for code scanning,
// JUnit XML for CI test views.
import type { DiagnosticEntry } from '../language-service/diagnostic-entries';
import { compareLocated } from '../language-service/diagnostic-entries';
import type { CheckResult } from './findings';

type Finding = DiagnosticEntry & { kind: 'diagnostic' | 'gap' };

function allFindings(result: CheckResult): Finding[] {
  const findings: Finding[] = [
    ...result.diagnostics.map((d) => ({ ...d, kind: 'diagnostic' as const })),
    ...result.gaps.map((g) => ({
      file: g.file,
      range: g.range,
      severity: g.severity,
      code: g.code,
      message: g.fix ? `${g.message} ${g.fix}` : g.message,
      kind: 'gap' as const,
    })),
  ];
  return findings.sort(compareLocated);
}

/** `file:line:col: severity code message`, 1-based, then a summary line. */
export function formatText(result: CheckResult): string {
  const lines = allFindings(result).map(
    (f) =>
      `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ` +
      `${f.severity} ${f.code} ${f.message}`,
  );
  const s = result.summary;
  lines.push(
    `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ` +
      `${s.information} information in ${plural(s.files, 'file')}; ` +
      `${s.peopleFullyCovered} of ${plural(s.people, 'person', 'people')} fully covered ` +
      `as of ${s.today}.`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(result: CheckResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

const SARIF_LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 with one result per finding; columns are UTF-16 based, as in LSP. */
export function formatSarif(result: CheckResult, version: string): string {
  const findings = allFindings(result);
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'competency-lens',
            version,
            rules: ruleIds.map((id) => ({ id })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.code,
          level: SARIF_LEVELS[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** JUnit XML: one test case per file checked, failed by the file's errors. */
export function formatJunit(result: CheckResult, checkedFiles: string[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of allFindings(result)) {
    if (finding.severity !== 'error') continue;
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  }
  const files = [...new Set([...checkedFiles, ...byFile.keys()])].sort();
  const failures = byFile.size;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="competency-lens" tests="${files.length}" failures="${failures}">`,
    `  <testsuite name="competency-lens check" tests="${files.length}" failures="${failures}">`,
  ];
  for (const file of files) {
    lines.push(`    <testcase classname="competency-lens" name="${escapeXml(file)}">`);
    for (const f of byFile.get(file) ?? []) {
      const where = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(
        `      <failure type="${escapeXml(f.code)}" message="${escapeXml(f.message)}">` +
          `${escapeXml(`${where}: ${f.severity} ${f.code} ${f.message}`)}</failure>`,
      );
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
