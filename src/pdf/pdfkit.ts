/**
 * The one module that touches pdfkit. Its @types lag the library (tagged PDF structure, lang,
 * displayTitle, goTo/destination text options, continueOnNewPage), so the gaps are declared here
 * and nowhere else.
 */
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';

/** A structure element of a tagged PDF (P, H1, L, LI, Table, Link…). */
export interface StructElement {
  add(child: StructElement | (() => void)): StructElement;
  end(): void;
}

interface TaggingApi {
  struct(type: string, options?: { alt?: string; title?: string; lang?: string; scope?: 'Row' | 'Column' | 'Both' }, children?: (() => void) | StructElement[]): StructElement;
  addStructure(element: StructElement): void;
  markContent(tag: string, options?: { type?: string }): void;
  endMarkedContent(): void;
  continueOnNewPage(): void;
  /** Decodes an image once, to know its size before drawing it. */
  openImage(source: Buffer): { width: number; height: number };
}

export type PdfDoc = Omit<PDFKit.PDFDocument, keyof TaggingApi> & TaggingApi;

export interface PdfOptions {
  size: 'A4' | 'LETTER';
  margins: { top: number; bottom: number; left: number; right: number };
  info: { Title: string; Author: string; Subject: string; Keywords: string; CreationDate: Date; ModDate: Date };
  lang: string;
}

/**
 * pdfkit text options, including the ones its typings miss. `textWidth` and `wordCount` are the
 * text's measure as its line wrapper passes them: given, pdfkit does not measure the text again for
 * the underline, strike-through or link it may draw under it.
 */
export type TextOptions = Omit<PDFKit.Mixins.TextOptions, 'goTo' | 'destination' | 'link'> & {
  goTo?: string | null;
  destination?: string | null;
  link?: string | null;
  textWidth?: number;
  wordCount?: number;
};

/** Each document's bytes, in the pieces pdfkit wrote them. */
const written = new WeakMap<object, Uint8Array[]>();

/** A pdfkit page as far as writing its content goes; its typings do not say. */
interface PageContent {
  write(chunk: string | Uint8Array): void;
  end(): void;
}

/**
 * pdfkit turns each operator it writes to a page, and each piece of the document (five or so for
 * each of a long brief's tens of thousands of objects), into bytes with a JavaScript loop, then
 * pushes the document's pieces through a Node stream. This writes the same bytes with less: a page's
 * operators are joined and turned into bytes once, when the page ends, and the document's pieces
 * are kept in a list, strings turned into bytes natively. pdfkit's loop keeps each character's low
 * byte, as Latin-1 encoding does. Nothing flows through the stream but its end: finishPdf reads the list.
 */
class CollectedPdf extends PDFDocument {
  /** Where the next piece starts (pdfkit reads it for each object's offset in the cross-reference table). */
  declare _offset: number;

  _write(data: string | Uint8Array): void {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    let pieces = written.get(this);
    // pdfkit's constructor writes the header before this class's own fields could be set.
    if (!pieces) written.set(this, (pieces = []));
    pieces.push(bytes);
    this._offset += bytes.length;
  }

  override addPage(options?: PDFKit.PDFDocumentOptions): this {
    super.addPage(options);
    const page = this.page as unknown as PageContent;
    const write = page.write.bind(page);
    const end = page.end.bind(page);
    let pending = '';
    const flush = () => {
      if (pending) write(Buffer.from(pending, 'latin1'));
      pending = '';
    };
    // Every operator reaches the page's content through write (addContent, and pdfkit's closing of
    // marked content), so they keep their order.
    page.write = (chunk) => {
      if (typeof chunk === 'string') pending += `${chunk}\n`;
      else {
        flush();
        write(chunk);
      }
    };
    page.end = () => {
      flush();
      end();
    };
    return this;
  }
}

/** A new tagged document: buffered pages (for "Page X of Y"), fixed dates (reproducible bytes). */
export function createPdf(options: PdfOptions): PdfDoc {
  return new CollectedPdf(pdfkitOptions(options)) as unknown as PdfDoc;
}

