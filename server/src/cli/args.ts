// Command-line arguments of `competency-lens`.
import { parseArgs } from 'node:util';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export const REPORT_FORMATS = ['markdown', 'html', 'csv', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface CommonOptions {
  paths: string[];
  today?: string;
  expiryWarningDays?: number;
  maxFileSize?: number;
  config?: string;
}

export type Command =
  | { name: 'check'; format: CheckFormat; options: CommonOptions }
  | {
      name: 'report';
      format: ReportFormat;
      out?: string;
      documentId?: string;
      productName?: string;
      options: CommonOptions;
    }
  | { name: 'help' }
  | { name: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  competency-lens check [paths...] [options]
  competency-lens report [paths...] [options]

Checks IEC 81001-5-1 clause 4.1.4 security training and competency documents
(YAML files, Markdown front matter and fenced yaml blocks) and reports coverage gaps.
Folders are searched for .yaml, .yml and .md files, skipping node_modules and .git.
Without paths, the current folder is checked.

Options:
  --format FORMAT            check: text (default), json, sarif or junit
                             report: markdown (default), html, csv or json
  --today YYYY-MM-DD         date the coverage is analysed for (default: today)
  --expiry-warning-days N    days before expiry a training counts as expiring (default 30)
  --max-file-size BYTES      skip larger files with a diagnostic (default 5242880)
  --config FILE              repository configuration (default: .competency-lens.yaml
                             in the current folder, when present)
  --out FILE                 report: write to FILE instead of standard output
  --document-id ID           report: document id printed in the report
  --product-name NAME        report: product name printed in the report
  -h, --help                 print this help
  -v, --version              print the version

Exit status: 0 no errors, 1 errors found, 2 usage or input/output error.`;

export function parseCommandLine(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      today: { type: 'string' },
      'expiry-warning-days': { type: 'string' },
      'max-file-size': { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      'document-id': { type: 'string' },
      'product-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [name, ...paths] = positionals;
  if (name === undefined) throw new UsageError('missing command: use "check" or "report".');

  const options: CommonOptions = { paths: paths.length > 0 ? paths : ['.'] };
  if (values.today !== undefined) options.today = parseDate(values.today);
  if (values['expiry-warning-days'] !== undefined) {
    options.expiryWarningDays = parseCount('--expiry-warning-days', values['expiry-warning-days']);
  }
  if (values['max-file-size'] !== undefined) {
    options.maxFileSize = parseCount('--max-file-size', values['max-file-size']);
  }
  if (values.config !== undefined) options.config = values.config;

  if (name === 'check') {
    for (const reportOnly of ['out', 'document-id', 'product-name'] as const) {
      if (values[reportOnly] !== undefined) {
        throw new UsageError(`--${reportOnly} applies to "report" only.`);
      }
    }
    return { name, format: parseFormat(values.format ?? 'text', CHECK_FORMATS), options };
  }
  if (name === 'report') {
    const command: Command = {
      name,
      format: parseFormat(values.format ?? 'markdown', REPORT_FORMATS),
      options,
    };
    if (values.out !== undefined) command.out = values.out;
    if (values['document-id'] !== undefined) command.documentId = values['document-id'];
    if (values['product-name'] !== undefined) command.productName = values['product-name'];
    return command;
  }
  throw new UsageError(`unknown command "${name}": use "check" or "report".`);
}

function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid --format "${value}": use ${allowed.join(', ')}.`);
}

function parseDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`invalid --today "${value}": write a calendar date as YYYY-MM-DD.`);
  }
  return value;
}

function parseCount(option: string, value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`invalid ${option} "${value}": write a whole number of 0 or more.`);
  }
  return Number(value);
}
