// Template placeholders that QMS templates leave for the user to fill in.

const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  // `[Date]`, `[Organization Name]`; Markdown links are parsed as links, not as this text.
  /\[[^\]\n]{1,60}\]/,
  // `<enter name>`, `<Datum eintragen>`.
  /<[^>\n]{1,60}>/,
  // `(...)`, `...`, `…` standing alone for "more of the same".
  /^\(?\s*(\.\.\.|…)\s*\)?$/,
  // Date format masks: `YYYY-MM-DD`, `DD.MM.YYYY`, `TT.MM.JJJJ`.
  /\b(YYYY-MM-DD|DD\.MM\.YYYY|TT\.MM\.JJJJ|MM\/DD\/YYYY|DD\/MM\/YYYY)\b/i,
  // `TBD`, `TBA`, `XXX`, `N.N.` (German "nomen nominandum").
  /^(TBD|TBA|XXX+|N\.\s?N\.)$/i,
];

/** Returns the placeholder found in a value, such as `[Date]`, or undefined when it has none. */
export function findPlaceholder(text: string): string | undefined {
  const value = text.trim();
  for (const pattern of PLACEHOLDER_PATTERNS) {
    const match = pattern.exec(value);
    if (match) return match[0];
  }
  return undefined;
}
