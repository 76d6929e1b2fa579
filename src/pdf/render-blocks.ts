import type { BlockContent, DefinitionContent, FootnoteDefinition, Heading, List, Node, RootContent, Table } from 'mdast';
import { ensureSpace, lineGap, type RenderContext } from './context.js';
import { drawText } from './pdfkit.js';
import { collectRuns, drawRuns, sourceAnchor } from './render-inline.js';

type Block = RootContent | BlockContent | DefinitionContent;
type BlockRenderer<T extends Node = never> = (node: T, ctx: RenderContext) => void;

function bodyStyle(ctx: RenderContext) {
  return { bold: false, italic: false, size: ctx.theme.sizes.body, color: ctx.theme.colors.text };
}

function bodyLineHeight(ctx: RenderContext): number {
  return ctx.theme.sizes.body * (1 + ctx.theme.leading);
}

/** Space a block needs on this page: two lines (no orphan line), or its whole height when shorter. */
function keepTogether(ctx: RenderContext, text: string, size: number, indent = 0): number {
  ctx.doc.font('body').fontSize(size);
  const height = ctx.doc.heightOfString(text, { width: ctx.width - indent, lineGap: lineGap(ctx.theme, size) });
  return Math.min(height, size * (1 + ctx.theme.leading) * 2);
}

function plainText(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => plainText(child as { children?: unknown[]; value?: unknown })).join('');
}

/** Renders child blocks with an indented column. */
function withIndent(ctx: RenderContext, indent: number, render: () => void): void {
  const { x, width } = ctx;
  ctx.x = x + indent;
  ctx.width = width - indent;
  render();
  ctx.x = x;
  ctx.width = width;
}

const heading: BlockRenderer<Heading> = (node, ctx) => {
  const { theme, doc } = ctx;
  const size = node.depth === 1 ? theme.sizes.h1 : node.depth === 2 ? theme.sizes.h2 : theme.sizes.h3;
  // Keep a heading with at least three lines of what follows.
  ensureSpace(ctx, size * 2 + bodyLineHeight(ctx) * 3);
  if (node.depth > 1 && doc.y > doc.page.margins.top + 1) doc.moveDown(0.6);
  const runs = collectRuns(node.children, { bold: true, italic: false, size, color: theme.colors.heading, font: 'heading' }, ctx);
  const title = runs.map((run) => run.text).join('');
  if (node.depth <= 2) doc.outline.addItem(title);
  drawRuns(ctx, runs);
  if (node.depth === 1) {
    doc.moveDown(0.2);
    doc.moveTo(ctx.x, doc.y).lineTo(ctx.x + ctx.width, doc.y).lineWidth(1.2).strokeColor(theme.colors.accent).stroke();
  }
  doc.moveDown(0.4);
};

const paragraph: BlockRenderer<Extract<Block, { type: 'paragraph' }>> = (node, ctx) => {
  ensureSpace(ctx, keepTogether(ctx, plainText(node), ctx.theme.sizes.body));
  drawRuns(ctx, collectRuns(node.children, bodyStyle(ctx), ctx));
  ctx.doc.moveDown(0.5);
};

const list: BlockRenderer<List> = (node, ctx) => {
  const { doc, theme } = ctx;
  const indent = theme.sizes.body * 1.8;
  node.children.forEach((item, index) => {
    ensureSpace(ctx, keepTogether(ctx, plainText(item), theme.sizes.body, indent));
    const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '•';
    const top = doc.y;
    doc.font('body').fontSize(theme.sizes.body).fillColor(theme.colors.muted);
    drawText(doc, marker, { width: indent - 4, lineBreak: false }, ctx.x, top);
    doc.y = top;
    withIndent(ctx, indent, () => {
      item.children.forEach((child, i) => {
        renderBlock(child, ctx);
        if (i === item.children.length - 1 && child.type === 'paragraph') doc.moveDown(-0.25);
      });
    });
  });
  doc.moveDown(0.3);
};

