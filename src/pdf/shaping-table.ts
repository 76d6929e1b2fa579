import { fnv1a, fnv1aBytes } from '../bytes.js';

/**
 * The shaping cache's file format (src/pdf/shaping-cache.ts): a hash table of shaped words that is
 * read by looking up the words a brief draws, never parsed whole. A face's file holds every word
 * the user's briefs have drawn with it (up to 50,000), so a whole-file parse would cost each run in
 * proportion to all of them.
 *
 * Little-endian throughout:
 * - header: `BWSH`, u32 format, u32 entries, u32 slots (a power of two, at least twice the entries);
 * - slots × u32: the byte offset of an entry, 0 for an empty slot; a word's slot is fnv1a(word) in
 *   the slot mask, and the slots after it in turn (linear probing);
 * - the entries: u32 fnv1aBytes of the rest of the entry (a damaged entry is a missing word);
 *   u16 word length, its UTF-16 code units; u16 glyph count n, u8 kind, n × u16
 *   glyph ids, the positions; u16 look-up count m, the look-ups (m × u16, or m × u32 if kind has
 *   bit 4). Positions by kind's low bits: 0, 4n × int16; 1, 4n × float64; 2, n × int16, the
 *   x advances (the other three numbers of each glyph are 0, as for most words).
 *
 * A file is read back, never trusted: every read is bounds-checked, and a damaged file or entry
 * reads as missing words (the caller checks an entry's numbers against its font).
 */

/**
 * One shaped word: glyph ids, four position numbers per glyph (x and y advance, x and y offset),
 * and the glyph look-ups shaping made, flat: glyph id, number of code points, the code points;
 * then the next look-up.
 */
export interface ShapedWord {
  g: number[];
  p: number[];
  r: number[];
}

const MAGIC = 0x48535742; // 'BWSH'
const HEADER = 16;
/** Each entry starts with its checksum. */
const CHECKSUM = 4;
const INT16 = 0;
const FLOAT64 = 1;
const ADVANCES = 2;
const POSITIONS = 3;
const WIDE_LOOKUPS = 4;
const positionBytesPerGlyph = [8, 32, 2];

const fitsInt16 = (value: number): boolean => Number.isInteger(value) && value >= -0x8000 && value <= 0x7fff && !Object.is(value, -0);
const fitsUint = (value: number, max: number): boolean => Number.isInteger(value) && value >= 0 && value <= max;

/** A word and its shaping as one entry's bytes, or undefined if the format cannot hold it. */
export function encodeWord(word: string, shaped: ShapedWord): Uint8Array | undefined {
  const { g, p, r } = shaped;
  if (word.length > 0xffff || g.length > 0xffff || r.length > 0xffff || p.length !== g.length * 4) return undefined;
  if (!g.every((id) => fitsUint(id, 0xffff)) || !r.every((value) => fitsUint(value, 0xffffffff))) return undefined;
  const positions = !p.every(fitsInt16) ? FLOAT64 : p.every((value, i) => i % 4 === 0 || value === 0) ? ADVANCES : INT16;
  const wide = r.some((value) => value > 0xffff);
  const bytes = new Uint8Array(CHECKSUM + 2 + 2 * word.length + 3 + g.length * (2 + positionBytesPerGlyph[positions]!) + 2 + r.length * (wide ? 4 : 2));
  const view = new DataView(bytes.buffer);
  let at = CHECKSUM;
  view.setUint16(at, word.length, true);
  at += 2;
  for (let i = 0; i < word.length; i++, at += 2) view.setUint16(at, word.charCodeAt(i), true);
  view.setUint16(at, g.length, true);
  view.setUint8(at + 2, positions | (wide ? WIDE_LOOKUPS : 0));
  at += 3;
  for (const id of g) view.setUint16((at += 2) - 2, id, true);
  p.forEach((value, i) => {
    if (positions === FLOAT64) view.setFloat64((at += 8) - 8, value, true);
    else if (positions === INT16 || i % 4 === 0) view.setInt16((at += 2) - 2, value, true);
  });
  view.setUint16(at, r.length, true);
  at += 2;
  for (const value of r) {
    if (wide) view.setUint32((at += 4) - 4, value, true);
    else view.setUint16((at += 2) - 2, value, true);
  }
  view.setUint32(0, fnv1aBytes(bytes, CHECKSUM, bytes.length), true);
  return bytes;
}

/** A table read from a file's bytes: an empty one when the bytes are missing or not a table of this format. */
export class ShapingTable {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  private readonly slots: number;
  /** Entries the header claims (a damaged file may hold fewer readable ones). */
  readonly size: number;

  constructor(bytes: Uint8Array | undefined, format: number) {
    const view = new DataView(bytes?.buffer ?? new ArrayBuffer(0), bytes?.byteOffset ?? 0, bytes?.byteLength ?? 0);
    const valid =
      view.byteLength >= HEADER &&
      view.getUint32(0, true) === MAGIC &&
      view.getUint32(4, true) === format &&
      isPowerOfTwo(view.getUint32(12, true)) &&
      view.getUint32(8, true) <= view.getUint32(12, true) / 2 &&
      HEADER + 4 * view.getUint32(12, true) <= view.byteLength;
    this.view = view;
    this.bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    this.slots = valid ? view.getUint32(12, true) : 0;
    this.size = valid ? view.getUint32(8, true) : 0;
  }

