import type { PlacedHeading, RenderContext } from './context.js';
import { ensureSpace } from './context.js';
import { drawText, type StructElement } from './pdfkit.js';

/** The contents page as laid out before the body: where each line goes, filled in afterwards. */
export interface TocReservation {
  element: StructElement;
  slots: { page: number; y: number }[];
  height: number;
}

/**
 * Draws the contents title and reserves one line per section heading. The page numbers are known
 * only once the body is laid out, so the lines are drawn then ({@link fillToc}); the TOC element
 * is placed in the structure tree here, so it reads before the body.
 */
export function reserveToc(ctx: RenderContext, sections: number): TocReservation {
  const { doc, theme } = ctx;
  const title = doc.struct('H2');
  ctx.parent.add(title);
  title.add(() => {
    doc.font('heading').fontSize(theme.sizes.h2).fillColor(theme.colors.heading);
    drawText(doc, 'Contents', { lineBreak: false }, ctx.x, doc.y);
  });
  title.end();
  doc.y += theme.sizes.h2 * 2;
  const element = doc.struct('TOC');
  ctx.parent.add(element);
  const height = theme.sizes.body * (1 + theme.leading) * 1.25;
  const slots: TocReservation['slots'] = [];
  for (let i = 0; i < sections; i++) {
    ensureSpace(ctx, height);
    const { start, count } = doc.bufferedPageRange();
    slots.push({ page: start + count - 1, y: doc.y });
    doc.y += height;
  }
  return { element, slots, height };
}

/** Draws the reserved contents lines: each section's title, linked, with its page number. */
export function fillToc(ctx: RenderContext, toc: TocReservation, headings: readonly PlacedHeading[]): void {
  const { doc, theme } = ctx;
  const size = theme.sizes.body;
  const entries = headings.filter((heading) => heading.level === 2);
  toc.slots.forEach(({ page, y }, i) => {
    const entry = entries[i];
    if (!entry) return;
    doc.switchToPage(page);
    const item = doc.struct('TOCI');
    toc.element.add(item);
    const link = doc.struct('Link');
    item.add(link);
    link.add(() => {
      doc.font('body').fontSize(size).fillColor(theme.colors.text);
      const numberWidth = doc.widthOfString('0000');
      drawText(doc, entry.text, { lineBreak: false, width: ctx.width - numberWidth - 12, ellipsis: true }, ctx.x, y);
      drawText(doc, String(entry.page + 1), { lineBreak: false, width: numberWidth, align: 'right' }, ctx.x + ctx.width - numberWidth, y);
      doc.goTo(ctx.x, y, ctx.width, toc.height, entry.destination, { structParent: link } as object);
    });
    link.end();
    item.end();
  });
  toc.element.end();
}
