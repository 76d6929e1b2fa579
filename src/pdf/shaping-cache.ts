import { join } from 'node:path';
import { create, type Font, type Glyph, type GlyphRun } from 'fontkit';
import { sha256 } from '../bytes.js';
import { cacheDir, dependencyVersion, isShapingFile, isSubsetFile, readOwnFile, removeStale, writeCacheFile } from '../cache-dir.js';
import { deferGlyphNames } from './post-header.js';
import { encodeWord, ShapingTable, writeShapingTable, type ShapedWord } from './shaping-table.js';
import { keepSubsets, subsetFilePrefix } from './subset-cache.js';

/**
 * Shaped words kept between runs. Shaping a word with fontkit (OpenType substitution and
 * positioning) costs ~0.1 ms, and a brief has thousands of distinct words per face: a fifth of
 * the sample brief's time. Analysts regenerate the same brief many times, so each face's shaped
 * words are kept in a file under the cache folder, keyed by the font's bytes and fontkit's version.
 *
 * A replayed word gives what shaping it would have given, glyph for glyph: the glyph look-ups
 * shaping made (which fix each glyph's code points in fontkit's per-font glyph cache, and so the
 * PDF's ToUnicode map) are recorded and made again in the same order. The PDF's bytes do not
 * depend on the cache.
 */

const VERSION = 5;
/**
 * Words kept per face. Past this, a run that shaped new words keeps them, then the words it drew
 * from the file, then the others as the file held them (most recently kept first), and drops the
 * rest: a desk's vocabulary drifts, and the words least recently drawn go first.
 */
const MAX_WORDS = 50_000;

const isId = (value: unknown, below: number): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) < below;

/** A well-formed entry for a font of `glyphs` glyphs (a cache file is read back, never trusted). */
function isEntry(value: unknown, glyphs: number): value is ShapedWord {
  const entry = value as ShapedWord;
  if (!Array.isArray(entry?.g) || !Array.isArray(entry.p) || !Array.isArray(entry.r)) return false;
  if (!entry.g.every((id) => isId(id, glyphs)) || entry.p.length !== entry.g.length * 4 || !entry.p.every(Number.isFinite)) return false;
  for (let i = 0; i < entry.r.length; i += 2 + entry.r[i + 1]!) {
    if (!isId(entry.r[i], glyphs) || !isId(entry.r[i + 1], 64) || i + 2 + entry.r[i + 1]! > entry.r.length) return false;
    for (let k = i + 2; k < i + 2 + entry.r[i + 1]!; k++) if (!isId(entry.r[k], 0x110000)) return false;
  }
  return true;
}

/** A glyph run rebuilt from an entry: fresh position objects (pdfkit scales them in place). */
function replay(entry: ShapedWord, getGlyph: (id: number, codePoints?: number[]) => Glyph): GlyphRun {
  for (let i = 0; i < entry.r.length; i += 2 + entry.r[i + 1]!) getGlyph(entry.r[i]!, entry.r.slice(i + 2, i + 2 + entry.r[i + 1]!));
  const glyphs = entry.g.map((id) => getGlyph(id));
  const positions = glyphs.map((_, i) => ({ xAdvance: entry.p[i * 4]!, yAdvance: entry.p[i * 4 + 1]!, xOffset: entry.p[i * 4 + 2]!, yOffset: entry.p[i * 4 + 3]! }));
  return {
    glyphs,
    positions,
    get advanceWidth() {
      return positions.reduce((sum, position) => sum + position.xAdvance, 0);
    },
  };
}

/** A face whose layout() answers from its cache file when it can, and records what it shapes. */
class CachedFace {
  /** The file as last read or written, opened at the first layout. */
  private table: ShapingTable | undefined;
  /** Words shaped in this run, as the file's entries (written by save()). */
  private readonly added = new Map<string, Uint8Array>();
  /** Words this run drew from the file, in the order first drawn. */
  private readonly drawn = new Set<string>();
  /** Words looked up and checked, or shaped, so far (a word can be drawn more than once). */
  private readonly known = new Map<string, ShapedWord>();

