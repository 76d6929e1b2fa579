import { join } from 'node:path';
import type { Font, Subset } from 'fontkit';
import { sha256 } from '../bytes.js';
import { keepRecent, readOwnFile, touchCacheFile, writeCacheFile } from '../cache-dir.js';

/**
 * Embedded font subsets kept between runs. pdfkit embeds each face as a subset of the glyphs the
 * PDF draws, and fontkit builds it by decoding every one of those glyphs and the face's hinting
 * tables: ~45 ms over the sample brief's five faces on a cold start. A brief regenerated while its
 * judgments or template are edited draws the same glyphs, so each subset is kept in the cache
 * folder, keyed by the face's file (its hash is in `prefix`), fontkit's version and the glyph list.
 *
 * A kept subset is the bytes fontkit gave for the same face and glyphs, and fontkit's encoding
 * depends on nothing else; the glyphs it added (the parts of composite glyphs) are added again in
 * the same order, so the subset ends as a fresh encoding leaves it. A file is used only if it
 * names the glyphs asked for and its bytes match the checksum it holds. CFF (OpenType) subsets
 * are always encoded afresh.
 */

/** Subsets kept per face; past this, the least recently used ones are removed. */
export const SUBSETS_PER_FACE = 8;
const MAGIC = 'bws1';
/** The files' format, part of their names. */
const VERSION = 1;

/**
 * The start of the name of every subset file of this format and fontkit version (each face's then
 * adds its hash): files named otherwise are stale.
 */
export function subsetFilePrefix(fontkitVersion: string): string {
  return `subset-v${VERSION}-fontkit${fontkitVersion}-`;
}

/**
 * The file: the magic, the number of glyphs, each glyph id (16 bits, as in the font), the SHA-256
 * of the subset's bytes, then those bytes.
 */
function pack(glyphs: readonly number[], data: Uint8Array): Buffer {
  const head = Buffer.alloc(8 + glyphs.length * 2 + 32);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32BE(glyphs.length, 4);
  glyphs.forEach((id, i) => head.writeUInt16BE(id, 8 + i * 2));
  head.write(sha256(data), 8 + glyphs.length * 2, 'hex');
  return Buffer.concat([head, data]);
}

/** The glyphs and bytes a file holds, if it is whole and begins with the glyphs `wanted`. */
function unpack(file: Buffer | undefined, wanted: readonly number[], numGlyphs: number): { glyphs: number[]; data: Uint8Array } | undefined {
  if (!file || file.length < 8 || file.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const count = file.readUInt32BE(4);
  const dataAt = 8 + count * 2 + 32;
  if (count < wanted.length || dataAt > file.length) return undefined;
  const glyphs: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = file.readUInt16BE(8 + i * 2);
    if (id >= numGlyphs || (i < wanted.length && id !== wanted[i])) return undefined;
    glyphs.push(id);
  }
  const data = new Uint8Array(file.subarray(dataAt));
  return sha256(data) === file.toString('hex', dataAt - 32, dataAt) ? { glyphs, data } : undefined;
}

/**
 * Makes `font`'s subsets (pdfkit asks for one per face and document) encode through files named
 * `<prefix><hash of the glyph list>.bin` in `dir`. A folder that cannot be read or written only
 * costs the encoding.
 */
export function keepSubsets(font: Font, dir: string, prefix: string): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = (): Subset => {
    const subset = createSubset();
    if (subset.cff != null) return subset;
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const wanted = [...subset.glyphs];
      const file = join(dir, `${prefix}${sha256(wanted.join(',')).slice(0, 32)}.bin`);
      const kept = unpack(readOwnFile(file), wanted, font.numGlyphs);
      if (kept) {
        for (const id of kept.glyphs.slice(wanted.length)) subset.includeGlyph(id);
        touchCacheFile(file);
        return kept.data;
      }
      const data = encode();
      try {
        writeCacheFile(file, pack(subset.glyphs, data));
        // The face's SUBSETS_PER_FACE most recently used.
        keepRecent(dir, (name) => name.startsWith(prefix) && name.endsWith('.bin'), SUBSETS_PER_FACE);
      } catch {
        // Best effort, as for every cache file.
      }
      return data;
    };
    return subset;
  };
}
