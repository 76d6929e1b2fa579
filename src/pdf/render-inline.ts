import type { PhrasingContent } from 'mdast';
import { checkGuards, newPage, pageBottom, type RenderContext, type Run } from './context.js';
import { layoutRuns, type Fragment, type Line } from './layout-lines.js';
import type { FontRole } from './load-fonts.js';
import { drawText, drawWords, setFillColor, type StructElement } from './pdfkit.js';

export interface InlineStyle {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  font?: FontRole;
  link?: string;
  goTo?: string;
}

function fontFor(style: InlineStyle): FontRole {
  if (style.font) return style.font;
  if (style.bold && style.italic) return 'bodyBoldItalic';
  if (style.bold) return 'bodyBold';
  if (style.italic) return 'bodyItalic';
  return 'body';
}

/** Anchors for citations: `[^3]` in Markdown links to `source-3` in the PDF. */
export function sourceAnchor(identifier: string): string {
  return `source-${identifier}`;
}

/** Flattens inline Markdown nodes into styled runs. */
export function collectRuns(nodes: readonly PhrasingContent[], style: InlineStyle, ctx: RenderContext): Run[] {
  const runs: Run[] = [];
  const push = (text: string, s: InlineStyle) => {
    if (!text) return;
    // Built field by field, not spread: a long brief has tens of thousands of runs.
    const run: Run = { text, font: fontFor(s), size: s.size, color: s.color };
    if (s.link) {
      run.link = s.link;
      run.underline = true;
    }
    if (s.goTo) run.goTo = s.goTo;
    runs.push(run);
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(node.value.replace(/[ \t\r\n]+/g, ' '), style);
        break;
      case 'emphasis':
        runs.push(...collectRuns(node.children, { ...style, italic: true }, ctx));
        break;
      case 'strong':
        runs.push(...collectRuns(node.children, { ...style, bold: true }, ctx));
        break;
      case 'delete':
        runs.push(...collectRuns(node.children, style, ctx));
        break;
      case 'inlineCode':
        push(node.value, { ...style, font: 'mono', size: style.size * 0.92 });
        break;
      case 'link': {
        const internal = node.url.startsWith('#');
        const linked = internal ? { ...style, goTo: node.url.slice(1) } : { ...style, link: node.url, color: ctx.theme.colors.link };
        runs.push(...collectRuns(node.children, linked, ctx));
        break;
      }
      case 'footnoteReference':
        push(`[${node.identifier}]`, { ...style, color: ctx.theme.colors.link, goTo: sourceAnchor(node.identifier) });
        break;
      case 'break':
        push('\n', style);
        break;
      case 'image':
        push(node.alt ?? '', { ...style, italic: true });
        break;
      default:
        // html and other raw nodes are drawn as their literal text, never interpreted.
        if ('value' in node && typeof node.value === 'string') push(node.value, style);
    }
  }
  return runs;
}

/** Lays runs out in the current column. */
export function layout(ctx: RenderContext, runs: readonly Run[], indent = 0): Line[] {
  return layoutRuns(runs, ctx.width - indent, ctx.measurer, ctx.theme.leading);
}

function drawFragment(ctx: RenderContext, fragment: Fragment, x: number, y: number, height: number, link?: StructElement): void {
  const { doc } = ctx;
  const { run } = fragment;
  doc.font(fragment.font).fontSize(run.size);
  setFillColor(doc, run.color);
  // The baseline sits a little below the top of the line box: centre the glyphs in the leading.
  const top = y + (height - run.size * 1.18) / 2;
  const left = x + fragment.x;
  const underline = run.underline ?? false;
  // The short way (drawWords: the same bytes), unless a glyph sits off the baseline (a combining
  // mark). pdfkit then measures the text to underline it; a fragment not underlined is given a
  // width instead (any width: only an underline, strike-through or link pdfkit draws would use it,
  // and links are drawn below), which spares measuring it again.
  if (!drawWords(doc, fragment.text, left, top, fragment.width, underline)) {
    const measure = underline ? {} : { textWidth: fragment.width, wordCount: 0 };
    drawText(doc, fragment.text, { lineBreak: false, underline, ...measure }, left, top);
  }
  const rect: [number, number, number, number] = [left, y, fragment.width, height];
  if (run.link) doc.link(...rect, run.link, link ? ({ structParent: link } as object) : {});
  if (run.goTo) doc.goTo(...rect, run.goTo, link ? ({ structParent: link } as object) : {});
}

/**
 * Draws laid-out lines into a structure element: plain fragments as its content, each link as a
 * Link element whose annotation covers exactly its text on that line. Lines from `from` to `to`.
 */
export function drawLines(ctx: RenderContext, lines: readonly Line[], element: StructElement, options: { indent?: number; destination?: string; from?: number; to?: number } = {}): void {
  const { doc } = ctx;
  const x = ctx.x + (options.indent ?? 0);
  const end = options.to ?? lines.length;
  for (let i = options.from ?? 0; i < end; i++) {
    const line = lines[i]!;
    if (doc.y + line.height > pageBottom(ctx) + 0.01 && doc.y > doc.page.margins.top + 0.5) newPage(ctx);
    checkGuards(ctx);
    const y = doc.y;
    if (i === 0 && options.destination) doc.addNamedDestination(options.destination, 'XYZ', x, y, null);
    let plain: Fragment[] = [];
    const flush = () => {
      const group = plain;
      plain = [];
      if (group.length) element.add(() => group.forEach((fragment) => drawFragment(ctx, fragment, x, y, line.height)));
    };
    for (const fragment of line.fragments) {
      if (fragment.run.link || fragment.run.goTo) {
        flush();
        const link = doc.struct('Link');
        element.add(link);
        link.add(() => drawFragment(ctx, fragment, x, y, line.height, link));
        link.end();
      } else plain.push(fragment);
    }
    flush();
    doc.y = y + line.height;
  }
}

/**
 * How many lines to put on this page so no paragraph leaves a single line at a page foot (orphan)
 * or at the top of the next page (widow): 0 means start the block on a new page.
 */
export function linesForThisPage(ctx: RenderContext, lines: readonly Line[]): number {
  let room = pageBottom(ctx) - ctx.doc.y;
  let fit = 0;
  while (fit < lines.length && room >= lines[fit]!.height - 0.01) room -= lines[fit++]!.height;
  if (fit >= lines.length) return lines.length;
  if (ctx.doc.y <= ctx.doc.page.margins.top + 0.5) return fit; // already at the top: nothing better to do
  if (fit < 2) return 0;
  if (lines.length - fit < 2) return lines.length - 2 >= 2 ? lines.length - 2 : 0;
  return fit;
}
