// Calendar arithmetic on ISO 8601 dates (`YYYY-MM-DD`) and date durations (`P1Y`, `P6M`,
// `P2W`, `P1Y6M`). Dates are compared as strings, which orders them correctly because every
// date this module returns has a four-digit year and zero-padded month and day.

export interface DateDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DURATION_PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const MILLISECONDS_PER_DAY = 86_400_000;

/** Returns the date as UTC midnight, or undefined when it is not a valid calendar date. */
export function parseDate(text: string | undefined): Date | undefined {
  const match = text === undefined ? null : DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over into March, so a changed day means an invalid date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}

export function isValidDate(text: string | undefined): text is string {
  return parseDate(text) !== undefined;
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Parses a duration of whole years, months, weeks and days. Durations with a time part
 * (`PT12H`) or fractions return undefined, because a recurrence is counted in days.
 */
export function parseDuration(text: string | undefined): DateDuration | undefined {
  const match = text === undefined ? null : DURATION_PATTERN.exec(text.trim());
  if (!match || match.slice(1).every((part) => part === undefined)) return undefined;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
  return { years: years!, months: months!, weeks: weeks!, days: days! };
}

export function addDays(date: string, days: number): string | undefined {
  const start = parseDate(date);
  if (!start) return undefined;
  return formatDate(new Date(start.getTime() + days * MILLISECONDS_PER_DAY));
}

/**
 * Adds a duration to a date: years and months first, with the day clamped to the last day
 * of the resulting month, then weeks and days. So 2024-02-29 plus `P1Y` is 2025-02-28, and
 * 2025-01-31 plus `P1M` is 2025-02-28.
 */
export function addDuration(date: string, duration: string): string | undefined {
  const start = parseDate(date);
  const amount = parseDuration(duration);
  if (!start || !amount) return undefined;
  const totalMonths = start.getUTCMonth() + amount.months + 12 * amount.years;
  const year = start.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = totalMonths % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
  return addDays(formatDate(shifted), 7 * amount.weeks + amount.days);
}

/** Returns the earlier of two dates, ignoring an undefined one. */
export function earlierDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}
