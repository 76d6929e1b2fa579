import { isContent, stemOf } from './tokenize.js';

/**
 * The tokens of one analysis as small integers, and one dense row of weights indexed by them: a
 * vector's weights are spread into the row (or read from a vector's own dense form) and the other
 * vector's are multiplied against it, with no hashing of strings. Made per analysis, so a
 * long-lived process (`preview --watch`, `run`'s workers) does not keep every word it ever saw.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Zero everywhere between uses. */
  private row = new Float64Array(1024);

  idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
      if (id >= this.row.length) {
        const wider = new Float64Array(this.row.length * 2);
        wider.set(this.row);
        this.row = wider;
      }
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** The shared row, zero everywhere: whoever writes into it clears what they wrote. */
  scratch(): Float64Array {
    return this.row;
  }
}

/**
 * A sparse TF-IDF vector, L2-normalised: token ids and their weights in the order the tokens first
 * occur, which is the order sums over the vector are taken in.
 */
export class Vector {
  /** Weights indexed by token id, for a vector compared with many others (a topic's sum). */
  dense: Float64Array | undefined;

  constructor(
    readonly vocabulary: Vocabulary,
    readonly ids: readonly number[],
    readonly weights: readonly number[],
  ) {}

  get size(): number {
    return this.ids.length;
  }
}

/**
 * Inverse document frequencies over a set of passages, each given as its tokens (smoothed, always
 * positive), keyed by the tokens' stems (stemOf, or the `keyOf` given), as vectors are. A stem
 * counts once per passage: the passage that last counted it is noted, rather than each passage's
 * content tokens filtered into a list and a set.
 */
export function buildIdf(passages: readonly (readonly string[])[], keyOf: (token: string) => string = stemOf): Map<string, number> {
  const df = new Map<string, number>();
  const countedIn = new Map<string, number>();
  passages.forEach((tokens, p) => {
    for (const token of tokens) {
      if (!isContent(token)) continue;
      const stem = keyOf(token);
      if (countedIn.get(stem) === p) continue;
      countedIn.set(stem, p);
      df.set(stem, (df.get(stem) ?? 0) + 1);
    }
  });
  const idf = new Map<string, number>();
  for (const [token, count] of df) idf.set(token, Math.log(1 + passages.length / count));
  return idf;
}

/**
 * The TF-IDF vector of a text given as its tokens (tokenize(text)), over their stems (or the
 * `keyOf` given), so "envoys meeting" and "envoy met" share "envoy"; stems unseen by the idf get
 * the rarest weight. A stem's weights are summed in the vocabulary's row, in the order the tokens
 * come; every weight is positive, so a zero in the row is a stem not yet seen in this text.
 */
export function vectorize(tokens: readonly string[], idf: ReadonlyMap<string, number>, unseen: number, vocabulary: Vocabulary, keyOf: (token: string) => string = stemOf): Vector {
  const ids: number[] = [];
  for (const token of tokens) {
    if (!isContent(token)) continue;
    const stem = keyOf(token);
    const id = vocabulary.idOf(stem);
    const row = vocabulary.scratch();
    if (row[id] === 0) ids.push(id);
    row[id] = row[id]! + (idf.get(stem) ?? unseen);
  }
  const row = vocabulary.scratch();
  let norm = 0;
  for (const id of ids) norm += row[id]! * row[id]!;
  norm = Math.sqrt(norm) || 1;
  const weights = ids.map((id) => {
    const weight = row[id]! / norm;
    row[id] = 0;
    return weight;
  });
  return new Vector(vocabulary, ids, weights);
}

/**
 * Cosine similarity of two normalised vectors (their dot product). Clustering and the timeline
 * take tens of thousands in a long brief. The larger vector's weights are read from its dense form
 * or spread into the vocabulary's row; the smaller one's are multiplied against them in its own
 * order, so the products and the order they are summed in are those of a lookup per token (a
 * token the larger lacks adds +0, which leaves a sum of positive products unchanged).
 */
export function cosine(a: Vector, b: Vector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  const row = large.dense ?? spread(large);
  const { ids, weights } = small;
  let sum = 0;
  // A dense form made before its vocabulary grew is shorter than the row: tokens past it are absent.
  for (let i = 0; i < ids.length; i++) sum += weights[i]! * (row[ids[i]!] ?? 0);
  if (!large.dense) for (const id of large.ids) row[id] = 0;
  return sum;
}

/** A vector's weights written into its vocabulary's row (cleared by the caller). */
function spread(vector: Vector): Float64Array {
  const row = vector.vocabulary.scratch();
  const { ids, weights } = vector;
  for (let i = 0; i < ids.length; i++) row[ids[i]!] = weights[i]!;
  return row;
}

/**
 * The sum of vectors, token by token (not normalised): a vector's summed cosine with all of them is
 * one cosine with the sum. The sum keeps a dense form, as it is compared with every lead; every
 * weight is positive, so a zero in it is a token not yet summed (as in vectorize).
 */
export function sumOf(vectors: readonly Vector[], vocabulary: Vocabulary): Vector {
  const dense = new Float64Array(vocabulary.size);
  const ids: number[] = [];
  for (const vector of vectors) {
    if (vector.vocabulary !== vocabulary) throw new Error('sumOf: a vector of another vocabulary');
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i]!;
      if (dense[id] === 0) ids.push(id);
      dense[id] = dense[id]! + vector.weights[i]!;
    }
  }
  const sum = new Vector(vocabulary, ids, ids.map((id) => dense[id]!));
  sum.dense = dense;
  return sum;
}
