import type { BlockContent, DefinitionContent, FootnoteDefinition, Heading, List, Node, RootContent, Table } from 'mdast';
import { ensureSpace, newPage, pageBottom, spaceLeft, type RenderContext } from './context.js';
import type { Line } from './layout-lines.js';
import { collectRuns, drawLines, layout, linesForThisPage, sourceAnchor, type InlineStyle } from './render-inline.js';
import { drawLabel, type StructElement } from './pdfkit.js';
import { drawChart, drawImage } from './draw-chart.js';

type Block = RootContent | BlockContent | DefinitionContent;
type BlockRenderer<T extends Node = never> = (node: T, ctx: RenderContext) => void;

function bodyStyle(ctx: RenderContext, size = ctx.theme.sizes.body): InlineStyle {
  return { bold: false, italic: false, size, color: ctx.theme.colors.text };
}

function lineHeight(ctx: RenderContext, size = ctx.theme.sizes.body): number {
  return size * (1 + ctx.theme.leading);
}

/** Plain text of a node, for headings in the outline and the table of contents. */
export function plainText(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => plainText(child as { children?: unknown[]; value?: unknown })).join('');
}

/** Runs `render` with `element` as the parent of new content, and an indented column. */
function within(ctx: RenderContext, element: StructElement, indent: number, render: () => void): void {
  const { parent, x, width } = ctx;
  ctx.parent.add(element);
  ctx.parent = element;
  ctx.x = x + indent;
  ctx.width = width - indent;
  render();
  ctx.parent = parent;
  ctx.x = x;
  ctx.width = width;
  element.end();
}

/** Draws a paragraph's lines into `element`, moving whole lines so no widow or orphan is left. */
function flow(ctx: RenderContext, lines: readonly Line[], element: StructElement, options: { indent?: number; destination?: string } = {}): void {
  let from = 0;
  while (from < lines.length) {
    const here = linesForThisPage(ctx, lines.slice(from));
    if (here === 0) {
      newPage(ctx);
      continue;
    }
    drawLines(ctx, lines, element, { ...options, ...(from > 0 && { destination: undefined }), from, to: from + here });
    from += here;
    if (from < lines.length) newPage(ctx);
  }
}

/** Heading ids for destinations: `h-<n>` in order of appearance. */
function headingDestination(ctx: RenderContext): string {
  return `h-${ctx.headings.length + 1}`;
}

/** A heading's type size and its lines. */
function headingLines(node: Heading, ctx: RenderContext): { size: number; lines: Line[]; height: number } {
  const { theme } = ctx;
  const size = node.depth === 1 ? theme.sizes.h1 : node.depth === 2 ? theme.sizes.h2 : theme.sizes.h3;
  const lines = layout(ctx, collectRuns(node.children, { bold: true, italic: false, size, color: theme.colors.heading, font: 'heading' }, ctx));
  return { size, lines, height: lines.reduce((sum, line) => sum + line.height, 0) };
}

/** The space above a heading (none for a title, or at a page's top) and below it. */
const spaceAbove = (size: number) => size * 0.6;
const spaceBelowAtLeast = (size: number) => size * 0.4;

const heading: BlockRenderer<Heading> = (node, ctx) => {
  const { theme, doc } = ctx;
  const { size, lines, height } = headingLines(node, ctx);
  // Keep a heading with the start of what follows (two lines, or a table's header and first row).
  if (node.depth > 1 && doc.y > doc.page.margins.top + 0.5) doc.y += spaceAbove(size);
  ensureSpace(ctx, height + spaceBelowAtLeast(size) + ctx.nextStart);
  const destination = headingDestination(ctx);
  ctx.headings.push({ level: node.depth, text: plainText(node), page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1, destination });
  const element = doc.struct(`H${Math.min(node.depth, 6)}`);
  ctx.parent.add(element);
  drawLines(ctx, lines, element, { destination });
  element.end();
  if (node.depth === 1) {
    doc.y += 2;
    doc.moveTo(ctx.x, doc.y).lineTo(ctx.x + ctx.width, doc.y).lineWidth(1.2).strokeColor(theme.colors.accent).stroke();
    doc.y += 4;
  }
  doc.y += size * 0.35;
};

