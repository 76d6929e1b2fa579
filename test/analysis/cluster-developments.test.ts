import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differentEvents, mayNegate, negation } from '../../src/analysis/cluster-developments.js';

describe('negations in grouping reports', () => {
  it('a negated report is another event than the same words unnegated', () => {
    expect(differentEvents({ text: 'Spain will not join the Board of Peace.' }, { text: 'Spain will join the Board of Peace.' })).toBe(true);
    expect(differentEvents({ text: 'Spain declined to join the Board of Peace.' }, { text: 'Spain will not join the Board of Peace.' })).toBe(false);
    expect(differentEvents({ text: 'Madrid RULED OUT joining the board.' }, { text: 'Madrid will join the board.' })).toBe(true);
  });

  // The cheap test must pass wherever the pattern matches, or a negation would go unseen. Texts
  // are made of the pattern's words in any case (Unicode folding included: ſ folds to s, K to k).
  it('property: whatever the negation pattern matches, the cheap test first passes', () => {
    const piece = fc.constantFrom('not', 'NOT', 'Never', 'no longer', 'No  longer', "don't", 'won’t', 'n’T', 'refuses', 'REFUSED', 'refuſe', 'declined to join', 'Declining to', 'rules out', 'RULED OUT', 'ruling', 'noted', 'knot', 'Kelvin', 'nothing', ' ', ' ', ',', '.', 'join', 'é', 'ı');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(fc.constantFrom('', ' ', '-'), { maxLength: 10 }), (pieces, gaps) => {
        const text = pieces.map((p, i) => p + (gaps[i] ?? ' ')).join('');
        if (negation.test(text)) expect(mayNegate.test(text), text).toBe(true);
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});
