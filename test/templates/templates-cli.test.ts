import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.js';
import { buildTemplateReference } from '../../src/templates/template-docs.js';
import { hasTool, haveSeeds, repoRoot, runCli, seedsDir, spawnCli, tempDir } from '../helpers.js';

const havePoppler = hasTool('pdfinfo');
const templates = ['weekly', 'one-pager', 'memo'];

/** A copy of the sample brief using another template, writing into a temp folder. */
async function sampleWith(template: string, extra = ''): Promise<{ brief: string; out: string }> {
  const dir = await tempDir();
  const source = (await readFile(join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), 'utf8'))
    .replace('path: ../corpus/**/*.md', `path: ${join(repoRoot, 'corpus')}/**/*.md`)
    .replace('template: weekly', `template: ${template}`);
  await writeFile(join(dir, 'brief.yaml'), source + extra);
  return { brief: join(dir, 'brief.yaml'), out: join(dir, 'out') };
}

const mdOf = (out: string, id = 'ukraine-weekly', label = '2026-W04') => readFile(join(out, id, label, `${id}-${label}.md`), 'utf8');

describe('built-in templates render the sample and the seeds (golden files)', () => {
  it.each(templates)('%s: the sample brief matches test/golden/%s.md', async (template) => {
    const { brief, out } = await sampleWith(template);
    const result = await runCli(['generate', brief, '--out', out, '--no-store', '-q']);
    expect(result.code, result.stderr).toBe(0);
    const golden = join(repoRoot, 'test', 'golden', `${template}.md`);
    const markdown = await mdOf(out);
    if (process.env.UPDATE_GOLDEN) await writeFile(golden, markdown);
    expect(markdown).toBe(await readFile(golden, 'utf8'));
  });

  // The seeds are not ours to copy, so their goldens are digests rather than text.
  it.skipIf(!haveSeeds).each(templates)('%s: the seeds brief matches its digest in test/golden/seeds.sha256.json', async (template) => {
    const dir = await tempDir();
    const brief = (await readFile(join(repoRoot, 'eval', 'seeds.yaml'), 'utf8')).replace('path: ../../shared/seeds', `path: ${seedsDir}`).concat(`template: ${template}\n`);
    await writeFile(join(dir, 'seeds.yaml'), brief);
    const result = await runCli(['generate', join(dir, 'seeds.yaml'), '--out', join(dir, 'out'), '--no-store', '-q']);
    expect(result.code, result.stderr).toBe(0);
    const digest = createHash('sha256').update(await mdOf(join(dir, 'out'), 'seeds-eval', '2026-01-19_2026-02-01')).digest('hex');
    const file = join(repoRoot, 'test', 'golden', 'seeds.sha256.json');
    const digests = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>;
    if (process.env.UPDATE_GOLDEN) await writeFile(file, `${JSON.stringify({ ...digests, [template]: digest }, null, 2)}\n`);
    else expect(digest).toBe(digests[template]);
  });

  it.skipIf(!havePoppler)('the one-pager PDF of the sample is one page', async () => {
    const { brief, out } = await sampleWith('one-pager');
    expect((await runCli(['generate', brief, '--out', out, '--no-store', '-q'])).code).toBe(0);
    const info = execFileSync('pdfinfo', [join(out, 'ukraine-weekly', '2026-W04', 'ukraine-weekly-2026-W04.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
  });
});

describe('an item that leans on the one before it', () => {
  it('is nested under it, in the background as among the developments', async () => {
    const dir = await tempDir();
    const articles = {
      a: 'Russian Security Council Secretary Sergei Shoigu visited Beijing on Sunday for talks with Foreign Minister Wang Yi on the strategic partnership between Russia and China.',
      b: 'The strategic partnership between Russia and China has deepened since 2022, with Moscow and Beijing holding joint military exercises and expanding energy trade. This has worried Western governments, which see Russia and China coordinating their positions at the United Nations.',
      c: 'China and Russia declared a friendship with no limits in February 2022, weeks before the invasion of Ukraine, and Beijing has since bought record volumes of Russian oil.',
    };
    await mkdir(join(dir, 'articles'));
    for (const [id, text] of Object.entries(articles)) await writeFile(join(dir, 'articles', `${id}.md`), `---\ntitle: Article ${id}\npublisher: Outlet ${id}\npublished: 2026-01-21\n---\n\n${text}\n`);
    await writeFile(join(dir, 'brief.yaml'), 'id: ties\ntitle: Ties\nperiod: { week: 2026-W04 }\nsources: [{ path: articles }]\ntopics: [russia-china]\nlimits: { developments: 1 }\n');
    const result = await runCli(['generate', join(dir, 'brief.yaml'), '--out', join(dir, 'out'), '--no-store', '-q']);
    expect(result.code, result.stderr).toBe(0);
    const markdown = await mdOf(join(dir, 'out'), 'ties');
    const background = markdown.slice(markdown.indexOf('### Background'));
    expect(background).toContain('\n- The strategic partnership between Russia and China has deepened since 2022');
    expect(background).toContain('\n  - This has worried Western governments');
    const view = JSON.parse(await readFile(join(dir, 'out', 'ties', '2026-W04', 'ties-2026-W04.json'), 'utf8')) as { topics: { background: { continues: boolean }[] }[] };
    expect(view.topics[0]!.background.map((b) => b.continues)).toEqual([false, true, false]);
  });
});

describe('analyst judgement', () => {
  const judgments = `  judgments:\n    - { text: Washington signs the guarantees before March., likelihood: roughly even chance, confidence: low }\n  watch:\n    - The next Coalition of the Willing meeting\n`;
  it.each([
    ['weekly', /^- Washington signs the guarantees before March\. — \*roughly even chance\*, low confidence\.$/m],
    ['memo', /^1\. Washington signs the guarantees before March\. We judge this \*roughly even chance\* \(low confidence\)\.$/m],
  ])('%s renders judgments with likelihood and confidence, apart from sourced text', async (template, line) => {
    const { brief, out } = await sampleWith(template);
    await writeFile(brief, (await readFile(brief, 'utf8')).replace('analyst:\n', `analyst:\n${judgments}`));
    const result = await runCli(['generate', brief, '--out', out, '--no-store', '-q']);
    expect(result.code, result.stderr).toBe(0);
    const markdown = await mdOf(out);
    expect(markdown).toMatch(line);
    expect(markdown).toContain('The next Coalition of the Willing meeting');
  });
});

describe('a template typo (reliability row 10)', () => {
  it('exits 65 naming the field and position, and writes no .md or .pdf (after the same template, clean, was linted and kept)', async () => {
    const dir = await tempDir();
    await cp(join(repoRoot, 'templates', 'weekly'), join(dir, 'tpl'), { recursive: true });
    const file = join(dir, 'tpl', 'brief.md.hbs');
    const { brief, out } = await sampleWith(join(dir, 'tpl'));
    // The template as shipped, linted clean and compiled once, in a cache folder of its own.
    const env = { BRIEF_CACHE_DIR: join(dir, 'cache') };
    const clean = await spawnCli(['generate', brief, '--out', join(dir, 'clean'), '--no-store', '-q'], { env });
    expect(clean.code, clean.stderr).toBe(0);
    expect((await readdir(join(dir, 'cache'))).filter((name) => name.startsWith('template-'))).toEqual(expect.arrayContaining([expect.stringMatching(/\.ok$/), expect.stringMatching(/\.js$/)]));
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.splice(11, 0, 'Lead: {{artcle.title}}');
    await writeFile(file, lines.join('\n'));
    const result = await spawnCli(['generate', brief, '--out', out, '--no-store'], { env });
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(new RegExp(`^error\\[template\\]: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:12:9: "artcle\\.title" is not defined in the view model`, 'm'));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe('hostile article text (reliability row 11)', () => {
  it('reaches the Markdown and HTML as literal text: no headings, links, HTML or code', async () => {
    const dir = await tempDir();
    const nasty = ['# x', '* [a](javascript:alert(1))', '<script>alert(1)</script>', '<!-- open', '```', '| a | b |', 'back\\slash', '1. item', '\u202Eevil'];
    // Distinct sentences, so each is its own development rather than one clustered event.
    const frames = [
      'Negotiators in Paris quoted a security guarantee memo reading',
      'Kyiv officials circulated security guarantee notes titled',
      'A Brussels diplomat summarised the backstop draft as',
      'Ministers in Vilnius described the reassurance force plan as',
      'Warsaw envoys labelled the ceasefire annex',
      'Berlin lawyers headed the Article 5 comparison',
      'Rome analysts filed the peace plan critique under',
      'Madrid advisers numbered the peacekeeping options starting',
      'Ankara mediators marked the prisoner exchange list',
    ];
    const paragraphs = nasty.map((text, i) => `${frames[i]} ${text} on Tuesday.`);
    await mkdir(join(dir, 'a'));
    // Plain text, so the characters arrive as typed (a Markdown article's own links are links).
    await writeFile(join(dir, 'a', 'x.txt'), `Hostile\n${paragraphs.join('\n')}\n`);
    await writeFile(join(dir, 'b.yaml'), `id: hostile\ntitle: Hostile\nperiod: {week: 2026-W04}\nsources: [{path: a, published: 2026-01-20, publisher: Test}]\ntopics: [security-guarantees]\nlimits: {developments: 20}\nformats: [md, html, json]\n`);
    const result = await runCli(['generate', join(dir, 'b.yaml'), '--out', join(dir, 'out'), '--no-store', '-q']);
    expect(result.code, result.stderr).toBe(0);
    const markdown = await readFile(join(dir, 'out', 'hostile', '2026-W04', 'hostile-2026-W04.md'), 'utf8');
    const types = new Set<string>();
    const links: string[] = [];
    const emphasised: string[] = [];
    const textOf = (node: { value?: string; children?: unknown[] }): string => node.value ?? (node.children ?? []).map((c) => textOf(c as never)).join('');
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      types.add(node.type);
      if (node.type === 'link' && node.url) links.push(node.url);
      if (node.type === 'emphasis') emphasised.push(textOf(node));
      for (const child of node.children ?? []) walk(child as never);
    };
    walk(parseMarkdown(markdown) as never);
    for (const type of ['html', 'code', 'inlineCode', 'table']) expect(types.has(type), type).toBe(false);
    // The template's own italics are fine; article text never becomes emphasis.
    expect(emphasised.filter((text) => /claim|alert|script/.test(text))).toEqual([]);
    expect(links.filter((url) => !url.startsWith('#'))).toEqual([]);
    const view = JSON.parse(await readFile(join(dir, 'out', 'hostile', '2026-W04', 'hostile-2026-W04.json'), 'utf8'));
    const texts = view.topics[0].developments.map((d: { text: string }) => d.text);
    for (const text of nasty.filter((t) => t !== '```')) expect(texts.some((t: string) => t.includes(text.trim())), text).toBe(true);
    const html = await readFile(join(dir, 'out', 'hostile', '2026-W04', 'hostile-2026-W04.html'), 'utf8');
    expect(html).not.toMatch(/<script|href="javascript:|<!--/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe('customisation workflow', () => {
  it('lists the built-in templates', async () => {
    const { stdout } = await runCli(['templates', 'list']);
    expect(stdout.split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['memo', 'one-pager', 'weekly']);
  });

  it('templates check names the file, line and field of a template that does not match the view model (exit 65)', async () => {
    const tpl = join(await tempDir(), 'typo');
    expect((await runCli(['templates', 'eject', 'weekly', '--to', tpl])).code).toBe(0);
    await writeFile(join(tpl, 'brief.md.hbs'), `${await readFile(join(tpl, 'brief.md.hbs'), 'utf8')}{{brief.titel}}\n`);
    const result = await runCli(['templates', 'check', tpl]);
    expect(result.code).toBe(65);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error\[template\]: .*brief\.md\.hbs:\d+:3: "brief\.titel" is not defined in the view model/m);
  });

  it("reports a theme's mistakes and the template's together, each with its own code", async () => {
    const tpl = join(await tempDir(), 'both');
    expect((await runCli(['templates', 'eject', 'weekly', '--to', tpl])).code).toBe(0);
    const theme = join(tpl, 'theme.yaml');
    await writeFile(theme, (await readFile(theme, 'utf8')).replace('colors:', 'colours:'));
    await writeFile(join(tpl, 'brief.md.hbs'), `${await readFile(join(tpl, 'brief.md.hbs'), 'utf8')}{{brief.titel}}\n`);
    const result = await runCli(['templates', 'check', tpl]);
    expect(result.code).toBe(65);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error['))).toEqual([
      expect.stringMatching(/^error\[theme\]: .*theme\.yaml:\d+:1: unknown key "colours" \(did you mean "colors"\?\)$/),
      expect.stringMatching(/^error\[template\]: .*brief\.md\.hbs:\d+:3: "brief\.titel" is not defined in the view model/),
    ]);
  });

  it("finds the theme's missing fonts and logo before a PDF would: each at its line in theme.yaml, exit 66, and generate writes nothing", async () => {
    const tpl = join(await tempDir(), 'fonts');
    expect((await runCli(['templates', 'eject', 'weekly', '--to', tpl])).code).toBe(0);
    const theme = join(tpl, 'theme.yaml');
    // A folder named as a font is no font either.
    const text = (await readFile(theme, 'utf8')).replace('heading: DejaVuSans-Bold', 'heading: Helvetica-Bold').replace('mono: DejaVuSansMono', 'mono: Mono.ttf').replace('# logo: logo.png', 'logo: seal.png');
    await writeFile(theme, text);
    await mkdir(join(tpl, 'Mono.ttf'));
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const checked = await runCli(['templates', 'check', tpl]);
    expect(checked.code).toBe(66);
    expect(checked.stdout).toBe('');
    expect(checked.stderr.split('\n').filter((line) => line.startsWith('error['))).toEqual([
      expect.stringMatching(new RegExp(`^error\\[font-missing\\]: .*theme\\.yaml:${lineOf('Helvetica-Bold')}:\\d+: fonts\\.heading: font "Helvetica-Bold" not found`)),
      expect.stringMatching(new RegExp(`^error\\[font-missing\\]: .*theme\\.yaml:${lineOf('Mono.ttf')}:\\d+: fonts\\.mono: font "Mono\\.ttf" not found`)),
      expect.stringMatching(new RegExp(`^error\\[font-missing\\]: .*theme\\.yaml:${lineOf('seal.png')}:\\d+: logo: logo "seal\\.png" not found`)),
    ]);
    const { brief, out } = await sampleWith(tpl);
    const generated = await runCli(['generate', brief, '--out', out, '--no-store', '-q']);
    expect(generated.code).toBe(66);
    expect(generated.stderr).toMatch(new RegExp(`^error\\[font-missing\\]: .*theme\\.yaml:${lineOf('Helvetica-Bold')}:\\d+: fonts\\.heading: font "Helvetica-Bold" not found`, 'm'));
    expect(existsSync(join(out, 'ukraine-weekly', '2026-W04', 'ukraine-weekly-2026-W04.pdf'))).toBe(false);
  });

  it('an ejected, edited template (renamed heading, removed section, new partial) is used by generate', async () => {
    const dir = await tempDir();
    const tpl = join(dir, 'desk-weekly');
    expect((await runCli(['templates', 'eject', 'weekly', '--to', tpl])).code).toBe(0);
    expect((await runCli(['templates', 'eject', 'weekly', '--to', tpl])).code).toBe(73);
    const topic = join(tpl, 'partials', 'topic.hbs');
    let source = await readFile(topic, 'utf8');
    source = source.replace('### Key developments', '### What happened').replace(/\{\{#if figures\.length\}\}[\s\S]*?\{\{\/if\}\}\n/, '{{> signoff}}\n');
    await writeFile(topic, source);
    await writeFile(join(tpl, 'partials', 'signoff.hbs'), '*Checked by the desk.*\n');
    expect((await runCli(['templates', 'check', tpl])).stdout).toMatch(/^ok .*: brief\.md\.hbs, email\.md\.hbs, 2 partials match the view model; theme valid, its fonts found$/);
    const { brief, out } = await sampleWith(tpl);
    expect((await runCli(['generate', brief, '--out', out, '--no-store', '-q'])).code).toBe(0);
    const markdown = await mdOf(out);
    expect(markdown).toContain('### What happened');
    expect(markdown).not.toContain('### Key developments');
    expect(markdown).not.toContain('### Figures');
    expect(markdown).toContain('*Checked by the desk.*');
  });

  it('preview --watch renders again when a template file is saved', async () => {
    const dir = await tempDir();
    const tpl = join(dir, 'tpl');
    await cp(join(repoRoot, 'templates', 'weekly'), tpl, { recursive: true });
    const { brief, out } = await sampleWith(tpl);
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'brief.js'), 'preview', brief, '--watch', '--out', out, '--no-store'], { cwd: dir });
    let stdout = '';
    const renders = () => (stdout.match(/^rendered in \d+ ms/gm) ?? []).length;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const until = async (test: () => boolean, what: string) => {
      for (let i = 0; i < 300 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!test()) throw new Error(`timed out waiting for ${what}: ${stdout}`);
    };
    try {
      await until(() => renders() === 1, 'the first render');
      const saved = performance.now();
      const topic = join(tpl, 'partials', 'topic.hbs');
      await writeFile(topic, (await readFile(topic, 'utf8')).replace('### Key developments', '### Developments this week'));
      await until(() => renders() === 2, 'the render after saving');
      console.log(`preview --watch picked up the edit after ${(performance.now() - saved).toFixed(0)} ms`);
      expect(await mdOf(out)).toContain('### Developments this week');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('docs/templates.md', () => {
  it('is generated from the view-model shape and the helpers (run `brief templates docs > docs/templates.md`)', async () => {
    expect(await readFile(join(repoRoot, 'docs', 'templates.md'), 'utf8')).toBe(`${buildTemplateReference().trimEnd()}\n`);
  });
});

const chromium = ['chromium', 'chromium-browser'].find((name) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!chromium) console.warn('skipping the HTML-in-Chromium test: Debian chromium is not installed');

describe.skipIf(!chromium)('HTML output in headless Chromium', () => {
  it('opens with no console errors and shows the same text as the Markdown', async () => {
    const { brief, out } = await sampleWith('weekly');
    await writeFile(brief, (await readFile(brief, 'utf8')).replace('formats: [md, pdf, json]', 'formats: [md, html]'));
    expect((await runCli(['generate', brief, '--out', out, '--no-store', '-q'])).code).toBe(0);
    const html = join(out, 'ukraine-weekly', '2026-W04', 'ukraine-weekly-2026-W04.html');
    const profile = await tempDir();
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0'];
    const dom = execFileSync(chromium!, [...flags, '--dump-dom', `file://${html}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ').replace(/[\s*#>|\\[\]^-]+/g, ' ').trim();
    const markdown = await readFile(join(out, 'ukraine-weekly', '2026-W04', 'ukraine-weekly-2026-W04.md'), 'utf8');
    for (const development of ['100% ready', 'Board of Peace', 'Shoigu will travel to China', 'Starlink terminals']) {
      expect(text(dom)).toContain(development);
      expect(markdown).toContain(development);
    }
    expect(dom).toContain('<h1>Ukraine Peace Diplomacy — Weekly Brief</h1>');
    const log = execFileSync('sh', ['-c', `${chromium} ${flags.join(' ')} --dump-dom file://${html} 2>&1 >/dev/null | grep -i 'console' || true`], { encoding: 'utf8', timeout: 60_000 });
    expect(log.split('\n').filter((line) => /error/i.test(line) && /console/i.test(line))).toEqual([]);
  });
});

