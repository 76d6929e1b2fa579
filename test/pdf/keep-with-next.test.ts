import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.js';
import { loadFonts } from '../../src/pdf/load-fonts.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { generateBrief } from '../../src/pipeline.js';
import { hasTool, sampleBrief, tempDir } from '../helpers.js';
import { readLayout } from './inspect-pdf.js';

const filler = (words: number) => Array.from({ length: words }, (_, i) => ['the', 'grid', 'held', 'through', 'a', 'cold', 'night', 'in', 'Kharkiv'][i % 9]).join(' ');
/** A list item of three lines at the body width, whose two first lines alone would leave the third alone on the next page. */
const threeLines = `${filler(38)}.`;

describe.skipIf(!hasTool('pdftotext'))('a heading before a paragraph or list of three lines', () => {
  it('goes to the next page with it rather than be left alone at a page foot, wherever the page ends', async () => {
    const { view, template } = await generateBrief({ briefFile: sampleBrief, now: new Date('2026-01-26T09:00:00Z'), outDir: '/nonexistent', store: ':memory:', write: false });
    // Headings at every height of the page: filler paragraphs of one to forty lines' worth.
    const sections = Array.from({ length: 60 }, (_, i) => `${filler(5 + i * 7)}.\n\n### Section ${i + 1}\n\n${i % 2 ? `- ${threeLines}` : threeLines}\n`);
    const tree = parseMarkdown(`# Keep with next\n\n${sections.join('\n')}`);
    const pdf = await renderPdf(tree, view, { ...template.theme, cover: false, toc: false }, await loadFonts(template.theme, template.dir));
    const file = join(await tempDir(), 'keep.pdf');
    await writeFile(file, pdf.bytes);
    const { lines, pages } = readLayout(file);
    const content = lines.filter((l) => l.yMin > 60 && l.yMin < pages[l.page]!.height - 58 && !/^Page \d+ of \d+$/.test(l.text));
    expect(pages.length).toBeGreaterThan(10);
    for (let page = 0; page < pages.length; page++) {
      const last = content.filter((l) => l.page === page).at(-1);
      if (last) expect(/^Section \d+$/.test(last.text), `page ${page + 1} ends with the heading "${last.text}"`).toBe(false);
    }
  });
});
