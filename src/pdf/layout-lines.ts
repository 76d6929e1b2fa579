import type { PdfDoc } from './pdfkit.js';
import type { Run } from './context.js';
import type { FontRole } from './load-fonts.js';

/** A piece of one run on one line, at a known offset. */
export interface Fragment {
  text: string;
  run: Run;
  font: FontRole;
  x: number;
  width: number;
}

export interface Line {
  fragments: Fragment[];
  width: number;
  height: number;
}

/** Fonts tried, in order, for a character the run's own font lacks. */
export const FALLBACK_FONTS: FontRole[] = ['sans', 'mono'];
const REPLACEMENT = '\uFFFD';

interface FontProbe {
  has(codePoint: number): boolean;
}

/** What layout needs from the document: measuring, and which font has which glyph. */
export interface Measurer {
  width(text: string, font: FontRole, size: number): number;
  covers(font: FontRole): FontProbe;
  /** Code points no font covers (drawn as U+FFFD and reported once). */
  missing: Set<number>;
}

/** A measurer over a pdfkit document, caching widths and glyph coverage. */
export function createMeasurer(doc: PdfDoc): Measurer {
  // By face and size, then text: a long brief measures ~200,000 words, and a key joined from all
  // three would be a new string (and hash) for each.
  const widths = new Map<FontRole, Map<number, Map<string, number>>>();
  const probes = new Map<FontRole, FontProbe>();
  return {
    missing: new Set(),
    width(text, font, size) {
      let bySize = widths.get(font);
      if (!bySize) widths.set(font, (bySize = new Map()));
      let byText = bySize.get(size);
      if (!byText) bySize.set(size, (byText = new Map()));
      let width = byText.get(text);
      if (width === undefined) {
        doc.font(font).fontSize(size);
        width = doc.widthOfString(text);
        byText.set(text, width);
      }
      return width;
    },
    covers(font) {
      let probe = probes.get(font);
      if (!probe) {
        doc.font(font);
        // pdfkit keeps the fontkit font on the current font object; its typings do not say so.
        const fontkit = (doc as unknown as { _font: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
        const cache = new Map<number, boolean>();
        probe = {
          has: (cp) => {
            let known = cache.get(cp);
            if (known === undefined) {
              known = cp < 0x20 || (fontkit ? fontkit.hasGlyphForCodePoint(cp) : true);
              cache.set(cp, known);
            }
            return known;
          },
        };
        probes.set(font, probe);
      }
      return probe;
    },
  };
}

/** Splits text into pieces each drawable by one font: the run's own, then the fallbacks, else U+FFFD. */
function byFont(text: string, font: FontRole, measurer: Measurer): { text: string; font: FontRole }[] {
  const own = measurer.covers(font);
  let allOwn = true;
  for (const ch of text) if (!own.has(ch.codePointAt(0)!)) allOwn = false;
  if (allOwn) return [{ text, font }];
  const pieces: { text: string; font: FontRole }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let chosen: FontRole | undefined = own.has(cp) ? font : FALLBACK_FONTS.find((fallback) => measurer.covers(fallback).has(cp));
    let drawn = ch;
    if (!chosen) {
      measurer.missing.add(cp);
      chosen = font;
      drawn = REPLACEMENT;
    }
    const last = pieces.at(-1);
    if (last && last.font === chosen) last.text += drawn;
    else pieces.push({ text: drawn, font: chosen });
  }
  return pieces;
}

/** The longest prefix of `word` that fits `width` (at least one character): for URLs and other unbreakable strings. */
function fittingPrefix(word: string, font: FontRole, size: number, width: number, measurer: Measurer): string {
  const chars = [...word];
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measurer.width(chars.slice(0, mid).join(''), font, size) <= width) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('');
}

/**
 * Breaks runs into lines no wider than `width`: words go whole onto a line when they fit; a word
 * wider than the line (a long URL) is cut where it must. Spaces at line starts are dropped.
 */
export function layoutRuns(runs: readonly Run[], width: number, measurer: Measurer, leading: number): Line[] {
  const lines: Line[] = [];
  let line: Line = { fragments: [], width: 0, height: 0 };
  let pendingSpace: { run: Run; width: number } | undefined;
  const finish = () => {
    if (line.fragments.length > 0 || lines.length === 0) lines.push(line);
    line = { fragments: [], width: 0, height: 0 };
    pendingSpace = undefined;
  };
  const place = (text: string, run: Run, font: FontRole, textWidth: number) => {
    const last = line.fragments.at(-1);
    if (pendingSpace) {
      if (last && last.run === pendingSpace.run && last.font === font && last.run === run) {
        last.text += ' ';
        last.width += pendingSpace.width;
      }
      line.width += pendingSpace.width;
      pendingSpace = undefined;
    }
    const tail = line.fragments.at(-1);
    if (tail && tail.run === run && tail.font === font && tail.x + tail.width === line.width) {
      tail.text += text;
      tail.width += textWidth;
    } else line.fragments.push({ text, run, font, x: line.width, width: textWidth });
    line.width += textWidth;
    line.height = Math.max(line.height, run.size * (1 + leading));
  };
  for (const run of runs) {
    for (const token of run.text.split(/(\s+)/)) {
      if (token === '') continue;
      if (/^\s+$/.test(token)) {
        if (token.includes('\n')) {
          finish();
          continue;
        }
        if (line.fragments.length > 0) pendingSpace = { run, width: measurer.width(' ', run.font, run.size) };
        continue;
      }
      let word = token;
      while (word.length > 0) {
        const pieces = byFont(word, run.font, measurer);
        const wordWidth = pieces.reduce((sum, piece) => sum + measurer.width(piece.text, piece.font, run.size), 0);
        const spaceWidth = pendingSpace?.width ?? 0;
        if (line.width + spaceWidth + wordWidth <= width || (line.fragments.length === 0 && wordWidth <= width)) {
          for (const piece of pieces) place(piece.text, run, piece.font, measurer.width(piece.text, piece.font, run.size));
          word = '';
        } else if (line.fragments.length > 0) {
          finish();
        } else {
          // Wider than a whole line: cut it (soft wrap for URLs and other long strings).
          const prefix = fittingPrefix(word, run.font, run.size, width, measurer);
          for (const piece of byFont(prefix, run.font, measurer)) place(piece.text, run, piece.font, measurer.width(piece.text, piece.font, run.size));
          finish();
          word = word.slice(prefix.length);
        }
      }
    }
  }
  finish();
  if (lines.length > 1 && lines.at(-1)!.fragments.length === 0) lines.pop();
  for (const l of lines) if (l.height === 0) l.height = (runs[0]?.size ?? 10) * (1 + leading);
  return lines;
}
