import type { PlacedHeading, RenderContext } from './context.js';
import { ensureSpace } from './context.js';
import { drawText } from './pdfkit.js';

/**
 * The table of contents: one linked line per section heading, with its page number (known from
 * the first pass; the shape of the page is the same in both passes, so the numbers hold).
 */
export function drawToc(ctx: RenderContext, entries: readonly { text: string; destination: string }[]): void {
  const { doc, theme } = ctx;
  const title = doc.struct('H2');
  ctx.parent.add(title);
  title.add(() => {
    doc.font('heading').fontSize(theme.sizes.h2).fillColor(theme.colors.heading);
    drawText(doc, 'Contents', { lineBreak: false }, ctx.x, doc.y);
  });
  title.end();
  doc.y += theme.sizes.h2 * 2;
  const toc = doc.struct('TOC');
  ctx.parent.add(toc);
  const size = theme.sizes.body;
  const height = size * (1 + theme.leading) * 1.25;
  for (const entry of entries) {
    ensureSpace(ctx, height);
    const y = doc.y;
    const page = ctx.tocPages.get(entry.destination);
    const number = page === undefined ? '' : String(page + 1);
    const item = doc.struct('TOCI');
    toc.add(item);
    const link = doc.struct('Link');
    item.add(link);
    link.add(() => {
      doc.font('body').fontSize(size).fillColor(theme.colors.text);
      const numberWidth = doc.widthOfString('0000');
      drawText(doc, entry.text, { lineBreak: false, width: ctx.width - numberWidth - 12, ellipsis: true }, ctx.x, y);
      drawText(doc, number, { lineBreak: false, width: numberWidth, align: 'right' }, ctx.x + ctx.width - numberWidth, y);
      doc.goTo(ctx.x, y, ctx.width, height, entry.destination, { structParent: link } as object);
    });
    link.end();
    item.end();
    doc.y = y + height;
  }
  toc.end();
}

/** The headings the contents list: section level (##), in order. */
export function tocEntries(headings: readonly PlacedHeading[]): { text: string; destination: string }[] {
  return headings.filter((heading) => heading.level === 2).map(({ text, destination }) => ({ text, destination }));
}
