// The two commands: `check` prints findings, `report` writes the coverage report.
import { DEFAULT_REPORT_LABELS, formatLocalDate } from '../language-service/defaults';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RepositoryConfig } from '../language-service/config';
import type { CoverageOptions } from '../language-service/coverage/analyse';
import { renderReport } from '../language-service/report/render';
import type { Command } from './args';
import { formatJson, formatJunit, formatSarif, formatText } from './check-formats';
import { collectFileDiagnostics } from '../language-service/diagnostic-entries';
import { collectFindings } from './findings';
import { InputError, loadWorkspace } from './load';

export function runCheck(command: Extract<Command, { name: 'check' }>, version: string): number {
  const loaded = loadWorkspace(command.options);
  const options = coverageOptions(command.options, loaded.config);
  const coverage = loaded.workspace.coverage(options);
  const result = collectFindings(loaded, coverage, options);
  const files = loaded.workspace.uris.map(loaded.relativePath);
  const output = {
    text: () => formatText(result),
    json: () => formatJson(result),
    sarif: () => formatSarif(result, version),
    junit: () => formatJunit(result, files),
  }[command.format]();
  process.stdout.write(output);
  return result.summary.errors > 0 ? 1 : 0;
}

export function runReport(command: Extract<Command, { name: 'report' }>): number {
  const loaded = loadWorkspace(command.options);
  const options = coverageOptions(command.options, loaded.config);
  const coverage = loaded.workspace.coverage(options);
  const content = renderReport(
    {
      coverage,
      diagnostics: collectFileDiagnostics(loaded.workspace, loaded.relativePath, options),
      model: loaded.workspace.model,
      catalog: loaded.workspace.context.catalog,
      documentId:
        command.documentId ?? loaded.config.report.documentId ?? DEFAULT_REPORT_LABELS.documentId,
      productName:
        command.productName ??
        loaded.config.report.productName ??
        DEFAULT_REPORT_LABELS.productName,
      relativePath: loaded.relativePath,
    },
    command.format,
  );
  if (command.out === undefined) {
    process.stdout.write(content);
  } else {
    const out = path.resolve(command.out);
    try {
      fs.writeFileSync(out, content);
    } catch (error) {
      throw new InputError(`cannot write ${command.out}: ${(error as Error).message}`);
    }
    process.stderr.write(`competency-lens: wrote ${command.out}\n`);
  }
  return 0;
}

/** Options on the command line win over the repository configuration. */
function coverageOptions(
  options: { today?: string; expiryWarningDays?: number },
  config: RepositoryConfig,
): CoverageOptions {
  return {
    today: options.today ?? config.today ?? formatLocalDate(),
    expiryWarningDays: options.expiryWarningDays ?? config.expiryWarningDays,
  };
}
