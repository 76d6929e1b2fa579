import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasTool, pdfText, repoRoot, runCli, tempDir } from '../helpers.js';
import { linkAnnotations, namedDestinations, outline, readLayout, readObjects } from './inspect-pdf.js';

const ready = hasTool('qpdf') && hasTool('pdftotext') && hasTool('pdftoppm');

/** Generates a brief in a temp folder; `edit` adjusts the sample brief's YAML. */
async function generate(options: { edit?: (yaml: string) => string; files?: Record<string, string>; template?: (dir: string) => Promise<string> } = {}) {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(options.files ?? {})) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  let yaml = (await readFile(join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), 'utf8')).replace('path: ../corpus/**/*.md', `path: ${join(repoRoot, 'corpus')}/**/*.md`);
  if (options.template) yaml = yaml.replace('template: weekly', `template: ${await options.template(dir)}`);
  yaml = options.edit ? options.edit(yaml) : yaml;
  await writeFile(join(dir, 'brief.yaml'), yaml);
  const id = /^id: (.*)$/m.exec(yaml)![1]!;
  const label = yaml.includes('{ week: 2026-W04 }') ? '2026-W04' : /period: \{ ?from: (\S+), to: (\S+) ?\}/.exec(yaml)?.slice(1).join('_') ?? '2026-W04';
  const result = await runCli(['generate', join(dir, 'brief.yaml'), '--out', join(dir, 'out'), '--no-store', '-q']);
  return { dir, result, pdf: join(dir, 'out', id, label, `${id}-${label}.pdf`), md: join(dir, 'out', id, label, `${id}-${label}.md`) };
}

/** A copy of the weekly template with theme settings replaced. */
function weeklyWith(theme: Record<string, string>) {
  return async (dir: string) => {
    const target = join(dir, 'tpl');
    await cp(join(repoRoot, 'templates', 'weekly'), target, { recursive: true });
    let yaml = await readFile(join(target, 'theme.yaml'), 'utf8');
    for (const [key, value] of Object.entries(theme)) yaml = yaml.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);
    await writeFile(join(target, 'theme.yaml'), yaml);
    return target;
  };
}

const headingsOf = (markdown: string, depth: number) => [...markdown.matchAll(new RegExp(`^${'#'.repeat(depth)} (.*)$`, 'gm'))].map((m) => m[1]!.replace(/\\/g, ''));

