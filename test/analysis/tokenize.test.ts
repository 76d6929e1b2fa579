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