const blockquote: BlockRenderer<Extract<Block, { type: 'blockquote' }>> = (node, ctx) => {
  const { doc, theme } = ctx;
  const top = doc.y;
  withIndent(ctx, 14, () => node.children.forEach((child) => renderBlock(child, ctx)));
  if (doc.y > top) doc.moveTo(ctx.x + 3, top).lineTo(ctx.x + 3, doc.y - 6).lineWidth(2).strokeColor(theme.colors.rule).stroke();
};

const thematicBreak: BlockRenderer<Extract<Block, { type: 'thematicBreak' }>> = (_node, ctx) => {
  const { doc, theme } = ctx;
  doc.moveDown(0.3);
  doc.moveTo(ctx.x, doc.y).lineTo(ctx.x + ctx.width, doc.y).lineWidth(0.5).strokeColor(theme.colors.rule).stroke();
  doc.moveDown(0.6);
};

const code: BlockRenderer<Extract<Block, { type: 'code' }>> = (node, ctx) => {
  const { doc, theme } = ctx;
  doc.font('mono').fontSize(theme.sizes.body * 0.9).fillColor(theme.colors.text);
  drawText(doc, node.value, { width: ctx.width, lineGap: lineGap(theme, theme.sizes.body * 0.9) }, ctx.x, doc.y);
  doc.moveDown(0.5);
};

/** A numbered source entry; citations `[^n]` jump here. */
const footnoteDefinition: BlockRenderer<FootnoteDefinition> = (node, ctx) => {
  const { doc, theme } = ctx;
  const indent = theme.sizes.small * 3.2;
  ensureSpace(ctx, keepTogether(ctx, plainText(node), theme.sizes.body * 0.9, indent));
  const top = doc.y;
  doc.font('sans').fontSize(theme.sizes.small + 1).fillColor(theme.colors.accent);
  drawText(doc, `[${node.identifier}]`, { width: indent, lineBreak: false, destination: sourceAnchor(node.identifier) }, ctx.x, top);
  doc.y = top;
  withIndent(ctx, indent, () => {
    for (const child of node.children) {
      if (child.type === 'paragraph') {
        drawRuns(ctx, collectRuns(child.children, { ...bodyStyle(ctx), size: theme.sizes.body * 0.9 }, ctx));
        doc.moveDown(0.35);
      } else renderBlock(child, ctx);
    }
  });
};

const table: BlockRenderer<Table> = (node, ctx) => {
  const { doc, theme } = ctx;
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const columnWidth = ctx.width / columns;
  const padding = 4;
  const size = theme.sizes.body * 0.9;
  node.children.forEach((row, rowIndex) => {
    const texts = row.children.map((cell) => collectRuns(cell.children, bodyStyle(ctx), ctx).map((run) => run.text).join(''));
    const font = rowIndex === 0 ? 'bodyBold' : 'body';
    doc.font(font).fontSize(size);
    const height = Math.max(...texts.map((text) => doc.heightOfString(text, { width: columnWidth - padding * 2 }))) + padding * 2;
    ensureSpace(ctx, height);
    const top = doc.y;
    texts.forEach((text, i) => {
      doc.font(font).fontSize(size).fillColor(theme.colors.text);
      drawText(doc, text, { width: columnWidth - padding * 2 }, ctx.x + i * columnWidth + padding, top + padding);
    });
    doc.y = top + height;
    doc.moveTo(ctx.x, doc.y).lineTo(ctx.x + ctx.width, doc.y).lineWidth(rowIndex === 0 ? 0.8 : 0.3).strokeColor(theme.colors.rule).stroke();
  });
  doc.x = ctx.x;
  doc.moveDown(0.6);
};

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

/** Renders one block node; unknown node types are skipped (definitions, html comments). */
export function renderBlock(node: Block, ctx: RenderContext): void {
  const render = renderers[node.type] as BlockRenderer<Block> | undefined;
  render?.(node, ctx);
}
