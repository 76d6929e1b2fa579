import * as chrono from 'chrono-node/en';
import type { Parser } from 'chrono-node/en';

const NEVER = /(?!)/;

/**
 * A pattern that every text the parser's own pattern can match also matches, and that V8 compiles
 * in a few milliseconds. chrono's "three days ago" and "two weeks later" patterns are
 * `(\W|^)(<unit group>(<connector><unit group>){0,10})\s{0,5}<keyword>`: compiling ten unrolled,
 * case-insensitive copies of the unit group to native code costs about 85 ms each, paid on a
 * pattern's second use, which a weekly brief always reached. Any match ends in one unit group and
 * its keyword, so the same text with the leading boundary dropped and no repeats finds every text
 * the full pattern can match. Where the pattern is not of that shape (another chrono version), the
 * keywords alone guard, as before.
 */
export function lastUnitGuard(pattern: RegExp, keywords: RegExp): RegExp {
  const lead = '(\\W|^)';
  const repeats = '){0,10})';
  const { source } = pattern;
  if (!source.startsWith(lead) || source.indexOf(repeats) !== source.lastIndexOf(repeats) || !source.includes(repeats)) return keywords;
  return new RegExp(source.slice(lead.length).replace(repeats, '){0})'), pattern.flags.replace(/[gy]/g, ''));
}

/**
 * A parser whose pattern runs only on text its guard matches. Without the guard, chrono's "ago" and
 * "later" patterns backtrack at every word (about 1.7 ms a sentence each) and cannot match a
 * sentence without their keywords; with it, their costly compilation is rarely reached.
 */
function guarded(keywords: RegExp, parser: Parser): Parser {
  // Derived from the pattern chrono gives, and again if it gives another (it rebuilds its pattern
  // when the parsing options change): a guard from another pattern could turn away its matches.
  let guard: { pattern: RegExp; test: RegExp } | undefined;
  return {
    pattern: (context) => {
      // The keywords are the cheap test; most sentences fail it before the unit group is tried.
      if (!keywords.test(context.text)) return NEVER;
      const pattern = parser.pattern(context);
      if (guard?.pattern !== pattern) guard = { pattern, test: lastUnitGuard(pattern, keywords) };
      return guard.test.test(context.text) ? pattern : NEVER;
    },
    extract: (context, match) => parser.extract(context, match),
  };
}

/**
 * chrono's parsers of what names no day: times ("at 10:00", "morning"), "today" and "tomorrow",
 * spans ("within three days", "next week", "the end of the month") and months or years alone. A
 * brief keeps only dates that name a day (resolve-dates.ts), and a time merged onto a weekday hid
 * it ("on Monday at 10:00" gave no date). Left out, each saves its patterns' first compilation:
 * ~20 ms of every hundred sentences dated in a fresh process. Parsers of another chrono version are kept.
 */
export const namingNoDay: ReadonlySet<string> = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENSlashMonthFormatParser',
  'ENTimeExpressionParser',
  'ENYearMonthNameParser',
  'ENCasualDateParser',
  'ENCasualTimeParser',
  'ENEndOfCurrentMonthParser',
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);

/** chrono's casual English without the parsers that name no day, the two slow ones guarded; the same refiners. */
export const newsChrono = (() => {
  const custom = chrono.casual.clone();
  custom.parsers = custom.parsers.filter((p) => !namingNoDay.has(p.constructor.name)).map((p) => {
    if (p.constructor.name === 'ENTimeUnitAgoFormatParser') return guarded(/ago|before|earlier/i, p);
    if (p.constructor.name === 'ENTimeUnitLaterFormatParser') return guarded(/later|after|from now|henceforth|forward|out/i, p);
    return p;
  });
  return custom;
})();
