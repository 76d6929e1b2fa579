import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPdf, drawLabel, drawText, drawWords, finishPdf, pdfkitOptions, registerFont, setFillColor, type PdfDoc, type PdfOptions } from '../../src/pdf/pdfkit.js';

const dejavu = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const serif = readFileSync(join(dejavu, 'DejaVuSerif.ttf'));
const faces = { serif, sans: readFileSync(join(dejavu, 'DejaVuSans-Bold.ttf')), mono: readFileSync(join(dejavu, 'DejaVuSansMono.ttf')) };

const options: PdfOptions = {
  size: 'A4',
  margins: { top: 72, bottom: 72, left: 60, right: 60 },
  info: { Title: 'Pieces', Author: 'Desk', Subject: 'Test', Keywords: 'a, b', CreationDate: new Date('2026-01-25T00:00:00Z'), ModDate: new Date('2026-01-25T00:00:00Z') },
  lang: 'en-GB',
};

/**
 * What a brief's rendering does to a document, in small: tagged text over several pages (marked
 * content left open across a page break, which pdfkit closes by writing to the page itself),
 * links, a named destination, an embedded font, vector drawing, and a return to the first page.
 */
function draw(doc: PdfDoc): void {
  registerFont(doc, 'serif', serif);
  const section = doc.struct('Sect');
  doc.addStructure(section);
  for (let i = 0; i < 140; i++) {
    const paragraph = doc.struct('P');
    section.add(paragraph);
    paragraph.add(() => {
      doc.font(i % 3 === 0 ? 'serif' : 'Helvetica').fontSize(10 + (i % 4)).fillColor(i % 2 ? '#333333' : '#1f4e79');
      if (i === 7) doc.addNamedDestination('note-7', 'XYZ', 60, doc.y, null);
      doc.text(`Paragraph ${i}: Kyiv, Київ, “quoted” — and a longer sentence that wraps across the column's width at least once.`, { link: i % 5 === 0 ? `https://example.org/${i}` : null });
    });
    paragraph.end();
    if (i === 60) {
      doc.markContent('Span');
      doc.continueOnNewPage();
      doc.text('Inside marked content across a page break.');
      doc.endMarkedContent();
    }
    if (i % 25 === 0) doc.moveTo(60, doc.y).lineTo(300, doc.y).lineWidth(0.5).stroke('#999999');
  }
  section.end();
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('Helvetica').fontSize(8).text(`Page ${page + 1} of ${count}`, 60, 20, { lineBreak: false });
    doc.endMarkedContent();
  }
}

