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
 * byte, as Latin-1 encoding does.
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
