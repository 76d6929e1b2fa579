import { newsChrono } from '../text/news-chrono.js';

const day = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?`;
/**
 * A dateline: its place, then a region, a date or the wire's name in brackets, and a dash. "PARIS,
 * Jan. 14 —", "KYIV, Ukraine, January 14, 2026 --", "MADRID, Jan 22 (Reuters) -", "KYIV, Ukraine
 * (AP) —". Groups: region, date, wire. A place alone before a dash is one only as `placeAlone` says.
 */
const datelinePattern = new RegExp(String.raw`^[A-Z][A-Z.'’ -]{1,40}(,\s*[A-Z][\p{L} ]{1,30})?(?:,\s+(${day}))?\s*(\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+`, 'u');
/**
 * A dateline whose place is not in capitals, as some outlets write it: "Kyiv, Jan 22 –", "Kyiv
 * (Reuters) –". Only with a date or a wire's name: "Kyiv, Ukraine —" could open a sentence.
 */
const mixedCaseDateline = new RegExp(String.raw`^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(,\s*\p{Lu}[\p{L} ]{1,30}?)?(?:,\s+(${day}))?\s*(\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+`, 'u');

/**
 * Whether a place in capitals alone before a dash is a dateline ("BRUSSELS — The Commission…", as
 * Politico and the New York Times write it): four letters or more, a capital after the dash, and
 * no second dash of the same kind to close an aside. "NATO — the alliance — said…" is no dateline,
 * nor "US — …".
 */
function placeAlone(paragraph: string, match: RegExpExecArray): boolean {
  const dash = /(—|–|--|-)\s+$/.exec(match[0])?.[1] ?? '';
  const letters = match[0].replace(/[^A-Z]/g, '').length;
  const rest = paragraph.slice(match[0].length);
  return letters >= 4 && /^\p{Lu}/u.test(rest) && !rest.includes(` ${dash} `);
}

/** The dateline that opens a paragraph (groups: region, date, wire), if any. */
function datelineOf(paragraph: string): RegExpExecArray | undefined {
  const capitals = datelinePattern.exec(paragraph);
  if (capitals && (capitals[1] || capitals[2] || capitals[3] || placeAlone(paragraph, capitals))) return capitals;
  const mixed = mixedCaseDateline.exec(paragraph);
  return mixed && (mixed[2] || mixed[3]) ? mixed : undefined;
}

/** The length of the dateline that opens a paragraph, or 0: what a brief quoting the sentence leaves off. */
export function datelineLength(paragraph: string): number {
  return datelineOf(paragraph)?.[0].length ?? 0;
}

export interface Dateline {
  date: string;
  /** False when the dateline gave no year and it was taken from the reference date. */
  hasYear: boolean;
}

/**
 * Reads a dateline at the start of an article's first paragraph. A dateline without a year is
 * resolved to the closest such day not after `reference`; the caller warns that it did so.
 */
export function findDateline(firstParagraph: string, reference: Date): Dateline | undefined {
  const text = datelineOf(firstParagraph)?.[2];
  if (!text) return undefined;
  const parsed = newsChrono.parseDate(text, { instant: reference, timezone: 0 }, { forwardDate: false });
  if (!parsed) return undefined;
  const hasYear = /\d{4}/.test(text);
  // chrono takes the nearest such day, which may be ahead ("Jan 22" read in November is next
  // January's); a dateline is never after the day it is read.
  if (!hasYear && parsed > reference) parsed.setUTCFullYear(parsed.getUTCFullYear() - 1);
  return { date: parsed.toISOString().slice(0, 10), hasYear };
}