/** The bytes pdfkit itself writes, through its stream. */
function streamed(): Promise<Buffer> {
  const doc = new PDFDocument(pdfkitOptions(options)) as unknown as PdfDoc;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

describe('createPdf', () => {
  it("writes the bytes pdfkit's own stream gives for the same drawing", async () => {
    const expected = await streamed();
    const doc = createPdf(options);
    draw(doc);
    const pages = doc.bufferedPageRange().count;
    const bytes = await finishPdf(doc);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(bytes.length).toBe(expected.length);
    expect(bytes.equals(expected)).toBe(true);
  });
});

/** One piece of text as render-inline draws it: a face, a size, a colour and a place on the page. */
interface Piece {
  text: string;
  face: keyof typeof faces;
  size: number;
  x: number;
  y: number;
  /** A link's fragment: underlined, in its colour. */
  underline?: boolean;
}

/**
 * A document of the pieces, each drawn with drawWords (`short`) or with pdfkit's text() and the
 * options render-inline gives it; how many pieces drawWords drew.
 */
async function drawn(pieces: readonly Piece[], short: boolean): Promise<{ bytes: Buffer; drawnShort: number }> {
  const doc = createPdf(options);
  for (const [role, bytes] of Object.entries(faces)) registerFont(doc, role, bytes);
  let drawnShort = 0;
  for (const piece of pieces) {
    const underline = piece.underline ?? false;
    doc.font(piece.face).fontSize(piece.size).fillColor(underline ? '#1f4e79' : '#333333');
    if (short && drawWords(doc, piece.text, piece.x, piece.y, 100, underline)) drawnShort++;
    // As render-inline draws a fragment: measured by pdfkit when underlined, else given its width.
    else drawText(doc, piece.text, { lineBreak: false, underline, ...(underline ? {} : { textWidth: 100, wordCount: 0 }) }, piece.x, piece.y);
  }
  return { bytes: await finishPdf(doc), drawnShort };
}

describe('drawWords', () => {
  it('gives the bytes pdfkit gives for the same text: kerned pairs, Cyrillic, tabs, spaces at either end, underlined or not', async () => {
    const texts = ['AVATAR To Wa', 'Київ і Москва', 'Tab\tand  two spaces', ' leading and trailing ', 'ffi fl 1,000 € 4.8% “quoted” — dash', 'x', 'Yes. Vo, Ty.'];
    const pieces = texts.flatMap((text, i) => (['serif', 'sans', 'mono'] as const).map((face, k) => ({ text, face, size: 8 + i + k, x: 40 + k * 150, y: 60 + i * 30, underline: (i + k) % 2 === 0 })));
    const [short, long] = await Promise.all([drawn(pieces, true), drawn(pieces, false)]);
    expect(short.drawnShort).toBe(pieces.length);
    expect(short.bytes.equals(long.bytes)).toBe(true);
  });

  it("draws labels as text(…, { lineBreak: false }) does, leaving the cursor where pdfkit's would be", async () => {
    const labels = ['[12]', '•', '–', 'Jan 19', 'Київ 40%'];
    const draw = (doc: PdfDoc, label: (text: string, x: number, y: number) => void) => {
      registerFont(doc, 'serif', serif);
      doc.font('serif').fontSize(9);
      return labels.map((text, i) => {
        label(text, 50, 60 + i * 20);
        return [doc.x, doc.y];
      });
    };
    const [short, long] = [createPdf(options), createPdf(options)];
    const cursors = draw(short, (text, x, y) => drawLabel(short, text, x, y));
    expect(cursors).toEqual(draw(long, (text, x, y) => long.text(text, x, y, { lineBreak: false })));
    expect((await finishPdf(short)).equals(await finishPdf(long))).toBe(true);
  });

  it('leaves a letter with a combining mark to pdfkit, which draws it off the baseline', async () => {
    const doc = createPdf(options);
    registerFont(doc, 'serif', serif);
    doc.font('serif').fontSize(10);
    expect(drawWords(doc, 'plain words', 40, 60, 100)).toBe(true);
    expect(drawWords(doc, 'Zelenskyy said cafe\u0301 twice', 40, 80, 100)).toBe(false);
    expect(drawWords(doc, 'two\nlines', 40, 100, 100)).toBe(false);
    doc.font('Helvetica');
    expect(drawWords(doc, 'a standard font', 40, 120, 100), 'not embedded: pdfkit encodes it').toBe(false);
  });

  it('gives the same bytes as pdfkit for any text: marks, tabs, Cyrillic, joined Arabic, a character no face has (property)', async () => {
    const letters = ['a', 'V', 'T', 'o', 'f', 'i', ' ', ' ', '\t', 'К', 'ї', '\u0301', '1', '%', '’', '—', 'W', 'y', '.', 'س', 'ل', 'ا', '中'];
    const piece = fc.record({
      text: fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 24 }).map((chars) => chars.join('')),
      face: fc.constantFrom('serif', 'sans', 'mono'),
      size: fc.integer({ min: 6, max: 20 }),
      x: fc.integer({ min: 30, max: 400 }),
      y: fc.integer({ min: 30, max: 700 }),
      underline: fc.boolean(),
    }) as fc.Arbitrary<Piece>;
    let shortSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 12 }), async (pieces) => {
        const [short, long] = await Promise.all([drawn(pieces, true), drawn(pieces, false)]);
        shortSeen += short.drawnShort;
        expect(short.bytes.equals(long.bytes)).toBe(true);
      }),
      { numRuns: 50, seed: 20261207 },
    );
    expect(shortSeen, 'pieces drawn the short way').toBeGreaterThan(100);
  });
});

describe('setFillColor', () => {
  it('writes what fillColor writes, and leaves the fill colour set as it does', async () => {
    const colors = ['#1f4e79', '#abc', '#ABCDEF', 'red', 'darkslategray', 'Brand', 'no-such-colour', '#1f4e79', 'red'];
    const paint = async (set: (doc: PdfDoc, color: string) => void) => {
      const doc = createPdf(options);
      (doc as unknown as { addSpotColor(name: string, c: number, m: number, y: number, k: number): void }).addSpotColor('Brand', 10, 20, 30, 40);
      const fills: unknown[] = [];
      colors.forEach((color, i) => {
        set(doc, color);
        fills.push((doc as unknown as { _fillColor: unknown })._fillColor);
        doc.rect(40, 40 + i * 20, 100, 10).fill();
      });
      return { bytes: await finishPdf(doc), fills };
    };
    const expected = await paint((doc, color) => void doc.fillColor(color));
    const got = await paint(setFillColor);
    expect(got.fills).toEqual(expected.fills);
    expect(got.bytes.equals(expected.bytes)).toBe(true);
  });
});
