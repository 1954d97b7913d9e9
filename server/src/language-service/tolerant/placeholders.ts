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

/**
 * The numbered stand-in that templates put where a person's name belongs, such as
 * `Participant #1` or `Mitarbeiterin #2`. The source is shared with the participant column
 * headers of transposed tables.
 */
export const NUMBERED_PERSON_LABEL =
  '(?:participant|employee|person|teilnehmer(?:in)?|mitarbeiter(?:in)?)\\s*#\\s*\\d+';

const NUMBERED_PERSON = new RegExp(`^${NUMBERED_PERSON_LABEL}$`, 'i');

/** Returns the placeholder found in a value, such as `[Date]`, or undefined when it has none. */
export function findPlaceholder(text: string): string | undefined {
  const value = text.trim();
  for (const pattern of PLACEHOLDER_PATTERNS) {
    const match = pattern.exec(value);
    if (match) return match[0];
  }
  return undefined;
}

/**
 * Returns the placeholder a person's name consists of, such as `[Name]` or `Participant #1`,
 * or undefined for a real name.
 */
export function findPlaceholderName(name: string): string | undefined {
  const value = name.trim();
  return NUMBERED_PERSON.test(value) ? value : findPlaceholder(value);
}
