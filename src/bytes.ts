import { createHash } from 'node:crypto';

/** SHA-256 of bytes (or a string's UTF-8), as hex: file identity in the store, the manifest and the caches. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A byte count in mebibytes (2^20), as a number with `digits` decimals, for messages. */
export function mebibytes(bytes: number, digits = 1): string {
  return (bytes / 1048576).toFixed(digits);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a (32-bit) of text.slice(from, to) by UTF-16 code unit, without the slice: the store's
 * shingle hashes and the shaping cache's table slots. Stored values depend on it, so it never changes.
 */
export function fnv1aRange(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

export const fnv1a = (text: string): number => fnv1aRange(text, 0, text.length);

/** FNV-1a (32-bit) of bytes[from, to), byte by byte: the shaping cache's entry checksums. */
export function fnv1aBytes(bytes: Uint8Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash >>> 0;
}
