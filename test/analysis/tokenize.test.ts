import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeBoth } from '../../src/analysis/tokenize.js';

describe('tokenizeBoth', () => {
  it('gives what tokenize gives lower-cased and as written, for any text', () => {
    const letters = fc.constantFrom('a', 'A', 'é', 'É', 'Σ', 'σ', 'ς', 'İ', 'ß', 'ẞ', 'ǅ', '.', ' ', '-', "'", '1', '%', '\u0301', 'U', 'S');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(letters, { maxLength: 30 }).map((parts) => parts.join(''))), (text) => {
        expect(tokenizeBoth(text)).toEqual({ tokens: tokenize(text), cased: tokenize(text, true) });
      }),
      { numRuns: 5000 },
    );
  });
});

/** tokenize as it was written first: the look-behind first, and a second pass for full stops before a space, a hyphen or the end. */
function tokenizeAsFirstWritten(text: string, keepCase = false): string[] {
  const plain = text.normalize('NFD').replace(/\p{M}+/gu, '');
  return (keepCase ? plain : plain.toLowerCase())
    .replace(/(?<=\b\p{L})\.(?=\p{L}\.)/gu, '')
    .replace(/(?<=\b\p{L}{1,2})\.(?=\s|$|-)/gu, '')
    .split(/[^\p{L}\p{N}%$€£]+/u)
    .filter((token) => token.length > 0);
}

describe('tokenize', () => {
  it('joins initialisms: "Feijóo\'s U.S.-backed plan"', () => {
    expect(tokenize("Feijóo's U.S.-backed plan, E.U. talks")).toEqual(['feijoo', 's', 'us', 'backed', 'plan', 'eu', 'talks']);
  });

  it('gives what its first, slower form gave, for any text', () => {
    // Letters ASCII and not (\b is ASCII-only), astral letters, marks, digits, full stops, spaces of several kinds.
    const parts = fc.constantFrom('a', 'B', 'é', 'Σ', '𝐀', 'ж', '_', '.', '.', '. ', ' ', '\u00a0', '\n', '-', "'", '1', '%', '€', '\u0301', 'U.S.', 'e.g.', 'Dr.');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(parts, { maxLength: 30 }).map((list) => list.join(''))), fc.boolean(), (text, keepCase) => {
        expect(tokenize(text, keepCase)).toEqual(tokenizeAsFirstWritten(text, keepCase));
      }),
      { numRuns: 20000 },
    );
  });
});
