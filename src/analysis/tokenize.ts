/**
 * Accent-free word tokens: "Feijóo's U.S.-backed plan" → feijoo, s, us, backed, plan (lower-cased
 * unless keepCase).
 *
 * The full stop inside an initialism goes (U.S. → US.), so its letters make one token. The pattern
 * starts with the full stop and looks behind it for the letter: written the other way round
 * (`(?<=\b\p{L})\.`), the look-behind ran at every position of every sentence (2.7× slower). A
 * full stop before a space, a hyphen or the end needs no removing: it separates nothing there that
 * the next character does not separate already.
 */
export function tokenize(text: string, keepCase = false): string[] {
  const plain = text.normalize('NFD').replace(/\p{M}+/gu, '');
  return (keepCase ? plain : plain.toLowerCase())
    .replace(/\.(?<=\b\p{L}\.)(?=\p{L}\.)/gu, '')
    .split(/[^\p{L}\p{N}%$€£]+/u)
    .filter((token) => token.length > 0);
}

/**
 * Tokens lower-cased and as written: the same as tokenize(text) and tokenize(text, true), tokenizing
 * once. After accents are stripped, the only lower-casing that depends on what follows is Greek
 * capital sigma (final ς or σ, which can differ across a removed full stop), so text with one is
 * tokenized twice.
 */
export function tokenizeBoth(text: string): { tokens: string[]; cased: string[] } {
  const cased = tokenize(text, true);
  if (cased.some((token) => token.includes('Σ'))) return { tokens: tokenize(text), cased };
  return { tokens: cased.map((token) => token.toLowerCase()), cased };
}

/** Words too common to say anything about a topic or a development. */
export const stopwords = new Set(
  'a an and are as at be been but by for from had has have he her his in into is it its of on or our over said says she that the their them there these they this to was we were which while who will with would not no also more than after before about up out new s'.split(
    ' ',
  ),
);

/** Tokens that carry content (for comparing sentences). */
export function contentTokens(text: string): string[] {
  return contentOf(tokenize(text));
}

/** Whether a token carries content: not a stopword, longer than one character. */
export function isContent(token: string): boolean {
  return !stopwords.has(token) && token.length > 1;
}

/** The content tokens of an already tokenized text. */
export function contentOf(tokens: readonly string[]): string[] {
  return tokens.filter(isContent);
}

const vowel = /[aeiouy]/;

/**
 * A word's stem for comparing sentences: the inflections reports vary most in taken off, so
 * "envoys meeting… discussed" and "envoys met to discuss" share "envoy" and "discuss". Porter's
 * step 1 (plurals, -ed, -ing) only; numbers, short words and words ending -ss, -us or -is stay as
 * they are. Stems are for comparing, never shown.
 */
export const stemOf = stemmer(new Map());

/**
 * stemOf, with the words in `given` keyed as given instead ("zelenskyy" → "zelensky"). Remembered
 * per word in one map (a look-up a word), forgotten in bulk past a bound so a long-lived process
 * does not keep every word it saw.
 */
export function stemmer(given: ReadonlyMap<string, string>): (token: string) => string {
  const keys = new Map(given);
  return (token) => {
    let stem = keys.get(token);
    if (stem === undefined) {
      stem = given.get(token) ?? (token.length > 3 && /^[a-z]+$/.test(token) ? stripInflection(token) : token);
      if (keys.size >= 100_000) {
        keys.clear();
        for (const [word, key] of given) keys.set(word, key);
      }
      keys.set(token, stem);
    }
    return stem;
  };
}

function stripInflection(word: string): string {
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('eed')) return w.length > 4 ? w.slice(0, -1) : w;
  const suffix = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0;
  if (suffix === 0 || !vowel.test(w.slice(0, -suffix)) || w.length - suffix < 3) return w;
  w = w.slice(0, -suffix);
  if (/(?:at|bl|iz)$/.test(w)) return `${w}e`;
  if (/([^aeiouylsz])\1$/.test(w)) return w.slice(0, -1);
  // A short stem that ends consonant–vowel–consonant had an "e": hoped → hope, not hop.
  if (/^[^aeiouy]*[aeiouy][^aeiouywx]$/.test(w)) return `${w}e`;
  return w;
}
