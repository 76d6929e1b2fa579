import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeWord, ShapingTable, writeShapingTable, type ShapedWord } from '../../src/pdf/shaping-table.js';

const FORMAT = 5;

/** Shaped words as fontkit gives them: mostly advances only, sometimes offsets, fractions or -0; look-ups past U+FFFF. */
const shapedWord = fc.integer({ min: 0, max: 6 }).chain((glyphs) =>
  fc.record({
    g: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: glyphs, maxLength: glyphs }),
    p: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 2400 }), { minLength: glyphs, maxLength: glyphs }).map((advances) => advances.flatMap((advance) => [advance, 0, 0, 0])),
      fc.array(fc.integer({ min: -0x8000, max: 0x7fff }), { minLength: glyphs * 4, maxLength: glyphs * 4 }),
      fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-0), fc.integer({ min: -70000, max: 70000 })), { minLength: glyphs * 4, maxLength: glyphs * 4 }),
    ),
    r: fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0x10ffff })), { maxLength: 20 }),
  }),
);
/** Words with spaces, accents, Cyrillic, astral characters and lone surrogates. */
const word = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('the ', 'Ukraine', 'Україна ', '𝒳', '\uD800', ''));

function tableOf(words: ReadonlyMap<string, ShapedWord>): ShapingTable {
  const entries = new Map([...words].map(([text, shaped]) => [text, encodeWord(text, shaped)!]));
  return new ShapingTable(writeShapingTable(entries, FORMAT), FORMAT);
}

describe('the shaping table (the shaping cache file)', () => {
  it('gives back every word it holds, number for number (-0 and fractions included), and no other word', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(word, shapedWord), { selector: ([text]) => text, maxLength: 40 }), word, (pairs, other) => {
        const words = new Map(pairs);
        const table = tableOf(words);
        expect(table.size).toBe(words.size);
        for (const [text, shaped] of words) {
          expect(table.has(text)).toBe(true);
          const back = table.get(text)!;
          expect(back.g).toEqual(shaped.g);
          expect(back.r).toEqual(shaped.r);
          back.p.forEach((value, i) => expect(Object.is(value, shaped.p[i]), `${value} ≠ ${shaped.p[i]}`).toBe(true));
        }
        if (!words.has(other)) expect(table.get(other)).toBeUndefined();
        // Rewritten from its own entries, as save() does, it holds the same words.
        const again = new ShapingTable(writeShapingTable(new Map(table.entries()), FORMAT), FORMAT);
        expect(new Map([...again.entries()].map(([text]) => [text, again.get(text)]))).toEqual(new Map([...words.keys()].map((text) => [text, table.get(text)])));
      }),
      { numRuns: 300 },
    );
  });

  it('reads missing, foreign or damaged bytes as missing words, never throwing or misreading', () => {
    const words = new Map<string, ShapedWord>([
      ['the ', { g: [87, 75, 72], p: [823, 0, 0, 0, 1319, 0, 0, 0, 1212, 0, 0, 0], r: [87, 1, 116, 75, 1, 104, 72, 1, 101] }],
      ['Київ', { g: [1, 2, 3, 4], p: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], r: [1, 1, 0x1d4b3] }],
    ]);
    const good = writeShapingTable(new Map([...words].map(([text, shaped]) => [text, encodeWord(text, shaped)!])), FORMAT);
    expect(new ShapingTable(undefined, FORMAT).get('the ')).toBeUndefined();
    expect(new ShapingTable(good, FORMAT + 1).get('the '), 'another format').toBeUndefined();
    expect(new ShapingTable(Buffer.from('{"version": 4, "words": {}}'), FORMAT).size, 'the JSON of format 4').toBe(0);
    for (let length = 0; length < good.length; length++) expect(() => new ShapingTable(good.subarray(0, length), FORMAT).get('Київ')).not.toThrow();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (changes) => {
        const damaged = Uint8Array.from(good);
        for (const [at, byte] of changes) damaged[at] = byte;
        const table = new ShapingTable(damaged, FORMAT);
        // A damaged entry is a missing word (its checksum), never a word with other numbers.
        for (const [text, shaped] of words) expect([undefined, shaped]).toContainEqual(table.get(text));
        expect(table.get('other')).toBeUndefined();
        for (const [text, bytes] of table.entries()) expect(new ShapingTable(writeShapingTable(new Map([[text, bytes]]), FORMAT), FORMAT).get(text)).toEqual(words.get(text));
      }),
      { numRuns: 500 },
    );
  });

  it('gives its entries back in the order they were written, and each entry’s bytes by word', () => {
    const words = ['zulu', 'alpha', 'mike', 'bravo', 'yankee'];
    const entries = new Map(words.map((text, i) => [text, encodeWord(text, { g: [i], p: [500, 0, 0, 0], r: [] })!]));
    const table = new ShapingTable(writeShapingTable(entries, FORMAT), FORMAT);
    expect([...table.entries()].map(([text]) => text)).toEqual(words);
    expect(table.bytesOf('mike')).toEqual(entries.get('mike'));
    expect(table.bytesOf('november')).toBeUndefined();
  });

  it('leaves out what it cannot hold (glyph ids past 65535, 65536 look-ups, positions not 4 a glyph)', () => {
    expect(encodeWord('x', { g: [70000], p: [1, 0, 0, 0], r: [] })).toBeUndefined();
    expect(encodeWord('x', { g: [1], p: [1, 0, 0, 0], r: new Array(0x10000).fill(1) })).toBeUndefined();
    expect(encodeWord('x', { g: [1], p: [1, 0, 0], r: [] })).toBeUndefined();
    expect(encodeWord('x', { g: [1], p: [1, 0, 0, 0], r: [-1] })).toBeUndefined();
  });

  it('stores a word of advances only in 4 bytes a glyph', () => {
    const advances = encodeWord('abc', { g: [1, 2, 3], p: [500, 0, 0, 0, 600, 0, 0, 0, 700, 0, 0, 0], r: [] })!;
    const offsets = encodeWord('abc', { g: [1, 2, 3], p: [500, 0, 0, 1, 600, 0, 0, 0, 700, 0, 0, 0], r: [] })!;
    expect(offsets.length - advances.length).toBe(3 * 6);
  });
});
