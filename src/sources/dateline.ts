import { newsChrono } from '../text/news-chrono.js';

const day = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?`;
/**
 * A dateline: its place, then a region, a date or the wire's name in brackets, and a dash. "PARIS,
 * Jan. 14 —", "KYIV, Ukraine, January 14, 2026 --", "MADRID, Jan 22 (Reuters) -", "KYIV, Ukraine
 * (AP) —". Groups: region, date, wire; a place alone before a dash ("NATO — …") is no dateline.
 */
const datelinePattern = new RegExp(String.raw`^[A-Z][A-Z.'’ -]{1,40}(,\s*[A-Z][\p{L} ]{1,30})?(?:,\s+(${day}))?\s*(\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+`, 'u');

/** The length of the dateline that opens a paragraph, or 0: what a brief quoting the sentence leaves off. */
export function datelineLength(paragraph: string): number {
  const match = datelinePattern.exec(paragraph);
  return match && (match[1] || match[2] || match[3]) ? match[0].length : 0;
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
  const text = datelinePattern.exec(firstParagraph)?.[2];
  if (!text) return undefined;
  const parsed = newsChrono.parseDate(text, { instant: reference, timezone: 0 }, { forwardDate: false });
  if (!parsed) return undefined;
  const hasYear = /\d{4}/.test(text);
  // chrono takes the nearest such day, which may be ahead ("Jan 22" read in November is next
  // January's); a dateline is never after the day it is read.
  if (!hasYear && parsed > reference) parsed.setUTCFullYear(parsed.getUTCFullYear() - 1);
  return { date: parsed.toISOString().slice(0, 10), hasYear };
}
