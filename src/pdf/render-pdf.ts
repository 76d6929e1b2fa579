import type { Root } from 'mdast';
import type { ViewModel } from '../briefing/view-model.js';
import type { RenderContext } from './context.js';
import type { FontSet } from './load-fonts.js';
import { createPdf, drawText, finishPdf, type PdfDoc } from './pdfkit.js';
import { renderBlock } from './render-blocks.js';
import type { Theme } from './theme.js';

/** The document's fixed date: the period's last day, so the same brief gives the same bytes. */
export function documentDate(view: ViewModel): Date {
  return new Date(`${view.period.to}T00:00:00Z`);
}

function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Running header, classification banners and "Page X of Y", drawn on every page at the end. */
function drawPageFurniture(doc: PdfDoc, theme: Theme, view: ViewModel): void {
  const { start, count } = doc.bufferedPageRange();
  const { margins } = theme.page;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - margins.left - margins.right;
    // Writing inside the margins would make pdfkit open a new page; lift the bottom margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const values = { title: view.brief.title, period: view.period.label, page: i + 1, pages: count };
    doc.font('sans').fontSize(theme.sizes.small);
    if (view.brief.classification) {
      doc.fillColor(theme.colors.accent).font('heading');
      drawText(doc, view.brief.classification, { width, align: 'center', lineBreak: false }, margins.left, 18);
      drawText(doc, view.brief.classification, { width, align: 'center', lineBreak: false }, margins.left, doc.page.height - 24);
    }
    doc.font('sans').fillColor(theme.colors.muted);
    if (i > start) drawText(doc, fill(theme.header, values), { width, align: 'left', lineBreak: false }, margins.left, margins.top - 30);
    drawText(doc, fill(theme.footer, values), { width, align: 'right', lineBreak: false }, margins.left, doc.page.height - margins.bottom + 22);
    doc.page.margins.bottom = bottom;
  }
}

/** Draws the parsed Markdown as a PDF with the theme's fonts and look. Pure: bytes in, bytes out. */
export async function renderPdf(root: Root, view: ViewModel, theme: Theme, fonts: FontSet): Promise<Buffer> {
  const date = documentDate(view);
  const doc = createPdf({
    size: theme.page.size,
    margins: theme.page.margins,
    lang: 'en',
    info: {
      Title: view.brief.title,
      Author: view.brief.organization || 'Briefwright',
      Subject: view.brief.subtitle || `${view.brief.title}, ${view.period.text}`,
      Keywords: view.topics.map((topic) => topic.title).join(', '),
      CreationDate: date,
      ModDate: date,
    },
  });
  for (const [role, bytes] of Object.entries(fonts)) doc.registerFont(role, bytes);
  const ctx: RenderContext = { doc, theme, x: theme.page.margins.left, width: doc.page.width - theme.page.margins.left - theme.page.margins.right };
  doc.font('body');
  for (const node of root.children) renderBlock(node, ctx);
  drawPageFurniture(doc, theme, view);
  return finishPdf(doc);
}