const paragraph: BlockRenderer<Extract<Block, { type: 'paragraph' }>> = (node, ctx) => {
  // A paragraph that is only a chart image: the chart is drawn from its data, as vectors.
  const [only] = node.children;
  const chart = node.children.length === 1 && only?.type === 'image' ? ctx.charts.get(decodeURIComponent(only.url)) : undefined;
  if (chart) return drawChart(ctx, chart(ctx.width));
  const image = node.children.length === 1 && only?.type === 'image' ? ctx.images.get(only.url) : undefined;
  if (image && only?.type === 'image') return drawImage(ctx, image, only.alt ?? '');
  const element = ctx.doc.struct('P');
  ctx.parent.add(element);
  flow(ctx, layout(ctx, collectRuns(node.children, bodyStyle(ctx), ctx)), element);
  element.end();
  ctx.doc.y += ctx.theme.sizes.body * 0.55;
};

/** How far a list item's text stands in from its marker. */
const listIndent = (ctx: RenderContext) => ctx.theme.sizes.body * 1.8;

const list: BlockRenderer<List> = (node, ctx) => {
  const { doc, theme } = ctx;
  const indent = listIndent(ctx);
  const bullet = ctx.listDepth > 0 ? '–' : '•';
  ctx.listDepth += 1;
  within(ctx, doc.struct('L'), 0, () => {
    node.children.forEach((item, index) => {
      const marker = node.ordered ? `${(node.start ?? 1) + index}.` : bullet;
      within(ctx, doc.struct('LI'), 0, () => {
        const first = item.children[0];
        const firstLines = first?.type === 'paragraph' ? layout(ctx, collectRuns(first.children, bodyStyle(ctx), ctx), indent) : [];
        // The marker goes where the item's first line goes: decide the page before drawing it.
        if (firstLines.length > 0 ? linesForThisPage(ctx, firstLines) === 0 : spaceLeft(ctx) < lineHeight(ctx)) newPage(ctx);
        const label = doc.struct('Lbl');
        ctx.parent.add(label);
        const y = doc.y;
        label.add(() => {
          doc.font('body').fontSize(theme.sizes.body).fillColor(theme.colors.muted);
          drawLabel(doc, marker, ctx.x, y + (lineHeight(ctx) - theme.sizes.body * 1.18) / 2);
        });
        label.end();
        doc.y = y;
        within(ctx, doc.struct('LBody'), indent, () => {
          item.children.forEach((child, i) => {
            if (i === 0 && child.type === 'paragraph') {
              const element = doc.struct('P');
              ctx.parent.add(element);
              flow(ctx, firstLines, element);
              element.end();
              doc.y += theme.sizes.body * 0.3;
            } else renderBlock(child, ctx);
          });
        });
      });
    });
  });
  ctx.listDepth -= 1;
  doc.y += theme.sizes.body * 0.3;
};

const blockquote: BlockRenderer<Extract<Block, { type: 'blockquote' }>> = (node, ctx) => {
  const { doc, theme } = ctx;
  const top = doc.y;
  const page = doc.bufferedPageRange().count;
  within(ctx, doc.struct('BlockQuote'), 14, () => renderBlocks(node.children, ctx));
  // The rule is decoration: an artifact, not content.
  if (doc.bufferedPageRange().count === page && doc.y > top) {
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(ctx.x + 3, top).lineTo(ctx.x + 3, doc.y - 6).lineWidth(2).strokeColor(theme.colors.rule).stroke();
    doc.endMarkedContent();
  }
};

const thematicBreak: BlockRenderer<Extract<Block, { type: 'thematicBreak' }>> = (_node, ctx) => {
  const { doc, theme } = ctx;
  doc.y += 4;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveTo(ctx.x, doc.y).lineTo(ctx.x + ctx.width, doc.y).lineWidth(0.5).strokeColor(theme.colors.rule).stroke();
  doc.endMarkedContent();
  doc.y += 8;
};