/** The options pdfkit's constructor gets for a document of ours. */
export function pdfkitOptions(options: PdfOptions): PDFKit.PDFDocumentOptions {
  return {
    size: options.size,
    margins: options.margins,
    info: options.info,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: options.lang,
    tagged: true,
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions;
}

/** Registers a face by role: font file bytes, or a fontkit font already parsed (pdfkit takes either). */
export function registerFont(doc: PdfDoc, role: string, face: Buffer | Font): void {
  doc.registerFont(role, face as Buffer);
}

/** Writes text with the extended options. */
export function drawText(doc: PdfDoc, text: string, options: TextOptions, x?: number, y?: number): void {
  if (x === undefined) doc.text(text, options as PDFKit.Mixins.TextOptions);
  else doc.text(text, x, y, options as PDFKit.Mixins.TextOptions);
}

/** pdfkit's number format in content streams: six decimals at most. */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** What drawWords reads of pdfkit's current font when it is an embedded face (its EmbeddedFont); the typings do not say. */
interface EmbeddedFace {
  id: string;
  ascender: number;
  /** Glyph units to pdfkit's thousandths of the font size. */
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  layoutCached(word: string): {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
    positions: { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[];
  };
  ref(): unknown;
}

/** A word as drawn: its glyphs' ids in the subset (hex), and each glyph's kerning (advance less its width). */
interface EncodedWord {
  hex: string[];
  kerning: number[];
}

/** Words encoded so far, by face: a long brief draws the same words thousands of times. */
const encodedWords = new WeakMap<object, Map<string, EncodedWord | null>>();

/**
 * A word encoded as pdfkit's EmbeddedFont.encode would: its glyphs included in the subset in order,
 * their widths and code points recorded on first sight. Null for a word whose glyphs are moved off
 * the baseline (combining marks), which pdfkit draws its own way.
 */
function encodeWord(face: EmbeddedFace, word: string): EncodedWord | null {
  let words = encodedWords.get(face);
  if (!words) encodedWords.set(face, (words = new Map()));
  let encoded = words.get(word);
  if (encoded !== undefined) return encoded;
  const { glyphs, positions } = face.layoutCached(word);
  encoded = { hex: [], kerning: [] };
  for (let i = 0; i < glyphs.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      encoded = null;
      break;
    }
    const glyph = glyphs[i]!;
    const gid = face.subset.includeGlyph(glyph.id);
    encoded.hex.push(`0000${gid.toString(16)}`.slice(-4));
    face.widths[gid] ??= glyph.advanceWidth * face.scale;
    face.unicode[gid] ??= glyph.codePoints;
    encoded.kerning.push(position.xAdvance - position.advanceWidth);
  }
  // A word with a glyph off the baseline may have included some glyphs: pdfkit includes them again, at no cost.
  words.set(word, encoded);
  return encoded;
}

/**
 * Draws one line of text at (x, y) in the current font, size and fill colour, as pdfkit's
 * `text(text, x, y, { lineBreak: false })` does for plain text, byte for byte: the same operators,
 * the same subset. What it spares is pdfkit's work around them: its options, laying the text out
 * again, joining the words' glyphs, and measuring the text after drawing it. Words are split where
 * pdfkit splits them (after a space or a tab) and encoded once per face. Returns false, drawing
 * nothing, when the text is not drawn with an embedded face or a glyph sits off the baseline: the
 * caller draws it with pdfkit then. The cursor goes past it by `width`, as pdfkit's would (the
 * text is measured when no width is given). `underline` draws the line `{ underline: true }` draws
 * under it, in the fill colour, before the text.
 */
export function drawWords(doc: PdfDoc, text: string, x: number, y: number, width?: number, underline = false): boolean {
  const internals = doc as unknown as {
    _font: Partial<EmbeddedFace>;
    _fontSize: number;
    _fillColor?: [PDFKit.Mixins.ColorValue, number | undefined];
    _textOptions: object | null;
    page: { height: number; fonts: Record<string, unknown> };
  };
  const face = internals._font;
  // A standard font, or options left by a `continued` text (which text() would merge), are pdfkit's.
  if (!face.subset || typeof face.layoutCached !== 'function' || internals._textOptions || text.length === 0 || /[\n\r]/.test(text)) return false;
  if (underline && !internals._fillColor) return false;
  const embedded = face as EmbeddedFace;
  const hex: string[] = [];
  const kerning: number[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== ' ' && text[i] !== '\t') continue;
    if (i === text.length && start === i) break;
    const word = encodeWord(embedded, text.slice(start, i + 1));
    if (!word) return false;
    hex.push(...word.hex);
    kerning.push(...word.kerning);
    start = i + 1;
  }
  const size = internals._fontSize;
  doc.x = x;
  doc.y = y;
  if (underline) {
    // As text() draws it: the text's measured width, a hairline below 10 pt, the fill colour.
    const lineWidth = size < 10 ? 0.5 : Math.floor(size / 10);
    const lineY = y + doc.currentLineHeight() - lineWidth;
    const textWidth = doc.widthOfString(text);
    doc.save();
    doc.strokeColor(...internals._fillColor!);
    doc.lineWidth(lineWidth);
    doc.moveTo(x, lineY);
    doc.lineTo(x + textWidth, lineY);
    doc.stroke();
    doc.restore();
  }
  doc.save();
  doc.transform(1, 0, 0, -1, 0, internals.page.height);
  const baseline = internals.page.height - y - (embedded.ascender / 1000) * size;
  internals.page.fonts[embedded.id] ??= embedded.ref();
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm`);
  doc.addContent(`/${embedded.id} ${pdfNumber(size)} Tf`);
  // A TJ segment ends at each kerned glyph, and at the last: as pdfkit writes them.
  const commands: string[] = [];
  let last = 0;
  const segment = (end: number) => {
    if (last < end) commands.push(`<${hex.slice(last, end).join('')}> ${pdfNumber(-kerning[end - 1]!)}`);
    last = end;
  };
  for (let i = 0; i < kerning.length; i++) if (kerning[i] !== 0) segment(i + 1);
  segment(kerning.length);
  if (commands.length > 0) doc.addContent(`[${commands.join(' ')}] TJ`);
  doc.addContent('ET');
  doc.restore();
  doc.x = x + (width ?? doc.widthOfString(text));
  return true;
}

/** The two operators `fillColor` writes for a colour given as text (hex or a colour's name), by colour. */
const fillOperators = new Map<string, readonly [string, string] | null>();

/**
 * Sets the fill colour as pdfkit's `fillColor(color)` does, byte for byte: the colour space, then
 * the colour. pdfkit works the operators out again at every call (parsing the hex, dividing each
 * channel, printing three fractions), and a long brief sets a colour for each of its ~40,000
 * fragments of text; here they are worked out once per colour, by pdfkit. A colour pdfkit does not
 * read as RGB or CMYK (a spot colour, which is the document's own) is left to it.
 */
export function setFillColor(doc: PdfDoc, color: string): void {
  const internals = doc as unknown as {
    _normalizeColor(color: string): number[] | object | null;
    _getColorSpace(color: number[]): string;
    _fillColor?: [string, undefined];
  };
  let operators = fillOperators.get(color);
  if (operators === undefined) {
    const normalized = internals._normalizeColor(color);
    operators = Array.isArray(normalized) ? [`/${internals._getColorSpace(normalized)} cs`, `${normalized.join(' ')} scn`] : null;
    fillOperators.set(color, operators);
  }
  if (!operators) {
    doc.fillColor(color);
    return;
  }
  doc.addContent(operators[0]);
  doc.addContent(operators[1]);
  // With no opacity given, fillColor sets none (and writes none).
  internals._fillColor = [color, undefined];
}

/**
 * A label, a list's marker or a chart's text: one line at (x, y), drawn as `text(…, { lineBreak: false })`
 * draws it. `width`, when the caller has measured the text already, is not measured again.
 */
export function drawLabel(doc: PdfDoc, text: string, x: number, y: number, width?: number): void {
  if (!drawWords(doc, text, x, y, width)) drawText(doc, text, { lineBreak: false }, x, y);
}

/** Collects the finished document into one buffer. */
export function finishPdf(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(written.get(doc) ?? [])));
    doc.on('error', reject);
    // Nothing is pushed through the stream but its end, which comes only to a flowing stream.
    doc.resume();
    doc.end();
  });
}
