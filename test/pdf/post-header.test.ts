import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { deferGlyphNames, findTable } from '../../src/pdf/post-header.js';

const dejavu = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const faces = readdirSync(dejavu).filter((name) => name.endsWith('.ttf'));

type Post = Record<string, unknown>;
const postOf = (font: object) => (font as { post: Post }).post;
const HEADER = ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1'];

describe('deferGlyphNames', () => {
  it.each(faces)('gives %s the post table fontkit decodes, header and glyph names', (name) => {
    const bytes = readFileSync(join(dejavu, name));
    const plain = create(bytes);
    const deferred = create(bytes);
    deferGlyphNames(deferred, bytes);
    const internals = deferred as unknown as { _tables: Record<string, Post> };
    // The header is there before fontkit decodes anything of the table…
    const header = internals._tables.post;
    expect(header, 'post set from the bytes').toBeDefined();
    for (const key of HEADER) expect(header![key], key).toEqual(postOf(plain)[key]);
    // …as pdfkit reads it, through the font's getters.
    const fields = (font: object) => {
      const f = font as { italicAngle: number; underlinePosition: number; underlineThickness: number; postscriptName: string };
      return [f.italicAngle, f.underlinePosition, f.underlineThickness, f.postscriptName, postOf(font).isFixedPitch];
    };
    expect(fields(deferred)).toEqual(fields(plain));
    // Glyph names, which need the rest of the table, are decoded by fontkit when asked for.
    const glyphName = (font: object, id: number) => (font as { getGlyph(id: number): { name: string } }).getGlyph(id).name;
    for (const id of [0, 1, 36, 100, 1000, deferred.numGlyphs - 1]) expect(glyphName(deferred, id), `glyph ${id}`).toBe(glyphName(plain, id));
    expect(postOf(deferred).names ?? null).toEqual(postOf(plain).names ?? null);
  });

  it('leaves a font alone when the bytes have no post table, or fontkit already decoded it', () => {
    const bytes = readFileSync(join(dejavu, faces[0]!));
    const font = create(bytes);
    const before = postOf(font);
    deferGlyphNames(font, bytes);
    expect(postOf(font)).toBe(before);
    const other = create(bytes);
    const truncated = bytes.subarray(0, 12 + 16);
    deferGlyphNames(other, truncated);
    expect((other as unknown as { _tables: Record<string, unknown> })._tables.post).toBeUndefined();
    expect(findTable(truncated, 'post')).toBeUndefined();
    expect(findTable(bytes.subarray(0, 4), 'post')).toBeUndefined();
    expect(findTable(bytes, 'post')).toMatchObject({ length: expect.any(Number) });
  });
});
