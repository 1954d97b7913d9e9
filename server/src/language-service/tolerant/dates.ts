// Calendar dates as QMS tables write them: ISO 8601 (`2021-04-14`) or the German and Swiss
// day-first form (`14.04.2021`, `1.4.2021`).

export type DateReading =
  { kind: 'date'; iso: string } | { kind: 'invalid'; reason: string } | { kind: 'not-a-date' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function checkedDate(year: number, month: number, day: number, text: string): DateReading {
  if (month < 1 || month > 12) {
    return { kind: 'invalid', reason: `"${text}" has no month ${month}.` };
  }
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return {
      kind: 'invalid',
      reason: `"${text}" is not a calendar date: month ${month} of ${year} has ${lastDay} days.`,
    };
  }
  return { kind: 'date', iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/**
 * Reads a date cell. Returns the ISO 8601 date, `invalid` with a reason for a date-shaped
 * value that names no calendar day (`31.02.2021`), or `not-a-date` for anything else.
 */
export function readDate(text: string): DateReading {
  const value = text.trim();
  const iso = ISO_DATE.exec(value);
  if (iso) return checkedDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), value);
  const dayFirst = DAY_FIRST_DATE.exec(value);
  if (dayFirst) {
    return checkedDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]), value);
  }
  return { kind: 'not-a-date' };
}
