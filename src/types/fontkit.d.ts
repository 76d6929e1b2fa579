// fontkit (pdfkit's font engine) ships no types; this is the part Briefwright uses.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    readonly advanceWidth: number;
  }
  /** The glyphs a PDF embeds (pdfkit asks for one per face and document). */
  export interface Subset {
    /** Glyph ids in the subset's order; encoding adds the parts of composite glyphs. */
    glyphs: number[];
    /** Set for an OpenType (CFF) face's subset. */
    cff?: unknown;
    includeGlyph(id: number): number;
    encode(): Uint8Array;
  }
  export interface Font {
    numGlyphs: number;
    layout(text: string, features?: unknown): GlyphRun;
    getGlyph(id: number, codePoints?: number[]): Glyph;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
