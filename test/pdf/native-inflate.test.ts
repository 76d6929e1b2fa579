import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const tinyInflate = require('tiny-inflate') as Inflate;
const nativeInflate = require('../../scripts/native-inflate.cjs') as Inflate;

/** Deterministic bytes with runs and noise, as Unicode tables and font tables have. */
function sample(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 97 < 60 ? (i >> 6) & 0xff : x >>> 24;
  }
  return bytes;
}

describe("the CLI bundle's tiny-inflate (zlib's inflater behind tiny-inflate's function)", () => {
  for (const [label, length, room] of [
    ['a destination of the exact size', 70_000, 0],
    ['a longer destination (a shorter copy comes back)', 5_000, 123],
    ['a shorter destination (the rest is dropped)', 5_000, -17],
    ['an empty input stream', 0, 8],
  ] as const) {
    it(`returns what tiny-inflate returns, for ${label}`, () => {
      const data = sample(length, length + 7);
      const compressed = deflateRawSync(data);
      const expected = tinyInflate(compressed, new Uint8Array(length + room));
      const actual = nativeInflate(compressed, new Uint8Array(length + room));
      expect(actual.length).toBe(expected.length);
      expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
    });
  }

  it('ignores bytes after the end of the stream, as tiny-inflate does (tables may be padded)', () => {
    const data = sample(3000, 11);
    const padded = Buffer.concat([deflateRawSync(data), Buffer.from([0, 0, 0, 7, 9])]);
    const expected = tinyInflate(padded, new Uint8Array(3000));
    expect(Buffer.from(nativeInflate(padded, new Uint8Array(3000))).equals(Buffer.from(expected))).toBe(true);
  });

  it('gives the destination itself back when it is filled, as tiny-inflate does', () => {
    const compressed = deflateRawSync(sample(1000, 3));
    const dest = new Uint8Array(1000);
    expect(nativeInflate(compressed, dest)).toBe(dest);
    expect(tinyInflate(compressed, new Uint8Array(1000))).toBeInstanceOf(Uint8Array);
  });
});
