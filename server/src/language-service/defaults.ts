// Defaults the CLI and the language server share, so both write the same report.

/** Report labels used when neither the options nor the configuration set them. */
export const DEFAULT_REPORT_LABELS = { documentId: 'unnumbered', productName: 'the product' };

/** Formats the calendar date of `date` on this machine's clock and time zone, `YYYY-MM-DD`. */
export function formatLocalDate(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
