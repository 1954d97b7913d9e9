// The `competencyLens.*` settings as the server uses them. Values of the wrong type fall
// back to their defaults, so a typo in settings.json never stops the analysis.
import { DEFAULT_REPORT_LABELS, formatLocalDate } from '../language-service/defaults';
import type { RepositoryConfig } from '../language-service/config';
import type { CoverageOptions } from '../language-service/coverage/analyse';
import { DEFAULT_MAX_FILE_SIZE } from '../language-service/file-content';

export interface ServerSettings {
  /** Date the analysis is made for, `YYYY-MM-DD`; empty means the system date. */
  today: string;
  /** Days before expiry from which a training counts as expiring. */
  expiryWarningDays: number;
  report: { documentId: string; productName: string };
  /** Largest file read, in bytes; larger files get a diagnostic instead. */
  maxFileSize: number;
  files: { exclude: string[] };
}

export const SETTINGS_SECTION = 'competencyLens';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function defaultSettings(): ServerSettings {
  return {
    today: '',
    expiryWarningDays: 30,
    report: { documentId: '', productName: '' },
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    files: { exclude: [] },
  };
}

export interface NormalisedSettings {
  settings: ServerSettings;
  /** One message per value that was ignored, for the server log. */
  problems: string[];
}

/** Reads the raw `competencyLens` section into settings, keeping defaults for invalid values. */
export function normaliseSettings(raw: unknown): NormalisedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  const section = asRecord(raw);
  if (!section) return { settings, problems };

  const today = section['today'];
  if (typeof today === 'string' && (today === '' || isValidDate(today))) {
    settings.today = today;
  } else if (today !== undefined) {
    problems.push(`competencyLens.today: invalid date ${JSON.stringify(today)}; use YYYY-MM-DD.`);
  }

  const days = section['expiryWarningDays'];
  if (typeof days === 'number' && Number.isInteger(days) && days >= 0) {
    settings.expiryWarningDays = days;
  } else if (days !== undefined) {
    problems.push(`competencyLens.expiryWarningDays: expected a whole number of days >= 0.`);
  }

  const maxFileSize = section['maxFileSize'];
  if (typeof maxFileSize === 'number' && maxFileSize > 0) {
    settings.maxFileSize = maxFileSize;
  } else if (maxFileSize !== undefined) {
    problems.push(`competencyLens.maxFileSize: expected a positive number of bytes.`);
  }

  const report = asRecord(section['report']);
  if (typeof report?.['documentId'] === 'string') settings.report.documentId = report['documentId'];
  if (typeof report?.['productName'] === 'string') {
    settings.report.productName = report['productName'];
  }

  const exclude = asRecord(section['files'])?.['exclude'];
  settings.files.exclude = readExclude(exclude);
  return { settings, problems };
}

/**
 * Reads `files.exclude` as either a list of globs or a VS Code style object whose keys are
 * globs and whose values are `true` when the glob is active.
 */
function readExclude(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  const record = asRecord(value);
  if (!record) return [];
  return Object.keys(record).filter((glob) => record[glob] === true);
}

/**
 * Returns the analysis options. A setting the user changed wins over the repository
 * configuration, which wins over the defaults; `today` falls back to the system date.
 */
export function coverageOptions(
  settings: ServerSettings,
  config: RepositoryConfig,
  now = new Date(),
): CoverageOptions {
  const defaults = defaultSettings();
  const expiryWarningDays =
    settings.expiryWarningDays !== defaults.expiryWarningDays
      ? settings.expiryWarningDays
      : config.expiryWarningDays;
  return {
    today: settings.today || config.today || formatLocalDate(now),
    expiryWarningDays,
  };
}

/** Returns the report's document id and product name, settings first, then the configuration. */
export function reportLabels(
  settings: ServerSettings,
  config: RepositoryConfig,
): { documentId: string; productName: string } {
  return {
    documentId:
      settings.report.documentId || config.report.documentId || DEFAULT_REPORT_LABELS.documentId,
    productName:
      settings.report.productName || config.report.productName || DEFAULT_REPORT_LABELS.productName,
  };
}

export function isValidDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
