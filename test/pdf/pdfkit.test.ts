import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { createPdf, finishPdf, pdfkitOptions, registerFont, type PdfDoc, type PdfOptions } from '../../src/pdf/pdfkit.js';

const dejavu = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const serif = readFileSync(join(dejavu, 'DejaVuSerif.ttf'));

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
