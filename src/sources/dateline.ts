import { newsChrono } from '../text/news-chrono.js';

/** "PARIS, Jan. 14 —", "KYIV, Ukraine, January 14, 2026 --": a dateline's place and date. */
const datelinePattern = /^([A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\p{L} ]{1,30})?),\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?)\s*(?:—|–|--|-)\s/u;

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
  const match = datelinePattern.exec(firstParagraph);
  if (!match) return undefined;
  const text = match[2]!;
  const parsed = newsChrono.parseDate(text, { instant: reference, timezone: 0 }, { forwardDate: false });
  if (!parsed) return undefined;
  return { date: parsed.toISOString().slice(0, 10), hasYear: /\d{4}/.test(text) };
}
