import type { Measurer } from './layout-lines.js';
import type { FontRole } from './load-fonts.js';
import type { PdfDoc, StructElement } from './pdfkit.js';
import type { Theme } from './theme.js';
import type { ChartShapes } from '../charts/chart-layout.js';

/** A heading as placed: for the outline and the table of contents. */
export interface PlacedHeading {
  level: number;
  text: string;
  /** 0-based page index. */
  page: number;
  destination: string;
}

/** What every render function gets: the document, the theme, and the current text box. */
export interface RenderContext {
  doc: PdfDoc;
  theme: Theme;
  measurer: Measurer;
  /** Left edge and width of the current text column (lists and quotes indent it). */
  x: number;
  width: number;
  /** The structure element new content belongs to (tagged PDF). */
  parent: StructElement;
  /** How many lists the current block is inside: a list inside another is marked with a dash. */
  listDepth: number;
  headings: PlacedHeading[];
  /** A layout that takes longer than this is stopped (a theme or input that would hang). */
  deadline: number;
  maxPages: number;
  /** Height the block after the current one needs on the same page (headings keep with it). */
  nextStart: number;
  /** PNG/JPEG images the Markdown names, read beforehand (rendering does no I/O). */
  images: ReadonlyMap<string, Buffer>;
  /** Charts by the file name the Markdown uses for them: drawn as vectors, not as images. */
  charts: ReadonlyMap<string, (width: number) => ChartShapes>;
  /** Once aborted, the layout stops at its next line (a rendering made ahead that no longer stands). */
  signal?: { readonly aborted: boolean } | undefined;
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

/** The lowest y text may reach on the current page. */
export function pageBottom(ctx: RenderContext): number {
  return ctx.doc.page.height - ctx.doc.page.margins.bottom;
}

/** Space left on the current page below the cursor. */
export function spaceLeft(ctx: RenderContext): number {
  return pageBottom(ctx) - ctx.doc.y;
}

/** Starts a new page (keeping open marked content valid) unless `height` points still fit. */
export function ensureSpace(ctx: RenderContext, height: number): void {
  if (spaceLeft(ctx) < height && ctx.doc.y > ctx.doc.page.margins.top + 0.5) newPage(ctx);
}

/** A new page, with the guards: page cap and time limit. */
export function newPage(ctx: RenderContext): void {
  checkGuards(ctx);
  ctx.doc.continueOnNewPage();
  ctx.doc.x = ctx.x;
}

export class LayoutGuardError extends Error {}

/** Stops a layout that runs past its page cap or its deadline. */
export function checkGuards(ctx: RenderContext): void {
  const pages = ctx.doc.bufferedPageRange().count;
  if (pages >= ctx.maxPages) throw new LayoutGuardError(`the brief would exceed ${ctx.maxPages} pages (theme maxPages)`);
  if (Date.now() > ctx.deadline) throw new LayoutGuardError('PDF layout timed out');
  if (ctx.signal?.aborted) throw new DOMException('PDF layout stopped: its input is out of date', 'AbortError');
}