  /** The shaping stored for `word`, if it is there and its entry can be read. */
  get(word: string): ShapedWord | undefined {
    const at = this.find(word);
    return at === undefined ? undefined : this.decode(at);
  }

  has(word: string): boolean {
    return this.find(word) !== undefined;
  }

  /** The bytes of `word`'s entry, if it is there and readable (to write a new file with it). */
  bytesOf(word: string): Uint8Array | undefined {
    const at = this.find(word);
    const end = at === undefined ? undefined : this.entryEnd(at);
    return end === undefined ? undefined : this.bytes.subarray(at, end);
  }

  /** Every readable entry, as its word and its bytes, in the order the file holds them (the order they were written in). */
  *entries(): Generator<[string, Uint8Array]> {
    const offsets: number[] = [];
    for (let slot = 0; slot < this.slots; slot++) {
      const at = this.view.getUint32(HEADER + 4 * slot, true);
      if (at !== 0) offsets.push(at);
    }
    for (const at of offsets.sort((a, b) => a - b)) {
      const end = this.entryEnd(at);
      if (end === undefined) continue;
      const length = this.view.getUint16(at + CHECKSUM, true);
      let word = '';
      for (let i = 0; i < length; i++) word += String.fromCharCode(this.view.getUint16(at + CHECKSUM + 2 + 2 * i, true));
      yield [word, this.bytes.subarray(at, end)];
    }
  }

  /** The offset of `word`'s entry. */
  private find(word: string): number | undefined {
    if (this.slots === 0) return undefined;
    const mask = this.slots - 1;
    for (let probe = 0, slot = fnv1a(word) & mask; probe < this.slots; probe++, slot = (slot + 1) & mask) {
      const at = this.view.getUint32(HEADER + 4 * slot, true);
      if (at === 0) return undefined;
      if (this.holds(at, word)) return at;
    }
    return undefined;
  }

  private holds(at: number, word: string): boolean {
    const { view } = this;
    const key = at + CHECKSUM;
    if (key + 2 + 2 * word.length > view.byteLength || view.getUint16(key, true) !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (view.getUint16(key + 2 + 2 * i, true) !== word.charCodeAt(i)) return false;
    return true;
  }

  /** Where the entry at `at` ends, if all of it lies inside the file, its kind is known and its checksum holds. */
  private entryEnd(at: number): number | undefined {
    const { view } = this;
    const fits = (end: number) => end <= view.byteLength;
    if (!fits(at + CHECKSUM + 2)) return undefined;
    let end = at + CHECKSUM + 2 + 2 * view.getUint16(at + CHECKSUM, true);
    if (!fits(end + 3)) return undefined;
    const glyphs = view.getUint16(end, true);
    const kind = view.getUint8(end + 2);
    const perGlyph = positionBytesPerGlyph[kind & POSITIONS];
    if (kind & ~(POSITIONS | WIDE_LOOKUPS) || perGlyph === undefined) return undefined;
    end += 3 + glyphs * (2 + perGlyph);
    if (!fits(end + 2)) return undefined;
    end += 2 + view.getUint16(end, true) * (kind & WIDE_LOOKUPS ? 4 : 2);
    return fits(end) && fnv1aBytes(this.bytes, at + CHECKSUM, end) === view.getUint32(at, true) ? end : undefined;
  }

  private decode(at: number): ShapedWord | undefined {
    if (this.entryEnd(at) === undefined) return undefined;
    const { view } = this;
    let end = at + CHECKSUM + 2 + 2 * view.getUint16(at + CHECKSUM, true);
    const count = view.getUint16(end, true);
    const kind = view.getUint8(end + 2);
    const positions = kind & POSITIONS;
    end += 3;
    const g: number[] = new Array(count);
    for (let i = 0; i < count; i++, end += 2) g[i] = view.getUint16(end, true);
    const p: number[] = new Array(count * 4);
    for (let i = 0; i < p.length; i++) {
      if (positions === FLOAT64) p[i] = view.getFloat64((end += 8) - 8, true);
      else if (positions === INT16 || i % 4 === 0) p[i] = view.getInt16((end += 2) - 2, true);
      else p[i] = 0;
    }
    const r: number[] = new Array(view.getUint16(end, true));
    end += 2;
    for (let i = 0; i < r.length; i++) {
      if (kind & WIDE_LOOKUPS) r[i] = view.getUint32((end += 4) - 4, true);
      else r[i] = view.getUint16((end += 2) - 2, true);
    }
    return { g, p, r };
  }
}

function isPowerOfTwo(value: number): boolean {
  return value > 0 && (value & (value - 1)) === 0;
}

/** A file holding `entries`, in their order (each word's bytes from encodeWord or a table's entries()). */
export function writeShapingTable(entries: ReadonlyMap<string, Uint8Array>, format: number): Uint8Array {
  let slots = 16;
  while (slots < entries.size * 2) slots *= 2;
  let size = HEADER + 4 * slots;
  for (const bytes of entries.values()) size += bytes.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, format, true);
  view.setUint32(8, entries.size, true);
  view.setUint32(12, slots, true);
  const mask = slots - 1;
  let at = HEADER + 4 * slots;
  for (const [word, bytes] of entries) {
    let slot = fnv1a(word) & mask;
    while (view.getUint32(HEADER + 4 * slot, true) !== 0) slot = (slot + 1) & mask;
    view.setUint32(HEADER + 4 * slot, at, true);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}