describe.skipIf(!ready)('the sample brief PDF', () => {
  let sample: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    sample = await generate();
    expect(sample.result.code, sample.result.stderr).toBe(0);
  });

  it('is valid, tagged, A4, with every font embedded and subset', () => {
    execFileSync('qpdf', ['--check', sample.pdf], { stdio: 'pipe' });
    const info = execFileSync('pdfinfo', [sample.pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Ukraine Peace Diplomacy — Weekly Brief$/m);
    const fonts = execFileSync('pdffonts', [sample.pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const row of fonts) expect(row, row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('gives its text in reading order, with no replacement characters', async () => {
    const text = pdfText(sample.pdf);
    expect(text).not.toContain('\uFFFD');
    const markdown = await readFile(sample.md, 'utf8');
    // After the cover and the contents page, the sections come in the Markdown's order.
    const body = text.split('\f').slice(2).join('\f');
    let from = 0;
    for (const title of headingsOf(markdown, 2)) {
      const at = body.indexOf(title, from);
      expect(at, title).toBeGreaterThanOrEqual(0);
      from = at + title.length;
    }
  });

  it('has an outline equal to the headings, at the pages where they land', async () => {
    const markdown = await readFile(sample.md, 'utf8');
    const entries = outline(sample.pdf);
    const expected = [...markdown.matchAll(/^(##+) (.*)$/gm)].map((m) => m[2]!.replace(/\\/g, ''));
    expect(entries.map((e) => e.title)).toEqual(expected);
    const { lines } = readLayout(sample.pdf);
    // Headings repeat ("Key developments" in every topic): match them in reading order.
    let from = lines.findIndex((line) => line.page >= 2);
    for (const entry of entries) {
      const at = lines.findIndex((line, i) => i >= from && line.text === entry.title);
      expect(lines[at]?.page, entry.title).toBe(entry.page);
      from = at + 1;
    }
  });

  it('has a contents page whose page numbers are where the sections land, each linked', async () => {
    const { lines } = readLayout(sample.pdf);
    const sections = headingsOf(await readFile(sample.md, 'utf8'), 2);
    // On the contents page each title has its page number at the right, on the same line.
    const contents = sections.map((title) => {
      const line = lines.find((l) => l.page === 1 && l.text === title)!;
      const number = lines.find((l) => l.page === 1 && l !== line && Math.abs(l.yMin - line.yMin) < 1 && /^\d+$/.test(l.text));
      return { title, line, page: Number(number?.text) - 1 };
    });
    for (const { title, line, page } of contents) {
      expect(line, title).toBeDefined();
      expect(lines.find((l) => l.page >= 2 && l.text === title)?.page, title).toBe(page);
    }
    const objects = readObjects(sample.pdf);
    const destinations = namedDestinations(objects);
    const tocLinks = linkAnnotations(objects).filter((link) => link.page === 1);
    expect(tocLinks).toHaveLength(sections.length);
    for (const link of tocLinks) expect(destinations.get(link.dest!)?.page).toBeGreaterThanOrEqual(2);
  });

  it('underlines each web link exactly under its link box, and nothing else', async () => {
    // The content streams uncompressed: an underline is a stroked line, "x1 y m x2 y l S".
    const plain = join(await tempDir(), 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', sample.pdf, plain]);
    const content = (await readFile(plain)).toString('latin1');
    const underlines = [...content.matchAll(/([\d.-]+) ([\d.-]+) m\n([\d.-]+) ([\d.-]+) l\nS/g)].filter((m) => m[2] === m[4]).map((m) => [Number(m[1]), Number(m[3])] as const);
    const webLinks = linkAnnotations(readObjects(sample.pdf)).filter((link) => link.uri);
    expect(webLinks.length).toBeGreaterThan(5);
    for (const link of webLinks) {
      const under = underlines.find(([from, to]) => Math.abs(from - link.rect[0]) < 0.01 && Math.abs(to - link.rect[2]) < 0.01);
      expect(under, `${link.uri} on page ${link.page + 1}`).toBeDefined();
    }
    // Plain text is drawn without one (a fragment's measure given to pdfkit is only used to underline).
    expect(underlines.length).toBeLessThanOrEqual(webLinks.length);
  });

  it('links every citation to its entry in the sources list', () => {
    const objects = readObjects(sample.pdf);
    const destinations = namedDestinations(objects);
    const { words, pages } = readLayout(sample.pdf);
    const citations = linkAnnotations(objects).filter((link) => link.dest?.startsWith('source-'));
    expect(citations.length).toBeGreaterThan(20);
    for (const link of citations) {
      const n = link.dest!.slice('source-'.length);
      const target = destinations.get(link.dest!)!;
      // The destination is the line of the sources list that starts with [n].
      const label = words.find((w) => w.page === target.page && w.text === `[${n}]` && Math.abs(pages[target.page]!.height - target.y - w.yMin) < 12);
      expect(label, `[${n}]`).toBeDefined();
      // And the link's rectangle is over the [n] it was drawn for.
      const drawn = words.find((w) => w.page === link.page && w.text.includes(`[${n}]`) && Math.abs(pages[link.page]!.height - link.rect[3] - w.yMin) < 12 && link.rect[0] < w.xMax && link.rect[2] > w.xMin);
      expect(drawn, `citation [${n}] on page ${link.page + 1}`).toBeDefined();
    }
  });

  it('draws an item that continues the one before under it: a dash, further in', () => {
    const { words, lines } = readLayout(sample.pdf);
    // The item's first line, and the marker drawn level with it, left of it.
    const item = (start: string) => {
      const line = lines.find((l) => l.text.startsWith(start));
      expect(line, start).toBeDefined();
      const marker = words.find((w) => w.page === line!.page && Math.abs(w.yMin - line!.yMin) < 3 && w.xMax < line!.xMin);
      return { line: line!, marker: marker?.text, markerX: marker?.xMin ?? NaN };
    };
    // "The decision…" follows on from Spain's refusal to join the Board of Peace (the sample's Markdown nests it).
    const parent = item('Spain will not join the "Board of Peace"');
    const child = item('The decision puts Madrid at odds');
    expect([parent.marker, child.marker]).toEqual(['•', '–']);
    expect(child.markerX).toBeGreaterThan(parent.markerX + 10);
    expect(child.line.xMin).toBeGreaterThan(parent.line.xMin + 10);
    expect(child.line.yMin).toBeGreaterThan(parent.line.yMin);
  });

  it('renders on Letter as well as A4', async () => {
    const letter = await generate({ template: weeklyWith({ '  size': 'LETTER                 # A4 or LETTER' }) });
    expect(letter.result.code, letter.result.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [letter.pdf], { encoding: 'utf8' })).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m);
  });
});

describe.skipIf(!ready)('names in other scripts', () => {
  it('round-trip: Cyrillic, Greek and Latin Extended', async () => {
    const names = ['Зеленський', 'Feijóo', 'Łukasz', 'Αθήνα', 'Sánchez', 'Núñez'];
    const article = `---\ntitle: Names\npublisher: Test Wire\npublished: 2026-01-21\n---\n\nВолодимир Зеленський met Łukasz in Αθήνα on Tuesday to discuss security guarantees, as Feijóo, Núñez and Sánchez watched.\n`;
    const { result, pdf } = await generate({ files: { 'names/a.md': article }, edit: (yaml) => yaml.replace(/path: .*corpus\/\*\*\/\*\.md/, 'path: names') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('missing-glyphs');
    const text = pdfText(pdf);
    for (const name of names) expect(text).toContain(name);
  });
});

describe.skipIf(!ready)('hostile text and layouts (reliability rows 13–16)', () => {
  it('13: CJK, emoji and other uncovered characters become U+FFFD with one warning; NUL and lone surrogates never reach the page', async () => {
    const article = `Mixed scripts\nSecurity guarantees were discussed on Tuesday with notes in 中文, العربية, e\u0301, 😀 and 👩\u200D👩\u200D👧, a NUL here:\u0000 and a lone \uD800 surrogate.\n`;
    const { result, pdf } = await generate({ files: { 'mix/a.txt': article }, edit: (yaml) => yaml.replace(/path: .*corpus\/\*\*\/\*\.md/, 'path: mix\n    published: 2026-01-21') });
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning[missing-glyphs]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/U\+4E2D 中/);
    expect(warnings[0]).not.toMatch(/U\+0000|U\+D800/);
    const text = pdfText(pdf);
    // DejaVu covers Arabic letters, combining accents and some emoji; CJK falls back to U+FFFD.
    expect(text).toContain('e\u0301');
    expect(text).toContain('\uFFFD');
    expect(text).not.toContain('\u0000');
    expect(text).not.toMatch(/Ø=Þ/);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const row of fonts) expect(row).toMatch(/yes yes yes/);
  });

  it('14: an impossible theme is a validation error, not a hang', async () => {
    const huge = await generate({ template: weeklyWith({ sizes: '{ body: 400, h1: 20, h2: 14, h3: 11.5, small: 8 }' }) });
    expect(huge.result.code).toBe(65);
    expect(huge.result.stderr).toMatch(/theme\.yaml:\d+:\d+: sizes\.body: font size above 72pt/);
    const narrow = await generate({ template: weeklyWith({ '  margins': '{ top: 72, bottom: 64, left: 250, right: 250 }' }) });
    expect(narrow.result.code).toBe(65);
    expect(narrow.result.stderr).toMatch(/invalid layout: text column \d+pt < minimum 144pt/);
    expect(existsSync(narrow.pdf)).toBe(false);
  });

  it('15: a brief longer than the page cap is refused before anything is written', async () => {
    const capped = await generate({ template: weeklyWith({ maxPages: '3' }) });
    expect(capped.result.code).toBe(65);
    expect(capped.result.stderr).toMatch(/^error\[pdf-too-long\]: the brief would exceed 3 pages/m);
    expect(existsSync(capped.md)).toBe(false);
  });

  it('16: a long URL wraps, with one link rectangle per line over exactly its text, and none over the text after it', async () => {
    const url = `https://example.org/${'very-long-path-segment/'.repeat(12)}end`;
    const article = `---\ntitle: Long link\npublisher: Test Wire\npublished: 2026-01-21\nurl: ${url}\n---\n\nSecurity guarantees were discussed on Tuesday by the Coalition of the Willing.\n`;
    const { result, pdf } = await generate({ files: { 'long/a.md': article }, edit: (yaml) => yaml.replace(/path: .*corpus\/\*\*\/\*\.md/, 'path: long') });
    expect(result.code, result.stderr).toBe(0);
    const links = linkAnnotations(readObjects(pdf)).filter((link) => link.uri === url);
    expect(links.length).toBeGreaterThanOrEqual(3);
    const { words, pages } = readLayout(pdf);
    const urlWords = words.filter((w) => url.includes(w.text) && w.text.length > 8);
    for (const link of links) {
      const top = pages[link.page]!.height - link.rect[3];
      const bottom = pages[link.page]!.height - link.rect[1];
      const inside = words.filter((w) => w.page === link.page && w.yMin >= top - 1 && w.yMax <= bottom + 1 && w.xMin >= link.rect[0] - 1 && w.xMax <= link.rect[2] + 1);
      expect(inside.length, JSON.stringify(link)).toBeGreaterThan(0);
      for (const word of inside) expect(urlWords, word.text).toContain(word);
    }
  });
});

/** A PGM page image: width, height, grey bytes. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

describe.skipIf(!ready)('visual goldens (cover, a topic page, the sources page)', () => {
  it.each([
    ['cover', 1],
    ['topic', 3],
    ['sources', -1],
  ])('the %s page matches its golden image within tolerance', async (name, pageNumber) => {
    const { result, pdf } = await generate();
    expect(result.code).toBe(0);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const page = pageNumber === -1 ? pages : pageNumber;
    const image = execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 * 1024 * 1024 });
    const golden = join(repoRoot, 'test', 'golden', 'pdf', `${name}.pgm`);
    if (process.env.UPDATE_GOLDEN) {
      await mkdir(join(golden, '..'), { recursive: true });
      await writeFile(golden, image);
    }
    const [a, b] = [readPgm(image), readPgm(await readFile(golden))];
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let different = 0;
    for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > 48) different++;
    expect(different / a.pixels.length).toBeLessThan(0.005);
  });
});

describe.skipIf(!ready)('charts', () => {
  it('are drawn in the PDF as Figures with alt text, written as SVG beside the Markdown, and inlined in the HTML', async () => {
    const { result, pdf, md } = await generate({ edit: (yaml) => yaml.replace('formats: [md, pdf, json]', 'formats: [md, pdf, html, json]') });
    expect(result.code, result.stderr).toBe(0);
    const markdown = await readFile(md, 'utf8');
    expect(markdown).toContain('![Articles per topic per day](<ukraine-weekly-2026-W04-activity.svg>)');
    const svg = await readFile(md.replace('.md', '-activity.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<desc id="desc">Bar chart of articles per topic per day, 2026-01-19 to 2026-01-25.');
    const objects = readObjects(pdf);
    const figures = Object.values(objects.all).map((o) => o.value as Record<string, unknown>).filter((v) => v?.['/S'] === '/Figure');
    expect(figures).toHaveLength(2);
    for (const figure of figures) expect(String(figure['/Alt'])).toMatch(/Bar chart of articles per (topic per day|outlet)/);
    const html = await readFile(md.replace('.md', '.html'), 'utf8');
    expect(html).toContain('src="data:image/svg+xml;base64,');
    expect(html).not.toContain('src="ukraine-weekly-2026-W04-activity.svg"');
  });

  it('are written beside the Markdown when its file names carry an escaped character (a date range’s "_")', async () => {
    const { result, md } = await generate({ edit: (yaml) => yaml.replace('{ week: 2026-W04 }', '{ from: 2026-01-19, to: 2026-01-25 }') });
    expect(result.code, result.stderr).toBe(0);
    const markdown = await readFile(md, 'utf8');
    // The Markdown escapes the underscore; a reader of it unescapes it and looks for the file so named.
    expect(markdown).toContain('![Articles per topic per day](<ukraine-weekly-2026-01-19\\_2026-01-25-activity.svg>)');
    for (const chart of ['activity', 'outlets']) expect(await readFile(md.replace('.md', `-${chart}.svg`), 'utf8')).toMatch(/^<svg /);
  });
});

describe.skipIf(!ready)('images in a template', () => {
  // The second names the file with a backslash escape, as CommonMark allows: desk\_seal.png is desk_seal.png.
  it.each([
    ['seal.png', 'seal.png'],
    ['desk_seal.png', 'desk\\_seal.png'],
  ])('a PNG beside the template (%s) is drawn as a Figure with its alt text', async (file, written) => {
    // A 2×2 PNG, written here so the test carries no binary fixture.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
    const { result, pdf } = await generate({
      template: async (dir) => {
        const target = await weeklyWith({})(dir);
        await writeFile(join(target, file), png);
        const main = join(target, 'brief.md.hbs');
        await writeFile(main, (await readFile(main, 'utf8')).replace('{{#if analyst.bluf}}', `![Desk seal](${written})\n\n{{#if analyst.bluf}}`));
        return target;
      },
    });
    expect(result.code, result.stderr).toBe(0);
    const figures = Object.values(readObjects(pdf).all).map((o) => o.value as Record<string, unknown>).filter((v) => v?.['/S'] === '/Figure');
    expect(figures.map((f) => String(f['/Alt']).replace(/^u:/, ''))).toContain('Desk seal');
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })).toMatch(/\s2\s+2\s+rgb/);
  });
});
