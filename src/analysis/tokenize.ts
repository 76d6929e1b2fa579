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
