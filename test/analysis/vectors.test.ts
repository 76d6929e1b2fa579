import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentOf, stemOf } from '../../src/analysis/tokenize.js';
import { buildIdf, cosine, sumOf, vectorize, Vocabulary } from '../../src/analysis/vectors.js';

const words = ['guarantee', 'ukraine', 'coalition', 'paris', 'drones', 'budget', 'sanchez', 'beijing', 'energy', 'grid'];
const passage = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 });

describe('vectors', () => {
  it('a vector’s cosine with a sum is the sum of its cosines (centrality in one pass)', () => {
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 20 }), passage, (passages, probe) => {
        const idf = buildIdf(passages);
        const vocabulary = new Vocabulary();
        const vectors = passages.map((tokens) => vectorize(tokens, idf, 1, vocabulary));
        const lead = vectorize(probe, idf, 1, vocabulary);
        const oneByOne = vectors.reduce((sum, vector) => sum + cosine(lead, vector), 0);
        expect(cosine(lead, sumOf(vectors, vocabulary))).toBeCloseTo(oneByOne, 12);
      }),
      { numRuns: 500, seed: 20261122 },
    );
  });

  it('compares words by their stems: plurals, -ed and -ing are one word with their base', () => {
    const idf = buildIdf([['envoys', 'meeting', 'discussed', 'troops'], ['envoy', 'discuss', 'troop', 'paris'], ['news']]);
    expect([...idf.keys()]).toEqual(['envoy', 'meet', 'discuss', 'troop', 'paris', 'new']);
    expect(idf.get('envoy')).toBeCloseTo(Math.log(1 + 3 / 2), 12);
    const vocabulary = new Vocabulary();
    expect(cosine(vectorize(['envoys', 'discussed', 'troops'], idf, 1, vocabulary), vectorize(['envoy', 'discussing', 'troop'], idf, 1, vocabulary))).toBeCloseTo(1, 12);
  });

  it('stems: Porter’s first step, leaving short words, names as written and -ss, -us, -is alone', () => {
    const cases: [string, string][] = [
      ['guarantees', 'guarantee'], ['ponies', 'poni'], ['caresses', 'caress'], ['agreed', 'agree'], ['feed', 'feed'],
      ['hoped', 'hope'], ['hopping', 'hop'], ['falling', 'fall'], ['related', 'relate'], ['sing', 'sing'],
      ['process', 'process'], ['focus', 'focus'], ['analysis', 'analysis'], ['talks', 'talk'], ['gas', 'gas'],
      ['Ukraine', 'Ukraine'], ['2026', '2026'], ['$40', '$40'],
    ];
    expect(cases.map(([word]) => [word, stemOf(word)])).toEqual(cases);
  });

  it('idf counts a content token once per passage, and leaves out stopwords and one-letter tokens', () => {
    const idf = buildIdf([['ukraine', 'ukraine', 'the', 'grid'], ['ukraine', 's'], ['paris']]);
    expect([...idf.keys()]).toEqual(['ukraine', 'grid', 'paris']);
    expect(idf.get('ukraine')).toBeCloseTo(Math.log(1 + 3 / 2), 12);
    expect(idf.get('grid')).toBeCloseTo(Math.log(1 + 3 / 1), 12);
  });

  it('cosine is symmetric and 1 for a vector with itself', () => {
    const idf = buildIdf([['ukraine', 'guarantee'], ['paris', 'coalition', 'ukraine']]);
    const vocabulary = new Vocabulary();
    const a = vectorize(['ukraine', 'guarantee', 'guarantee'], idf, 1, vocabulary);
    const b = vectorize(['paris', 'coalition', 'ukraine'], idf, 1, vocabulary);
    expect(cosine(a, a)).toBeCloseTo(1, 12);
    expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 12);
    expect(cosine(a, b)).toBeGreaterThan(0);
    expect(cosine(a, b)).toBeLessThan(1);
  });

  // The analysis compares vectors against thresholds (SAME_EVENT_COSINE) and ranks by them, so the
  // typed rows must give the very numbers a Map per vector gave: the same products, summed in the
  // same order. This is that Map form, kept as the reference.
  const mapVector = (tokens: readonly string[], idf: ReadonlyMap<string, number>, unseen: number) => {
    const vector = new Map<string, number>();
    for (const stem of contentOf(tokens).map(stemOf)) vector.set(stem, (vector.get(stem) ?? 0) + (idf.get(stem) ?? unseen));
    let norm = 0;
    for (const weight of vector.values()) norm += weight * weight;
    norm = Math.sqrt(norm) || 1;
    for (const [token, weight] of vector) vector.set(token, weight / norm);
    return vector;
  };
  const mapCosine = (a: Map<string, number>, b: Map<string, number>) => {
    const small = a.size <= b.size ? a : b;
    const large = small === a ? b : a;
    let sum = 0;
    small.forEach((weight, token) => {
      sum += weight * (large.get(token) ?? 0);
    });
    return sum;
  };
  const mapSum = (vectors: Map<string, number>[]) => {
    const sum = new Map<string, number>();
    for (const vector of vectors) vector.forEach((weight, token) => sum.set(token, (sum.get(token) ?? 0) + weight));
    return sum;
  };

  it('property: cosines and sums are bit for bit those of a Map per vector', () => {
    const many = [...words, 'the', 'a', 'kyiv', 'moscow', 'talks', 'ceasefire', 'sanctions', 'summit', 'troops', 'loan'];
    const text = fc.array(fc.constantFrom(...many), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), fc.array(text, { maxLength: 4 }), (passages, unseenTexts) => {
        const idf = buildIdf(passages);
        const vocabulary = new Vocabulary();
        const all = [...passages, ...unseenTexts];
        const typed = all.map((tokens) => vectorize(tokens, idf, 2.5, vocabulary));
        const maps = all.map((tokens) => mapVector(tokens, idf, 2.5));
        const total = sumOf(typed.slice(0, passages.length), vocabulary);
        const mapTotal = mapSum(maps.slice(0, passages.length));
        typed.forEach((a, i) => {
          expect(cosine(a, total)).toBe(mapCosine(maps[i]!, mapTotal));
          typed.forEach((b, j) => expect(cosine(a, b)).toBe(mapCosine(maps[i]!, maps[j]!)));
        });
        // The scratch row is left clean: a later vector is as if made first.
        const again = vectorize(all[0]!, idf, 2.5, vocabulary);
        expect([...again.weights]).toEqual([...typed[0]!.weights]);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('a vocabulary grown past a sum\'s dense form reads the new tokens as absent from it', () => {
    const vocabulary = new Vocabulary();
    const idf = buildIdf([[...words]]);
    const total = sumOf([vectorize(words, idf, 1, vocabulary)], vocabulary);
    const later = vectorize(['ukraine', 'newcomer', 'stranger'], idf, 1, vocabulary);
    expect(total.size).toBeGreaterThan(later.size);
    expect(cosine(later, total)).toBeCloseTo(mapCosine(mapVector(['ukraine', 'newcomer', 'stranger'], idf, 1), mapVector(words, idf, 1)), 12);
  });
});
