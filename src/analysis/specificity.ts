import { quotationsIn } from './extract-quotes.js';

const monthOrDay = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b/;
const quotation = /["“][^"”]*(\s+\S+){2,}[^"”]*["”]/;
/** Reported speech: the mark of reporting, as against the writer's own analysis. */
const attribution = /\b(said|says|told|announced|stated|confirmed|according to|reported|declared|added)\b/i;
/**
 * A modal that hedges the sentence; in a relative clause ("a force that could deploy") it only
 * describes. "may" counts in lower case only: "May" is a month ("on May 5") or a name.
 */
const hedge = /(?<!\b(?:[Tt]hat|[Ww]hich|[Ww]ho)\s)\b(?:[Cc]ould|[Mm]ight|may|[Ww]ould)\b/;
/** Evaluative verbs that mark commentary about events rather than the events themselves. */
const evaluative =
  /\b(highlights?|highlighting|underscores?|underscoring|reflects?|reflecting|signals?|signall?ing|demonstrates?|exemplif(?:y|ies)|illustrates?|is a testament|is (?:crucial|essential|paramount|vital)|remains? (?:crucial|essential|vital))\b/i;

/**
 * How much a sentence reports rather than comments: figures, dates, direct quotes, attributed
 * speech and named actors make it concrete; unattributed hedges ("could", "might") and
 * evaluative verbs ("highlights", "underscores") mark commentary. Roughly −1.5…5.
 */
export function specificity(text: string, entityCount: number): number {
  let score = 0;
  const attributed = attribution.test(text);
  // A figure or a day counts fully; a year ("since 2014", "in February 2022") dates background, which counts for less.
  const years = /\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(1[89]|20)\d{2}\b/g;
  const undated = text.replace(years, '');
  if (/\d/.test(undated)) score += 1;
  if (monthOrDay.test(undated)) score += 1;
  if (undated !== text && !/\d/.test(undated) && !monthOrDay.test(undated)) score += 0.5;
  if (quotation.test(text) || quotationsIn(text).some((q) => q.text.trim().split(/\s+/).length >= 3)) score += 1;
  if (attributed) score += 1;
  score += Math.min(1, entityCount * 0.5);
  if (hedge.test(text) && !attributed) score -= 0.75;
  if (evaluative.test(text)) score -= 0.75;
  return score;
}

/** True when a sentence reports: attributed speech or a date. */
export function isReporting(text: string): boolean {
  return attribution.test(text) || monthOrDay.test(text);
}
