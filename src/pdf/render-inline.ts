import type { PhrasingContent } from 'mdast';
import type { RenderContext, Run } from './context.js';
import { lineGap } from './context.js';
import type { FontRole } from './load-fonts.js';
import { drawText } from './pdfkit.js';

interface InlineStyle {
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
  const push = (text: string, s: InlineStyle, extra: Partial<Run> = {}) => {
    if (text) runs.push({ text, font: fontFor(s), size: s.size, color: s.color, ...(s.link && { link: s.link, underline: true }), ...(s.goTo && { goTo: s.goTo }), ...extra });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(node.value.replace(/\s+/g, ' '), style);
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

/** Draws runs as one flowing paragraph in the current column. */
export function drawRuns(ctx: RenderContext, runs: readonly Run[], options: { align?: 'left' | 'justify' } = {}): void {
  const { doc } = ctx;
  if (runs.length === 0) return;
  runs.forEach((run, i) => {
    doc.font(run.font).fontSize(run.size).fillColor(run.color);
    const textOptions = {
      continued: i < runs.length - 1,
      width: ctx.width,
      lineGap: lineGap(ctx.theme, run.size),
      align: options.align ?? 'left',
      link: run.link ?? null,
      goTo: run.goTo ?? null,
      underline: run.underline ?? false,
      destination: i === 0 ? (ctx.destination ?? null) : null,
    };
    if (i === 0) drawText(doc, run.text, textOptions, ctx.x, doc.y);
    else drawText(doc, run.text, textOptions);
  });
  ctx.destination = undefined;
}
