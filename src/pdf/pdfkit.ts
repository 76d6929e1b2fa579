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

/** A new tagged document: buffered pages (for "Page X of Y"), fixed dates (reproducible bytes). */
export function createPdf(options: PdfOptions): PdfDoc {
  return new PDFDocument({
    size: options.size,
    margins: options.margins,
    info: options.info,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: options.lang,
    tagged: true,
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions) as unknown as PdfDoc;
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
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
