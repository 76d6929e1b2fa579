import type { Font } from 'fontkit';

/**
 * fontkit decodes a face's whole `post` table the first time anything reads it: for a DejaVu face,
 * the names of ~6,000 glyphs (21 ms over the sample brief's five faces, on a cold start). pdfkit
 * reads it only for two header fields (isFixedPitch and italicAngle) when it embeds the face, and
 * nothing Briefwright draws asks for glyph names.
 *
 * So the table's fixed 32-byte header is read from the font's bytes, and the rest (the glyph
 * names of versions 2, 2.5 and 4) is decoded by fontkit only if something reads it. The values
 * are the ones fontkit's own decoding gives (test/pdf/post-header.test.ts compares every DejaVu face).
 */

/** The fontkit internals this relies on: the cache of decoded tables and the table decoder. */
interface FontInternals {
  _tables?: Record<string, unknown>;
  _decodeTable?: (entry: unknown) => Record<string, unknown>;
  directory?: { tables?: Record<string, unknown> };
}

/** Fields that follow the header, by version; read lazily through fontkit. */
const REST = ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map'];

/** The offset and length of a table in an sfnt file (TrueType or OpenType), if it has one. */
export function findTable(bytes: Uint8Array, tag: string): { offset: number; length: number } | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    if (at + 16 > bytes.length) return undefined;
    if (String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!) !== tag) continue;
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    return offset + length <= bytes.length ? { offset, length } : undefined;
  }
  return undefined;
}

/**
 * Gives `font` a `post` table whose header is read from `bytes` (the file the font was made from)
 * and whose glyph names fontkit decodes on first use. Leaves the font as it is when the table is
 * missing or short, or when fontkit's internals are not the ones expected.
 */
export function deferGlyphNames(font: Font, bytes: Uint8Array): void {
  const internals = font as unknown as FontInternals;
  const entry = internals.directory?.tables?.post;
  const tables = internals._tables;
  const decode = internals._decodeTable;
  const table = findTable(bytes, 'post');
  if (!entry || !tables || typeof decode !== 'function' || 'post' in tables || !table || table.length < 32) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, 32);
  const fixed = (at: number) => view.getInt32(at) / 65536;
  const header: Record<string, unknown> = {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  let full: Record<string, unknown> | undefined;
  for (const key of REST) {
    Object.defineProperty(header, key, {
      enumerable: true,
      get: () => (full ??= decode.call(font, entry))[key],
    });
  }
  tables.post = header;
}
