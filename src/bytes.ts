import { createHash } from 'node:crypto';

/** SHA-256 of bytes (or a string's UTF-8), as hex: file identity in the store, the manifest and the caches. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A byte count in mebibytes (2^20), as a number with `digits` decimals, for messages. */
export function mebibytes(bytes: number, digits = 1): string {
  return (bytes / 1048576).toFixed(digits);
}
