// Text helpers shared by the tolerant readers: ids from free text and phrase matching.

const TRANSLITERATIONS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * Turns free text into a kebab-case id: `Jack Rack` → `jack-rack`, `JD-SWE-001` →
 * `jd-swe-001`, `Müller` → `mueller`. German umlauts are transliterated and other accents
 * dropped. Returns an empty string when the text has no letters or digits.
 */
export function toKebabId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts a kebab-case id after at most `maxWords` words, so ids read from sentences stay short. */
export function shortenId(id: string, maxWords = 8): string {
  return id.split('-').slice(0, maxWords).join('-');
}

/** Lower-cases a table header or heading and collapses its spacing, for lookups. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:*]+$/, '')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a keyword phrase into a case-insensitive regular expression that matches it as
 * whole words. Spaces and hyphens in the phrase match any run of spaces or hyphens. The last
 * word may take an English ending (`code review` matches "code reviews", `implement` matches
 * "implemented"), and a trailing `*` lets it continue freely (`fuzz*` matches "fuzzing").
 */
export function compilePhrase(phrase: string): RegExp {
  const trimmed = phrase.trim();
  const open = trimmed.endsWith('*');
  const words = (open ? trimmed.slice(0, -1) : trimmed).split(/[\s-]+/).filter(Boolean);
  const body = words.map(escapeRegExp).join('[\\s-]+');
  const tail = open ? '[\\p{L}\\p{N}]*' : '(?:s|es|ed|ing|ers?)?(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${tail}`, 'iu');
}

/** Returns the first phrase found in the text, or undefined. */
export function findPhrase(text: string, phrases: readonly RegExp[]): RegExpExecArray | undefined {
  for (const phrase of phrases) {
    const match = phrase.exec(text);
    if (match) return match;
  }
  return undefined;
}