const code: BlockRenderer<Extract<Block, { type: 'code' }>> = (node, ctx) => {
  const element = ctx.doc.struct('Code');
  ctx.parent.add(element);
  const size = ctx.theme.sizes.body * 0.9;
  flow(ctx, layout(ctx, [{ text: node.value, font: 'mono', size, color: ctx.theme.colors.text }]), element);
  element.end();
  ctx.doc.y += ctx.theme.sizes.body * 0.5;
};

/** A numbered source entry; citations `[^n]` jump here. */
const footnoteDefinition: BlockRenderer<FootnoteDefinition> = (node, ctx) => {
  const { doc, theme } = ctx;
  const indent = theme.sizes.small * 3.6;
  const size = theme.sizes.body * 0.9;
  const runs = node.children.flatMap((child) => (child.type === 'paragraph' ? collectRuns(child.children, bodyStyle(ctx, size), ctx) : []));
  const lines = layout(ctx, runs, indent);
  if (linesForThisPage(ctx, lines) === 0) newPage(ctx);
  within(ctx, doc.struct('Note'), 0, () => {
    const label = doc.struct('Lbl');
    ctx.parent.add(label);
    const y = doc.y;
    label.add(() => {
      doc.font('sans').fontSize(theme.sizes.small + 1).fillColor(theme.colors.accent);
      drawLabel(doc, `[${node.identifier}]`, ctx.x, y + (lineHeight(ctx, size) - (theme.sizes.small + 1) * 1.18) / 2);
    });
    label.end();
    doc.y = y;
    const element = doc.struct('P');
    ctx.parent.add(element);
    flow(ctx, lines, element, { indent, destination: sourceAnchor(node.identifier) });
    element.end();
  });
  doc.y += size * 0.3;
};

const TABLE_PADDING = 4;

/** A table's column widths, laid-out cells and row heights. */
function layoutTable(node: Table, ctx: RenderContext) {
  const { theme } = ctx;
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const padding = TABLE_PADDING;
  const size = theme.sizes.body * 0.88;
  // Every column is at least as wide as its longest word (bold, as in the header); the rest of the
  // width is shared by how much text each column holds.
  const cellTexts = (c: number) => node.children.map((row) => plainText(row.children[c] ?? { value: '' }));
  const minimum = Array.from({ length: columns }, (_, c) =>
    Math.max(...cellTexts(c).flatMap((text) => text.split(/\s+/)).map((word) => ctx.measurer.width(word, 'bodyBold', size))) + padding * 2 + 1,
  );
  const amount = Array.from({ length: columns }, (_, c) => Math.min(60, Math.max(...cellTexts(c).map((text) => text.length))));
  const spare = Math.max(0, ctx.width - minimum.reduce((a, b) => a + b, 0));
  const totalAmount = amount.reduce((a, b) => a + b, 0) || 1;
  const widths = minimum.map((min, c) => min + (spare * amount[c]!) / totalAmount);
  const laid = node.children.map((row, r) =>
    row.children.map((cell, c) => layoutCell(ctx, collectRuns(cell.children, { ...bodyStyle(ctx, size), bold: r === 0 }, ctx), widths[c]! - padding * 2)),
  );
  const heights = laid.map((cells) => Math.max(...cells.map((lines) => lines.reduce((s, l) => s + l.height, 0))) + padding * 2);
  return { widths, laid, heights };
}

