const monthOrDay = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b/;
const quotation = /["“][^"”]*(\s+\S+){2,}[^"”]*["”]/;
const hedge = /\b(could|might|may|would)\b/i;

/**
 * How much a sentence reports rather than comments: figures, dates, direct quotes and named
 * actors make it concrete; hedged modals ("could", "might") mark commentary. Roughly −1…4.
 */
export function specificity(text: string, entityCount: number): number {
  let score = 0;
  if (/\d/.test(text)) score += 1;
  if (monthOrDay.test(text)) score += 1;
  if (quotation.test(text)) score += 1;
  score += Math.min(1, entityCount * 0.5);
  if (hedge.test(text)) score -= 0.75;
  return score;
}
