import type { PdfDoc } from './pdfkit.js';
import type { FontRole } from './load-fonts.js';
import type { Theme } from './theme.js';

/** What every render function gets: the document, the theme, and the current text box. */
export interface RenderContext {
  doc: PdfDoc;
  theme: Theme;
  /** Left edge and width of the current text column (lists and quotes indent it). */
  x: number;
  width: number;
  /** Named destination to attach to the next text drawn (a footnote/source anchor). */
  destination?: string;
}

/** A styled piece of inline text. */
export interface Run {
  text: string;
  font: FontRole;
  size: number;
  color: string;
  link?: string;
  goTo?: string;
  underline?: boolean;
}

/** Line gap for a font size under the theme's leading. */
export function lineGap(theme: Theme, size: number): number {
  return size * theme.leading;
}

/** Space left on the current page below the cursor. */
export function spaceLeft(ctx: RenderContext): number {
  return ctx.doc.page.height - ctx.doc.page.margins.bottom - ctx.doc.y;
}

/** Starts a new page unless `height` points still fit. */
export function ensureSpace(ctx: RenderContext, height: number): void {
  if (spaceLeft(ctx) < height) ctx.doc.addPage();
}