const table: BlockRenderer<Table> = (node, ctx) => {
  const { doc, theme } = ctx;
  const padding = TABLE_PADDING;
  const { widths, laid, heights } = layoutTable(node, ctx);
  within(ctx, doc.struct('Table'), 0, () => {
    const drawRow = (r: number) => {
      const y = doc.y;
      within(ctx, doc.struct('TR'), 0, () => {
        laid[r]!.forEach((lines, c) => {
          const x = ctx.x + widths.slice(0, c).reduce((a, b) => a + b, 0);
          const cell = doc.struct(r === 0 ? 'TH' : 'TD', r === 0 ? { scope: 'Column' } : {});
          const { x: saved, width } = ctx;
          ctx.x = x + padding;
          ctx.width = widths[c]! - padding * 2;
          doc.y = y + padding;
          ctx.parent.add(cell);
          drawLines(ctx, lines, cell);
          cell.end();
          ctx.x = saved;
          ctx.width = width;
        });
      });
      doc.y = y + heights[r]!;
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(ctx.x, doc.y).lineTo(ctx.x + ctx.width, doc.y).lineWidth(r === 0 ? 0.8 : 0.3).strokeColor(theme.colors.rule).stroke();
      doc.endMarkedContent();
    };
    ensureSpace(ctx, heights[0]! + (heights[1] ?? 0));
    drawRow(0);
    for (let r = 1; r < laid.length; r++) {
      // A row is never split; after a page break the header row is repeated.
      if (doc.y + heights[r]! > pageBottom(ctx)) {
        newPage(ctx);
        drawRow(0);
      }
      drawRow(r);
    }
  });
  doc.x = ctx.x;
  doc.y += theme.sizes.body * 0.6;
};

function layoutCell(ctx: RenderContext, runs: Parameters<typeof layout>[1], width: number): Line[] {
  const { width: saved } = ctx;
  ctx.width = width;
  const lines = layout(ctx, runs);
  ctx.width = saved;
  return lines;
}

/** One render function per Markdown node type. */
const renderers: Partial<Record<Block['type'], BlockRenderer<never>>> = {
  heading,
  paragraph,
  list,
  blockquote,
  thematicBreak,
  code,
  footnoteDefinition,
  table,
};

/**
 * The height of the lines a paragraph starts a page with, at least (linesForThisPage): two, or all
 * of one of three lines or fewer, since two of three would leave the third alone on the next page.
 */
function firstLinesHeight(lines: readonly Line[]): number {
  return lines.slice(0, lines.length <= 3 ? lines.length : 2).reduce((sum, line) => sum + line.height, 0);
}

/** The height a block needs at its start, so a heading before it is not left alone at a page foot. */
export function startHeight(node: Block | undefined, ctx: RenderContext): number {
  const twoLines = lineHeight(ctx) * 2;
  if (!node) return 0;
  if (node.type === 'table') {
    const { heights } = layoutTable(node, ctx);
    return heights[0]! + (heights[1] ?? 0);
  }
  const [only] = node.type === 'paragraph' ? node.children : [];
  if (only?.type === 'image' && ctx.charts.has(decodeURIComponent(only.url))) return ctx.charts.get(decodeURIComponent(only.url))!(ctx.width).height;
  if (node.type === 'paragraph') return firstLinesHeight(layout(ctx, collectRuns(node.children, bodyStyle(ctx), ctx)));
  // A list starts with its first item's first paragraph, laid out as the list lays it out.
  const first = node.type === 'list' ? node.children[0]?.children[0] : undefined;
  if (first?.type === 'paragraph') return firstLinesHeight(layout(ctx, collectRuns(first.children, bodyStyle(ctx), ctx), listIndent(ctx)));
  // A heading after a heading ("## Spain…" then "### Key developments"): all it keeps on the page
  // with it, its space above included, or the first would be left alone at the foot.
  if (node.type === 'heading') {
    const { size, height } = headingLines(node, ctx);
    return spaceAbove(size) + height + spaceBelowAtLeast(size) + twoLines;
  }
  return twoLines;
}

/** Renders block nodes in order, telling each how much the next one needs at its start. */
export function renderBlocks(nodes: readonly Block[], ctx: RenderContext): void {
  nodes.forEach((node, i) => {
    if (node.type === 'heading') ctx.nextStart = startHeight(nodes[i + 1], ctx);
    renderBlock(node, ctx);
  });
}

/** Renders one block node; unknown node types (definitions, html comments) are skipped. */
export function renderBlock(node: Block, ctx: RenderContext): void {
  const render = renderers[node.type] as BlockRenderer<Block> | undefined;
  render?.(node, ctx);
}
