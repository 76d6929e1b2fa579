/** Abbreviations after which a full stop does not end a sentence. */
const abbreviations = new Set('mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr inc ltd co corp vs etc est dept univ pres'.split(' '));
/**
 * Abbreviations that go with a number after them ("Jan. 21", "No. 2", "approx. 40"): before a
 * word, their full stop ends the sentence ("Prices rose in Jan. The talks…", "He said no. Then…").
 */
const beforeNumbers = new Set('jan feb mar apr jun jul aug sep sept oct nov dec no fig approx'.split(' '));
/**
 * Times of day: before a capital, their full stop ends the sentence ("The talks ended at 3 p.m.
 * Officials left…"), unless a day, a month or a time zone goes with the time ("9 a.m. Tuesday",
 * "3 p.m. GMT").
 */
const timeOfDay = /^[ap]\.m$/i;
const withTime = /^\s+(?:\p{N}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|\p{Lu}{2,4}\b)/u;

/** A quotation longer than this is not held open across sentences (an unbalanced quote mark). */
const MAX_QUOTE_SPAN = 600;

/**
 * A closing single curly mark: after punctuation ("…,’ he said"), or before punctuation or the
 * text's end. Not an apostrophe: "don’t", "the allies’ plans" (as in extract-quotes.ts).
 */
const singleClosing = /(?<=[,.!?])’|’(?=[,.;:!?)]|$)/g;

/** True when position `at` lies inside a quotation that opened before it and closes after it. */
function insideQuote(paragraph: string, start: number, at: number): boolean {
  const before = paragraph.slice(start, at);
  // ‘We are ready. We will sign,’ he said: British single marks, curly only (a straight ' is
  // mostly an apostrophe).
  if (before.includes('‘') && (before.match(/‘/g) ?? []).length > (before.match(singleClosing) ?? []).length) {
    if (paragraph.slice(at, at + MAX_QUOTE_SPAN).search(singleClosing) >= 0) return true;
  }
  const rest = paragraph.slice(at, at + MAX_QUOTE_SPAN);
  // «…» as outlets translating from Ukrainian, Russian or French write them.
  if ((before.match(/«/g) ?? []).length > (before.match(/»/g) ?? []).length && rest.includes('»')) return true;
  const curlyOpen = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  if (curlyOpen <= 0 && !straight) return false;
  return curlyOpen > 0 ? rest.includes('”') : rest.includes('"');
}

/**
 * Splits a paragraph into sentences. Handles abbreviations (Gen., Jan.), initialisms (U.S.),
 * decimals (2.3%), closing quotes after the full stop, and quotations that span sentences
 * ("We are ready. We will sign," he said, or in single curly marks or «…») which stay in one
 * sentence. A sentence may open with a quotation mark of any of these kinds, or „.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["'”’)»“]*(?=\s+["'“‘(«„]?[\p{Lu}\p{N}])/gu;
  for (let match = boundary.exec(paragraph); match; match = boundary.exec(paragraph)) {
    const end = match.index + match[0].length;
    const before = paragraph.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    const isInitialism = /^(\p{L}\.)+\p{L}?$/u.test(lastWord) || /^\p{Lu}$/u.test(lastWord);
    const numberNext = /^\s+\p{N}/u.test(paragraph.slice(end));
    const word = lastWord.toLowerCase();
    const binds = abbreviations.has(word) || (beforeNumbers.has(word) && numberNext) || (isInitialism && !(timeOfDay.test(lastWord) && !withTime.test(paragraph.slice(end))));
    if (match[0].startsWith('.') && binds) continue;
    if (insideQuote(paragraph, start, end)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
