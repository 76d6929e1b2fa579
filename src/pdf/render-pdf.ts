import type { Root, RootContent } from 'mdast';
import type { ViewModel } from '../briefing/view-model.js';
import { BriefError, ExitCode } from '../errors.js';
import { LayoutGuardError, newPage, type PlacedHeading, type RenderContext } from './context.js';
import { drawCover } from './draw-cover.js';
import { fillToc, reserveToc } from './draw-toc.js';
import { createMeasurer } from './layout-lines.js';
import { activityChart, outletsChart } from '../charts/chart-layout.js';
import type { FontSet } from './load-fonts.js';
import { createPdf, drawText, finishPdf, registerFont, type PdfDoc } from './pdfkit.js';
import type { ShapingCache } from './shaping-cache.js';
import { renderBlocks } from './render-blocks.js';
import type { Theme } from './theme.js';

/** A contents page for fewer sections than this would only repeat what the first page shows. */
const MIN_TOC_SECTIONS = 3;

/** The document's fixed date: the period's last day, so the same brief gives the same bytes. */
export function documentDate(view: ViewModel): Date {
  return new Date(`${view.period.to}T00:00:00Z`);
}

export interface PdfResult {
  bytes: Buffer;
  pages: number;
  /** Characters no embedded font covers (drawn as U+FFFD). */
  missingGlyphs: number[];
  headings: PlacedHeading[];
}

function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Running header, classification banners and "Page X of Y", drawn on every page as artifacts. */
function drawPageFurniture(doc: PdfDoc, theme: Theme, view: ViewModel, hasCover: boolean): void {
  const { start, count } = doc.bufferedPageRange();
  const { margins } = theme.page;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - margins.left - margins.right;
    // Writing inside the margins would make pdfkit open a new page; lift the bottom margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const values = { title: view.brief.title, period: view.period.label, page: i + 1, pages: count };
    doc.markContent('Artifact', { type: 'Pagination' });
    if (view.brief.classification) {
      doc.fillColor(theme.colors.accent).font('heading').fontSize(theme.sizes.small);
      drawText(doc, view.brief.classification, { width, align: 'center', lineBreak: false }, margins.left, 18);
      drawText(doc, view.brief.classification, { width, align: 'center', lineBreak: false }, margins.left, doc.page.height - 24);
    }
    if (!(hasCover && i === start)) {
      doc.font('sans').fontSize(theme.sizes.small).fillColor(theme.colors.muted);
      if (i > start || !hasCover) drawText(doc, fill(theme.header, values), { width, align: 'left', lineBreak: false }, margins.left, margins.top - 30);
      drawText(doc, fill(theme.footer, values), { width, align: 'right', lineBreak: false }, margins.left, doc.page.height - margins.bottom + 22);
    }
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** The title block the cover replaces: the first heading and the lines under it (subtitle, period). */
function withoutTitleBlock(children: readonly RootContent[]): RootContent[] {
  const first = children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  if (first < 0) return [...children];
  let end = first + 1;
  while (end < children.length && end <= first + 2 && children[end]!.type === 'paragraph') end++;
  return [...children.slice(0, first), ...children.slice(end)];
}

export interface PdfAssets {
  logo?: Buffer | undefined;
  /** PNG/JPEG files the Markdown names, by the URL written in it. */
  images?: ReadonlyMap<string, Buffer>;
  /** Shaped words from earlier runs (the same bytes with or without it). */
  shaping?: ShapingCache;
  /** Stops the layout at its next line once aborted (an AbortError). */
  signal?: { readonly aborted: boolean };
}

/** Lays the document out and draws it, in one pass: the contents lines are drawn last, into space kept for them. */
function layoutDocument(root: Root, view: ViewModel, theme: Theme, fonts: FontSet, assets: PdfAssets) {
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
  const faces = assets.shaping?.faces(fonts) ?? fonts;
  for (const [role, face] of Object.entries(faces)) registerFont(doc, role, face);
  const documentElement = doc.struct('Document');
  doc.addStructure(documentElement);
  const ctx: RenderContext = {
    doc,
    theme,
    measurer: createMeasurer(doc),
    x: theme.page.margins.left,
    width: doc.page.width - theme.page.margins.left - theme.page.margins.right,
    parent: documentElement,
    listDepth: 0,
    headings: [],
    deadline: Date.now() + theme.timeoutMs,
    maxPages: theme.maxPages,
    nextStart: 0,
    images: assets.images ?? new Map(),
    signal: assets.signal,
    charts: new Map([
      [view.charts.files.activity, (width: number) => activityChart(view.charts, width)],
      [view.charts.files.outlets, (width: number) => outletsChart(view.charts, width)],
    ]),
  };
  doc.font('body');
  const blocks = theme.cover ? withoutTitleBlock(root.children) : root.children;
  if (theme.cover) {
    drawCover(ctx, view, assets.logo);
    newPage(ctx);
  }
  // The contents page has one line per section whatever the page numbers turn out to be, so its
  // space is kept now and its lines drawn once the body has placed every heading.
  const sections = blocks.filter((node) => node.type === 'heading' && node.depth === 2).length;
  const toc = theme.toc && sections >= MIN_TOC_SECTIONS ? reserveToc(ctx, sections) : undefined;
  if (toc) newPage(ctx);
  renderBlocks(blocks, ctx);
  if (toc) fillToc(ctx, toc, ctx.headings);
  documentElement.end();
  return { doc, ctx };
}

/**
 * Draws the parsed Markdown as a tagged PDF with the theme's fonts and look: cover, contents with
 * page numbers, outline, links from citations to sources, and page furniture. Pure: bytes in,
 * bytes out.
 */
export async function renderPdf(root: Root, view: ViewModel, theme: Theme, fonts: FontSet, assets: PdfAssets = {}): Promise<PdfResult> {
  try {
    const { doc, ctx } = layoutDocument(root, view, theme, fonts, assets);
    // Outline (bookmarks) mirroring the headings.
    let h1: PDFKit.PDFOutline | undefined;
    let h2: PDFKit.PDFOutline | undefined;
    for (const heading of ctx.headings) {
      const options = { pageNumber: heading.page, expanded: true } as object;
      if (heading.level === 1) {
        h1 = doc.outline.addItem(heading.text, options);
        h2 = undefined;
      } else if (heading.level === 2) h2 = (h1 ?? doc.outline).addItem(heading.text, options);
      else (h2 ?? h1 ?? doc.outline).addItem(heading.text, options);
    }
    drawPageFurniture(doc, theme, view, theme.cover);
    const pageCount = doc.bufferedPageRange().count;
    return { bytes: await finishPdf(doc), pages: pageCount, missingGlyphs: [...ctx.measurer.missing].sort((a, b) => a - b), headings: ctx.headings };
  } catch (error) {
    if (!(error instanceof LayoutGuardError)) throw error;
    const timeout = /timed out/.test(error.message);
    throw new BriefError(timeout ? 'pdf-timeout' : 'pdf-too-long', error.message, {
      exitCode: timeout ? ExitCode.software : ExitCode.dataErr,
      hint: timeout ? 'the theme or the input makes layout too slow; nothing was written' : 'shorten the brief (limits:) or raise maxPages in the theme; nothing was written',
    });
  }
}
