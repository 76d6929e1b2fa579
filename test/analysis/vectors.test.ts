import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIdf, cosine, sumOf, vectorize } from '../../src/analysis/vectors.js';

const words = ['guarantee', 'ukraine', 'coalition', 'paris', 'drones', 'budget', 'sanchez', 'beijing', 'energy', 'grid'];
const passage = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 });

describe('vectors', () => {
  it('a vector’s cosine with a sum is the sum of its cosines (centrality in one pass)', () => {
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 20 }), passage, (passages, probe) => {
        const idf = buildIdf(passages);
        const vectors = passages.map((tokens) => vectorize(tokens, idf, 1));
        const lead = vectorize(probe, idf, 1);
        const oneByOne = vectors.reduce((sum, vector) => sum + cosine(lead, vector), 0);
        expect(cosine(lead, sumOf(vectors))).toBeCloseTo(oneByOne, 12);
      }),
      { numRuns: 500, seed: 20261122 },
    );
  });

  it('idf counts a content token once per passage, and leaves out stopwords and one-letter tokens', () => {
    const idf = buildIdf([['ukraine', 'ukraine', 'the', 'grid'], ['ukraine', 's'], ['paris']]);
    expect([...idf.keys()]).toEqual(['ukraine', 'grid', 'paris']);
    expect(idf.get('ukraine')).toBeCloseTo(Math.log(1 + 3 / 2), 12);
    expect(idf.get('grid')).toBeCloseTo(Math.log(1 + 3 / 1), 12);
  });

  it('cosine is symmetric and 1 for a vector with itself', () => {
    const idf = buildIdf([['ukraine', 'guarantee'], ['paris', 'coalition', 'ukraine']]);
    const a = vectorize(['ukraine', 'guarantee', 'guarantee'], idf, 1);
    const b = vectorize(['paris', 'coalition', 'ukraine'], idf, 1);
    expect(cosine(a, a)).toBeCloseTo(1, 12);
    expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 12);
    expect(cosine(a, b)).toBeGreaterThan(0);
    expect(cosine(a, b)).toBeLessThan(1);
  });
});
