import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS module shared with the benchmarks
import { syntheticArticles } from '../../bench/synthetic-corpus.js';
import { hasTool, repoRoot, runCli, tempDir } from '../helpers.js';
import { readLayout, type TextLine } from './inspect-pdf.js';

const ready = hasTool('qpdf') && hasTool('pdftotext');

describe.skipIf(!ready)('a long brief (12+ pages), checked on positions read back from the PDF', () => {
  let lines: TextLine[];
  let pageHeights: number[];
  let headings: Set<string>;
  /** Each paragraph of the Markdown as plain text, to tell a page that starts one. */
  let paragraphs: string[];
  let tablePages: number[];

  beforeAll(async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'articles'));
    const articles = syntheticArticles(repoRoot, 400) as { id: string; title: string; publisher: string; published: string; paragraphs: string[] }[];
    for (const a of articles) {
      await writeFile(join(dir, 'articles', `${a.id}.md`), `---\ntitle: "${a.title.replace(/"/g, "'")}"\npublisher: ${a.publisher}\npublished: ${a.published}\n---\n\n${a.paragraphs.join('\n\n')}\n`);
    }
    // The weekly template plus one long table at the end, so a table has to break across pages.
    await cp(join(repoRoot, 'templates', 'weekly'), join(dir, 'tpl'), { recursive: true });
    const main = join(dir, 'tpl', 'brief.md.hbs');
    const table = '## All developments\n\n| Topic | Development text | Cited |\n|---|---|---|\n{{#each topics}}{{#each developments}}| {{../title}} | {{text}} | {{cite sources}} |\n{{/each}}{{/each}}\n\n';
    await writeFile(main, (await readFile(main, 'utf8')).replace('{{#if sources.length}}\n## Sources', `${table}{{#if sources.length}}\n## Sources`));
    const topics = ['security-guarantees', 'spain-politics', 'russia-china', 'energy-infrastructure', 'battlefield-technology', 'reconstruction-finance', 'eu-accession', 'us-policy'];
    await writeFile(join(dir, 'brief.yaml'), `id: long\ntitle: Long brief\nperiod: {week: 2026-W04}\nsources: [{path: articles}]\ntopics: [${topics.join(', ')}]\nlimits: {developments: 20}\ntemplate: ./tpl\n`);
    const result = await runCli(['generate', join(dir, 'brief.yaml'), '--out', join(dir, 'out'), '--no-store', '-q']);
    expect(result.code, result.stderr).toBe(0);
    const pdf = join(dir, 'out', 'long', '2026-W04', 'long-2026-W04.pdf');
    execFileSync('qpdf', ['--check', pdf], { stdio: 'pipe' });
    const layout = readLayout(pdf);
    pageHeights = layout.pages.map((p) => p.height);
    // Content lines only: not the banners, running header or footer.
    lines = layout.lines.filter((l) => l.yMin > 60 && l.yMin < pageHeights[l.page]! - 58 && !/^Page \d+ of \d+$/.test(l.text));
    const markdown = await readFile(join(dir, 'out', 'long', '2026-W04', 'long-2026-W04.md'), 'utf8');
    headings = new Set([...markdown.matchAll(/^#{2,3} (.*)$/gm)].map((m) => m[1]!.replace(/\\/g, '')));
    paragraphs = markdown.split(/\n{2,}/).map((block) => block.replace(/\*\*|\\/g, '').replace(/\[\^(\d+)\]/g, '[$1]').replace(/\s+/g, ' ').trim());
    tablePages = [...new Set(lines.filter((l) => l.text === 'Development text').map((l) => l.page))];
  });

  it('runs to at least 12 pages', () => {
    expect(pageHeights.length).toBeGreaterThanOrEqual(12);
  });

  it('leaves no heading stranded at the foot of a page', () => {
    for (let page = 2; page < pageHeights.length; page++) {
      const last = lines.filter((l) => l.page === page).at(-1);
      if (last) expect(headings.has(last.text), `page ${page + 1} ends with the heading "${last.text}"`).toBe(false);
    }
  });

  it('leaves no single line of a paragraph at a page foot or top', () => {
    const lineHeight = 14.2; // body 10.5pt × (1 + 0.35 leading)
    const before = tablePages[0] ?? pageHeights.length;
    for (let page = 3; page < before; page++) {
      const top = lines.filter((l) => l.page === page);
      const bottom = lines.filter((l) => l.page === page - 1);
      const first = top[0];
      // A page that starts mid-paragraph: not a list item (a nested one has a dash), a citation
      // entry, a heading, a date or a paragraph's first line ("Actors: …", one line long).
      if (!first || /^([•–]|\[\d+\]|\d+ [A-Z][a-z]+ \d{4})/.test(first.text) || headings.has(first.text) || paragraphs.some((p) => p.startsWith(first.text))) continue;
      let continued = 1;
      while (continued < top.length && top[continued]!.yMin - top[continued - 1]!.yMin < lineHeight * 1.3 && !/^[•–]/.test(top[continued]!.text)) continued++;
      expect(continued, `page ${page + 1} starts with a single line: "${first.text}"`).toBeGreaterThanOrEqual(2);
      let tail = 1;
      while (tail < bottom.length && bottom.at(-tail)!.yMin - bottom.at(-tail - 1)!.yMin < lineHeight * 1.3 && !/^[•–]/.test(bottom.at(-tail)!.text)) tail++;
      expect(tail, `page ${page} ends with a single line: "${bottom.at(-1)?.text}"`).toBeGreaterThanOrEqual(2);
    }
  });

  it('splits the table across pages with its header row repeated at the top of each', () => {
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages.slice(1)) {
      // The header row's cells are the first lines on the page (poppler reads each cell as a line).
      const firstRow = lines.filter((l) => l.page === page).slice(0, 3).map((l) => l.text);
      expect(firstRow, `page ${page + 1}`).toEqual(expect.arrayContaining(['Topic', 'Development text', 'Cited']));
    }
    // Every page between the first and the last table page carries table rows.
    for (let page = tablePages[0]!; page <= tablePages.at(-1)!; page++) expect(tablePages).toContain(page);
  });
});
