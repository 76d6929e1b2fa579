import { micromark } from 'micromark';
import { gfmFootnote, gfmFootnoteHtml } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';

/** The stylesheet used when a template ships no style.css: readable, printable, no external fonts. */
export const defaultStylesheet = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f6f3; color: #1a1a1a; font: 16px/1.55 Georgia, 'DejaVu Serif', serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
h1, h2, h3 { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; color: #0b2545; line-height: 1.25; }
h1 { font-size: 1.9rem; border-bottom: 2px solid #8d0801; padding-bottom: .4rem; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 3px solid #c8c8c8; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #ddd; }
a { color: #1d4e89; }
sup a { text-decoration: none; }
.footnotes { font-size: .9rem; }
@media print { body { background: #fff; } main { box-shadow: none; margin: 0; padding: 0; } }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The brief's Markdown as HTML: CommonMark + GFM tables, footnotes, strikethrough; raw HTML and unsafe link schemes stay out. */
export function markdownToHtml(markdown: string): string {
  return micromark(markdown, {
    extensions: [gfmTable(), gfmFootnote(), gfmStrikethrough()],
    htmlExtensions: [gfmTableHtml(), gfmFootnoteHtml({ label: 'Sources' }), gfmStrikethroughHtml()],
  });
}

/** A self-contained HTML page of the brief (one file, inline stylesheet and images, nothing fetched). */
export function renderHtml(markdown: string, title: string, stylesheet = defaultStylesheet, images: ReadonlyMap<string, string> = new Map()): string {
  let body = markdownToHtml(markdown);
  for (const [file, svg] of images) body = body.replaceAll(`src="${file}"`, `src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${stylesheet.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
