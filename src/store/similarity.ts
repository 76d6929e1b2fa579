/** Word 5-gram shingles and MinHash signatures for near-duplicate (syndication) detection. */

import { fnv1a, fnv1aRange } from '../bytes.js';

const SHINGLE = 5;
/** 32 hashes in 8 bands of 4: a pair at 90% similarity becomes a candidate with p > 0.999. */
export const MINHASH_SIZE = 32;
export const BANDS = 8;
const ROWS = MINHASH_SIZE / BANDS;

/** Lower-case words without punctuation or accents, for comparing texts across outlets. */
export function normalizeForComparison(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words two copies of a story are compared on: the body (syndicators rewrite headlines), or the title when there is no body. */
export function comparableWords(title: string, paragraphs: readonly string[]): string[] {
  return normalizeForComparison(paragraphs.length > 0 ? paragraphs.join(' ') : title);
}

/**
 * Hashed 5-word shingles of a text (a short text is one shingle): each the hash of five words
 * joined by spaces, read from the text joined once (a string per window cost more than the hashing).
 */
export function shingles(words: readonly string[]): Set<number> {
  const set = new Set<number>();
  const text = words.join(' ');
  if (words.length < SHINGLE) {
    if (words.length > 0) set.add(fnv1a(text));
    return set;
  }
  // Where each word starts in the joined text; one more entry, past the end, closes the last word.
  const starts = new Uint32Array(words.length + 1);
  for (let i = 0, at = 0; i < words.length; i++) {
    starts[i] = at;
    at += words[i]!.length + 1;
  }
  starts[words.length] = text.length + 1;
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(fnv1aRange(text, starts[i]!, starts[i + SHINGLE]! - 1));
  return set;
}

// Fixed odd multipliers and offsets: signatures must be stable across runs and machines.
const multipliers = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => fnv1a(`a${i}`) | 1);
const offsets = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) => fnv1a(`b${i}`));

/** MinHash signature of a shingle set. */
export function minhash(set: ReadonlySet<number>): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const value of set) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const hashed = (Math.imul(value, multipliers[i]!) + offsets[i]!) >>> 0;
      if (hashed < signature[i]!) signature[i] = hashed;
    }
  }
  return signature;
}

/** LSH band keys of a signature: texts sharing a key are candidates for comparison. */
export function bandKeys(signature: Uint32Array): string[] {
  return Array.from({ length: BANDS }, (_, band) => `${band}:${Array.from(signature.subarray(band * ROWS, (band + 1) * ROWS)).join('.')}`);
}

/** A text's shingles as a sorted array without repeats: a quarter of a Set's memory, for keeping many. */
export function sortedShingles(words: readonly string[]): Uint32Array {
  return Uint32Array.from(shingles(words)).sort();
}

/** Share of the smaller text's shingles found in the larger one (1 = one contains the other), from sortedShingles. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < small.length && j < large.length; ) {
    if (small[i] === large[j]) {
      shared++;
      i++;
      j++;
    } else if (small[i]! < large[j]!) i++;
    else j++;
  }
  return shared / small.length;
}
