// Recurrence of a training read from prose, in English and German, as an ISO 8601 duration.

export type RecurrenceReading =
  | { kind: 'recurring'; duration: string; text: string }
  /** Stated as one-off: "initial", "once", "as needed", "on onboarding". */
  | { kind: 'once'; text: string }
  /** A recurrence is mentioned but its interval cannot be read ("periodic refresher"). */
  | { kind: 'unclear'; text: string }
  | { kind: 'none' };

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  twelve: 12,
  ein: 1,
  einen: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  zwölf: 12,
};

const WORD = '[\\p{L}\\p{N}]';
const EVERY_N = new RegExp(
  `(?<!${WORD})(?:every|each|alle)\\s+(\\d+|${Object.keys(NUMBER_WORDS).join('|')})\\s+` +
    `(years?|months?|weeks?|jahre?n?|monate?n?|wochen?)(?!${WORD})`,
  'iu',
);

/** Fixed-interval words, most specific first: "semi-annual" must win over "annual". */
const INTERVALS: readonly { duration: string; pattern: RegExp }[] = [
  {
    duration: 'P6M',
    pattern: /semi-?annual\w*|half-?yearly|twice (a|per|each) year|halbjährlich\w*/iu,
  },
  { duration: 'P2Y', pattern: /biennial\w*|every (other|second) year|zweijährlich\w*/iu },
  { duration: 'P3Y', pattern: /triennial\w*|dreijährlich\w*/iu },
  { duration: 'P3M', pattern: /quarterly|vierteljährlich\w*|quartalsweise\w*/iu },
  { duration: 'P1M', pattern: /(?<![\p{L}])(monthly|monatlich\w*)/iu },
  {
    duration: 'P1Y',
    pattern:
      /(?<![\p{L}])(annual\w*|yearly|every year|each year|per year|once a year|(all)?jährlich\w*|einmal (im|pro) jahr)/iu,
  },
];

/** Says there is no schedule; checked before the vague words, so "refresher as needed" is one-off. */
const AS_NEEDED =
  /(?<![\p{L}])(as needed|as required|when needed|if needed|bei bedarf)(?![\p{L}])/iu;

const ONE_OFF =
  /(?<![\p{L}])(initial\w*|once|one-?time|on onboarding|at onboarding|upon hire|on hire|on joining|einmalig\w*|bei einstellung|bei eintritt)(?![\p{L}])/iu;

const MENTIONS_RECURRENCE =
  /(?<![\p{L}])(refresher|periodic\w*|regular\w*|recurr\w*|repeat\w*|ongoing|continuous\w*|biannual\w*|regelmäßig\w*|wiederkehrend\w*|auffrischung\w*|fortlaufend\w*)(?![\p{L}])/iu;

function durationOf(count: number, unit: string): string {
  const lower = unit.toLowerCase();
  if (lower.startsWith('y') || lower.startsWith('j')) return `P${count}Y`;
  if (lower.startsWith('w')) return `P${count}W`;
  return `P${count}M`;
}

/** Returns the parenthesised part of the text around `index`, or the matched words alone. */
function statedText(text: string, index: number, matched: string): string {
  const open = text.lastIndexOf('(', index);
  const close = text.indexOf(')', index);
  if (open >= 0 && close > index && !text.slice(open, index).includes(')')) {
    return text.slice(open + 1, close).trim();
  }
  return matched.trim();
}

/**
 * Reads the recurrence stated in a training requirement's text. An interval wins over a
 * one-off word, so "initial + biennial refresher" reads as `P2Y`.
 */
export function readRecurrence(text: string): RecurrenceReading {
  const every = EVERY_N.exec(text);
  if (every) {
    const amount = every[1]!.toLowerCase();
    const count = /^\d+$/.test(amount) ? Number(amount) : NUMBER_WORDS[amount]!;
    if (count > 0) {
      return {
        kind: 'recurring',
        duration: durationOf(count, every[2]!),
        text: statedText(text, every.index, every[0]),
      };
    }
  }
  for (const interval of INTERVALS) {
    const match = interval.pattern.exec(text);
    if (match) {
      return {
        kind: 'recurring',
        duration: interval.duration,
        text: statedText(text, match.index, match[0]),
      };
    }
  }
  const asNeeded = AS_NEEDED.exec(text);
  if (asNeeded) return { kind: 'once', text: statedText(text, asNeeded.index, asNeeded[0]) };
  const vague = MENTIONS_RECURRENCE.exec(text);
  if (vague) return { kind: 'unclear', text: statedText(text, vague.index, vague[0]) };
  const oneOff = ONE_OFF.exec(text);
  if (oneOff) return { kind: 'once', text: statedText(text, oneOff.index, oneOff[0]) };
  return { kind: 'none' };
}
