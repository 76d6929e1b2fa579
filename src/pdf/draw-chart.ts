import type { ChartShapes } from '../charts/chart-layout.js';
import { ensureSpace, type RenderContext } from './context.js';
import { drawLabel } from './pdfkit.js';

/** Draws a chart as vector shapes at the cursor, tagged as a Figure with its text alternative. */
export function drawChart(ctx: RenderContext, shapes: ChartShapes): void {
  const { doc } = ctx;
  ensureSpace(ctx, shapes.height + 6);
  const x = ctx.x;
  const y = doc.y;
  const figure = doc.struct('Figure', { alt: shapes.alt });
  ctx.parent.add(figure);
  figure.add(() => {
    for (const line of shapes.lines) doc.moveTo(x + line.x1, y + line.y1).lineTo(x + line.x2, y + line.y2).lineWidth(line.width).strokeColor(line.color).stroke();
    for (const rect of shapes.rects) doc.rect(x + rect.x, y + rect.y, rect.width, rect.height).fillColor(rect.color).fill();
    for (const text of shapes.texts) {
      doc.font('sans').fontSize(text.size).fillColor(text.color);
      const width = doc.widthOfString(text.text);
      const left = text.anchor === 'end' ? text.x - width : text.anchor === 'middle' ? text.x - width / 2 : text.x;
      drawLabel(doc, text.text, x + left, y + text.y - text.size * 0.95, width);
    }
  });
  figure.end();
  doc.y = y + shapes.height + ctx.theme.sizes.body;
}

/** Draws a PNG or JPEG at most the column wide and 40% of the page high, tagged as a Figure with its alt text. */
export function drawImage(ctx: RenderContext, bytes: Buffer, alt: string): void {
  const { doc } = ctx;
  const image = doc.openImage(bytes);
  const maxHeight = (doc.page.height - doc.page.margins.top - doc.page.margins.bottom) * 0.4;
  const scale = Math.min(1, ctx.width / image.width, maxHeight / image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  ensureSpace(ctx, height + 6);
  const y = doc.y;
  const figure = doc.struct('Figure', { alt: alt || 'Image' });
  ctx.parent.add(figure);
  figure.add(() => {
    doc.image(bytes, ctx.x, y, { width, height });
  });
  figure.end();
  doc.y = y + height + ctx.theme.sizes.body;
}
