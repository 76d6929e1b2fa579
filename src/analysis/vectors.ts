import { contentOf, isContent } from './tokenize.js';

/** A sparse TF-IDF vector, L2-normalised. */
export type Vector = Map<string, number>;

/**
 * Inverse document frequencies over a set of passages, each given as its tokens (smoothed, always
 * positive). A token counts once per passage: the passage that last counted it is noted, rather
 * than each passage's content tokens filtered into a list and a set.
 */
export function buildIdf(passages: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  const countedIn = new Map<string, number>();
  passages.forEach((tokens, p) => {
    for (const token of tokens) {
      if (countedIn.get(token) === p || !isContent(token)) continue;
      countedIn.set(token, p);
      df.set(token, (df.get(token) ?? 0) + 1);
    }
  });
  const idf = new Map<string, number>();
  for (const [token, count] of df) idf.set(token, Math.log(1 + passages.length / count));
  return idf;
}

/** The TF-IDF vector of a text given as its tokens (tokenize(text)); tokens unseen by the idf get the rarest weight. */
export function vectorize(tokens: readonly string[], idf: ReadonlyMap<string, number>, unseen: number): Vector {
  const vector: Vector = new Map();
  for (const token of contentOf(tokens)) vector.set(token, (vector.get(token) ?? 0) + (idf.get(token) ?? unseen));
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  for (const [token, weight] of vector) vector.set(token, weight / norm);
  return vector;
}

/**
 * Cosine similarity of two normalised vectors (their dot product). Clustering and the timeline
 * take tens of thousands in a long brief; `forEach` walks the map without the entry array and
 * iterator result that a `for…of` over it allocates per token (76 of the 609 MB a long brief
 * allocated). The same products, summed in the same order.
 */
export function cosine(a: Vector, b: Vector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let sum = 0;
  small.forEach((weight, token) => {
    sum += weight * (large.get(token) ?? 0);
  });
  return sum;
}

/** The sum of vectors, token by token (not normalised): a vector's summed cosine with all of them is one cosine with the sum. */
export function sumOf(vectors: Iterable<Vector>): Vector {
  const sum: Vector = new Map();
  for (const vector of vectors) {
    vector.forEach((weight, token) => {
      sum.set(token, (sum.get(token) ?? 0) + weight);
    });
  }
  return sum;
}