  constructor(
    readonly font: Font,
    private readonly file: string | undefined,
    private readonly maxWords: number,
  ) {
    const shape = font.layout.bind(font);
    const getGlyph = font.getGlyph.bind(font);
    // Read once: fontkit's getter goes through its table cache at each call, and every replayed word is checked against it.
    const glyphCount = font.numGlyphs;
    font.layout = (text: string, features?: unknown): GlyphRun => {
      if (features !== undefined) return shape(text, features);
      const table = (this.table ??= new ShapingTable(this.file ? readOwnFile(this.file) : undefined, VERSION));
      let entry = this.known.get(text);
      if (!entry) {
        const stored = table.get(text);
        if (isEntry(stored, glyphCount)) {
          this.known.set(text, (entry = stored));
          this.drawn.add(text);
        }
      }
      if (entry) return replay(entry, getGlyph);
      const lookups: number[] = [];
      font.getGlyph = (id: number, codePoints: number[] = []) => {
        lookups.push(id, codePoints.length, ...codePoints);
        return getGlyph(id, codePoints);
      };
      let run: GlyphRun;
      try {
        run = shape(text);
      } finally {
        delete (font as Partial<Font>).getGlyph;
      }
      const shaped = { g: run.glyphs.map((glyph) => glyph.id), p: run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), r: lookups };
      const bytes = this.added.size < this.maxWords ? encodeWord(text, shaped) : undefined;
      if (bytes) {
        this.added.set(text, bytes);
        this.known.set(text, shaped);
      }
      return run;
    };
  }

  /**
   * Writes the file when this run shaped words (temp file, then rename: readers never see half a
   * file): the new words, the words drawn from the file, then the file's others, up to maxWords.
   */
  save(): boolean {
    const { table } = this;
    if (!this.file || !table || this.added.size === 0) return false;
    const entries = new Map<string, Uint8Array>();
    const keep = (word: string, bytes: Uint8Array | undefined) => {
      if (bytes && entries.size < this.maxWords && !entries.has(word)) entries.set(word, bytes);
    };
    for (const [word, bytes] of this.added) keep(word, bytes);
    for (const word of this.drawn) keep(word, table.bytesOf(word));
    for (const [word, bytes] of table.entries()) {
      if (entries.size >= this.maxWords) break;
      keep(word, bytes);
    }
    const file = writeShapingTable(entries, VERSION);
    writeCacheFile(this.file, file);
    this.table = new ShapingTable(file, VERSION);
    this.added.clear();
    this.drawn.clear();
    return true;
  }
}

/** Parsed faces for one or more documents, with their shaped words; save() writes what is new. */
export interface ShapingCache {
  faces<Role extends string>(fonts: Record<Role, Buffer>): Record<Role, Font>;
  save(): void;
}

export function openShapingCache(dir: string | undefined = cacheDir(), { maxWords = MAX_WORDS } = {}): ShapingCache {
  const byHash = new Map<string, CachedFace>();
  // fontkit's version is part of every file's name: its shaping may change between versions.
  const version = dir ? dependencyVersion('fontkit') : '';
  const subsetPrefix = subsetFilePrefix(version);
  return {
    faces(fonts) {
      const out = {} as Record<keyof typeof fonts, Font>;
      for (const role of Object.keys(fonts) as (keyof typeof fonts)[]) {
        const bytes = fonts[role];
        const hash = sha256(bytes).slice(0, 32);
        let face = byHash.get(hash);
        if (!face) {
          const font = create(bytes);
          deferGlyphNames(font, bytes);
          if (dir) keepSubsets(font, dir, `${subsetPrefix}${hash}-`);
          face = new CachedFace(font, dir ? join(dir, `shaping-v${VERSION}-fontkit${version}-${hash}.bin`) : undefined, maxWords);
          byHash.set(hash, face);
        }
        out[role] = face.font;
      }
      return out;
    },
    save() {
      let saved = false;
      for (const face of byHash.values()) {
        try {
          saved = face.save() || saved;
        } catch {
          // Best effort: an unwritable cache folder (read-only home, full disk) costs speed, never a brief.
        }
      }
      // Files of another format or fontkit version are never read again.
      if (saved && dir) {
        removeStale(dir, isShapingFile, `shaping-v${VERSION}-fontkit${version}-`);
        removeStale(dir, isSubsetFile, subsetPrefix);
      }
    },
  };
}
