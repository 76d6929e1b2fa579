import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containment, minhash, shingles, sortedShingles } from '../../src/store/similarity.js';

// The definitions the store's signatures were made with: stored stores must keep matching.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
function referenceShingles(words: readonly string[]): Set<number> {
  if (words.length < 5) return new Set(words.length > 0 ? [fnv1a(words.join(' '))] : []);
  return new Set(Array.from({ length: words.length - 4 }, (_, i) => fnv1a(words.slice(i, i + 5).join(' '))));
}
const seeds = Array.from({ length: 32 }, (_, i) => [fnv1a(`a${i}`) | 1, fnv1a(`b${i}`)] as const);
function referenceMinhash(set: ReadonlySet<number>): number[] {
  return seeds.map(([a, b]) => Math.min(0xffffffff, ...[...set].map((value) => (Math.imul(value, a) + b) >>> 0)));
}

describe('shingles and MinHash signatures', () => {
  it('are the hashes of the words joined by spaces, as stores made earlier hold them', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), { maxLength: 30 }), (words) => {
        const set = shingles(words);
        expect([...set]).toEqual([...referenceShingles(words)]);
        expect([...minhash(set)]).toEqual(referenceMinhash(set));
      }),
      { numRuns: 300 },
    );
    // Pinned: values computed by the implementation the first stores were made with.
    const set = shingles(['security', 'guarantees', 'for', 'ukraine', 'agreed', 'in', 'paris']);
    expect([...set]).toEqual([380710668, 4003647167, 1171053237]);
    expect([...minhash(set)].slice(0, 4)).toEqual([2412083752, 869682005, 2145433913, 141376469]);
  });
});

describe('containment of sorted shingle lists', () => {
  /** The share of the smaller set found in the larger, over Sets: what the fold computed before. */
  function referenceContainment(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    return small.size === 0 ? 0 : [...small].filter((value) => large.has(value)).length / small.size;
  }

  it('is the share of the smaller text’s shingles in the larger, as over sets', () => {
    const words = fc.array(fc.constantFrom('grid', 'power', 'kyiv', 'talks', 'paris', 'guarantees', 'the', 'a'), { maxLength: 40 });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const [x, y] = [sortedShingles(a), sortedShingles(b)];
        expect([...x]).toEqual([...shingles(a)].sort((p, q) => p - q));
        expect(containment(x, y)).toBe(referenceContainment(shingles(a), shingles(b)));
      }),
      { numRuns: 300 },
    );
    const story = 'the grid operator said repairs at the substation in kyiv would take a week'.split(' ');
    expect(containment(sortedShingles(story.slice(0, 10)), sortedShingles(story))).toBe(1);
    expect(containment(sortedShingles([]), sortedShingles(story))).toBe(0);
  });
});
