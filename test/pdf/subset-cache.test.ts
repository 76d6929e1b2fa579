import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/bytes.js';
import { keepSubsets, SUBSETS_PER_FACE } from '../../src/pdf/subset-cache.js';
import { tempDir } from '../helpers.js';

const dejavu = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const bytes = readFileSync(join(dejavu, 'DejaVuSerif.ttf'));
const PREFIX = 'subset-v1-fontkitX-face-';

interface Decoded {
  _decode(): { numberOfContours: number } | null;
}
const glyphOf = (font: Font, char: string) => (font as unknown as { glyphForCodePoint(cp: number): { id: number } & Decoded }).glyphForCodePoint(char.codePointAt(0)!);

/** Glyph ids of `text`'s characters, with the composite glyphs among them (accented letters in DejaVu). */
function glyphsOf(text: string): { ids: number[]; composites: number } {
  const font = create(bytes);
  const glyphs = [...text].map((char) => glyphOf(font, char));
  return { ids: glyphs.map((glyph) => glyph.id), composites: glyphs.filter((glyph) => (glyph._decode()?.numberOfContours ?? 0) < 0).length };
}

/** A subset of `ids` encoded by a fresh font, kept in `dir` or not: its bytes and final glyph list. */
function encode(ids: readonly number[], dir?: string) {
  const font = create(bytes);
  if (dir) keepSubsets(font, dir, PREFIX);
  const subset = font.createSubset();
  for (const id of ids) subset.includeGlyph(id);
  const data = subset.encode();
  return { data: Buffer.from(data), glyphs: [...subset.glyphs] };
}

const keptFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(PREFIX) && name.endsWith('.bin'));

describe('the subset cache', () => {
  const text = 'Zelensky said «100% ready» — Sánchez, Ñandú, Łódź, Ærø, Åland, Čapek';
  const { ids, composites } = glyphsOf(text);

  it('gives the bytes and glyphs fontkit encodes, cold and warm, composite glyphs included', async () => {
    expect(composites, 'the text has composite glyphs, whose parts encoding adds').toBeGreaterThan(0);
    const plain = encode(ids);
    expect(plain.glyphs.length, 'parts were added').toBeGreaterThan(new Set([0, ...ids]).size);
    const dir = await tempDir();
    const cold = encode(ids, dir);
    expect(keptFiles(dir)).toHaveLength(1);
    const warm = encode(ids, dir);
    for (const [label, run] of [['cold', cold], ['warm', warm]] as const) {
      expect(run.data.equals(plain.data), label).toBe(true);
      expect(run.glyphs, label).toEqual(plain.glyphs);
    }
  });

  it('is read: a whole file planted under the name gives its bytes (so the test above compared a kept subset)', async () => {
    const dir = await tempDir();
    encode(ids, dir);
    const [name] = keptFiles(dir);
    const file = readFileSync(join(dir, name!));
    const count = file.readUInt32BE(4);
    const dataAt = 8 + count * 2 + 32;
    const planted = Buffer.from('not a font, but whole');
    const head = Buffer.from(file.subarray(0, dataAt));
    head.write(sha256(planted), dataAt - 32, 'hex');
    writeFileSync(join(dir, name!), Buffer.concat([head, planted]), { mode: 0o600 });
    expect(encode(ids, dir).data.equals(planted)).toBe(true);
  });

  it('encodes afresh, and replaces the file, when it is damaged, truncated or names other glyphs', async () => {
    const plain = encode(ids);
    const dir = await tempDir();
    encode(ids, dir);
    const [name] = keptFiles(dir);
    const path = join(dir, name!);
    const good = readFileSync(path);
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 10) ^ 0xff, flipped.length - 10);
    const otherGlyphs = Buffer.from(good);
    otherGlyphs.writeUInt16BE(otherGlyphs.readUInt16BE(10) + 1, 10);
    const tooMany = Buffer.from(good);
    tooMany.writeUInt32BE(0xffffff, 4);
    for (const [label, damaged] of [
      ['a byte of the subset changed', flipped],
      ['another glyph list', otherGlyphs],
      ['a count past the end', tooMany],
      ['truncated', good.subarray(0, 20)],
      ['not a subset file', Buffer.from('{}')],
    ] as const) {
      writeFileSync(path, damaged, { mode: 0o600 });
      expect(encode(ids, dir).data.equals(plain.data), label).toBe(true);
      expect(readFileSync(path).equals(good), `${label}: replaced`).toBe(true);
    }
  });

  it(`keeps the ${SUBSETS_PER_FACE} most recently used subsets of a face`, async () => {
    const dir = await tempDir();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const lists = Array.from({ length: SUBSETS_PER_FACE + 3 }, (_, i) => glyphsOf(letters.slice(i, i + 5)).ids);
    // File times are set by hand, one second apart and long ago, so the order depends neither on the
    // clock's resolution nor on its reading.
    const age = (index: number) => {
      const name = keptFiles(dir).find((file) => readFileSync(join(dir, file)).readUInt16BE(10) === lists[index]![0]);
      const time = new Date(Date.UTC(2000, 0, 1, 0, 0, index));
      utimesSync(join(dir, name!), time, time);
    };
    for (const [i, list] of lists.slice(0, SUBSETS_PER_FACE).entries()) {
      encode(list, dir);
      age(i);
    }
    expect(keptFiles(dir)).toHaveLength(SUBSETS_PER_FACE);
    // The oldest is used again (a hit sets its time to now), then three more are made.
    encode(lists[0]!, dir);
    for (const list of lists.slice(SUBSETS_PER_FACE)) encode(list, dir);
    const kept = keptFiles(dir).map((file) => readFileSync(join(dir, file)).readUInt16BE(10));
    expect(kept).toHaveLength(SUBSETS_PER_FACE);
    expect(kept, 'the used one stays').toContain(lists[0]![0]);
    for (const i of [1, 2, 3]) expect(kept, `subset ${i}, the oldest unused, goes`).not.toContain(lists[i]![0]);
  });

  it('costs only the encoding when its folder cannot be written', async () => {
    const blocker = join(await tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'a file where the cache folder should be');
    expect(encode(ids, blocker).data.equals(encode(ids).data)).toBe(true);
  });
});
