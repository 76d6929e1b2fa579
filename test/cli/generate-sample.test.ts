import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasTool, pdfText, repoRoot, sampleBrief, spawnCli, tempDir } from '../helpers.js';

const haveQpdf = hasTool('qpdf');
const havePoppler = hasTool('pdftotext');
const topicTitles = ['Security guarantees and the peace track', "Spain's domestic politics", 'Russia–China ties', "Strikes on Ukraine's energy system", 'Battlefield technology'];

describe('brief generate on the sample brief (the quick start)', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof spawnCli>>;
  const file = (ext: string) => join(dir, 'ukraine-weekly', '2026-W04', `ukraine-weekly-2026-W04.${ext}`);

  beforeAll(async () => {
    dir = await tempDir();
    result = await spawnCli(['generate', '--no-store', sampleBrief, '--out', dir]);
  });

  it('exits 0 and names the three files it wrote', () => {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(0);
    for (const ext of ['md', 'pdf', 'json']) expect(result.stdout).toContain(`wrote ${file(ext)}`);
  });

  it('writes Markdown with the title and every topic heading', async () => {
    const markdown = await readFile(file('md'), 'utf8');
    expect(markdown).toMatch(/^# Ukraine Peace Diplomacy — Weekly Brief$/m);
    for (const title of topicTitles) expect(markdown).toContain(`## ${title}`);
  });

  it('writes the view model as JSON, every development citing a source', async () => {
    const view = JSON.parse(await readFile(file('json'), 'utf8'));
    expect(view.period).toMatchObject({ label: '2026-W04', from: '2026-01-19', to: '2026-01-25' });
    expect(view.topics.map((t: { title: string }) => t.title)).toEqual(topicTitles);
    for (const topic of view.topics) for (const d of topic.developments) expect(d.sources.length).toBeGreaterThan(0);
  });

  it('holds no machine path: article files are relative to the brief, in the JSON and the manifest', async () => {
    for (const name of [file('json'), join(dir, 'ukraine-weekly', '2026-W04', 'manifest.json'), file('md')]) {
      const text = await readFile(name, 'utf8');
      expect(text, name).not.toContain(repoRoot);
      expect(text, name).not.toContain(dir);
    }
    expect(await readFile(file('json'), 'utf8')).toContain('"file": "../corpus/2026-W04/');
  });

  it("lists in the manifest the files whose articles the brief used, with their hashes (not the other week's)", async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'ukraine-weekly', '2026-W04', 'manifest.json'), 'utf8')) as { inputs: { file: string; sha256: string }[] };
    const view = JSON.parse(await readFile(file('json'), 'utf8')) as { summary: { articles: number }; sources: { file: string }[] };
    const files = manifest.inputs.map((input) => input.file);
    expect(files).toHaveLength(view.summary.articles);
    for (const name of files) expect(name).toMatch(/^\.\.\/corpus\/2026-W04\//);
    for (const source of view.sources) expect(files).toContain(source.file);
    for (const input of manifest.inputs) expect(input.sha256).toBe(createHash('sha256').update(await readFile(join(dirname(sampleBrief), input.file))).digest('hex'));
  });

  it.skipIf(!haveQpdf)('writes a PDF that passes qpdf --check', () => {
    expect(() => execFileSync('qpdf', ['--check', file('pdf')], { stdio: 'pipe' })).not.toThrow();
  });

  it.skipIf(!havePoppler)('embeds every font in the PDF (pdffonts)', () => {
    const rows = execFileSync('pdffonts', [file('pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes');
  });

  it.skipIf(!havePoppler)('has the title and every topic heading in the PDF text (pdftotext)', () => {
    const text = pdfText(file('pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Ukraine Peace Diplomacy — Weekly Brief');
    for (const title of topicTitles) expect(text).toContain(title);
  });
});

describe('determinism', () => {
  it('gives byte-identical .md, .json and .pdf for the same inputs', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    expect((await spawnCli(['generate', '--no-store', sampleBrief, '--out', a, '-q'])).code).toBe(0);
    expect((await spawnCli(['generate', '--no-store', sampleBrief, '--out', b, '-q'])).code).toBe(0);
    for (const ext of ['md', 'json', 'pdf']) {
      const name = join('ukraine-weekly', '2026-W04', `ukraine-weekly-2026-W04.${ext}`);
      expect(Buffer.compare(await readFile(join(a, name)), await readFile(join(b, name))), ext).toBe(0);
    }
  });

  it("gives the same brief on machines in any time zone, a date-time without a zone included", async () => {
    const dir = await tempDir();
    await cp(join(repoRoot, 'corpus', '2026-W04'), join(dir, 'corpus'), { recursive: true });
    // Late on the week's last day, without a zone: in New York's zone it was the next day's UTC.
    const late = join(dir, 'corpus', 'spain-rejects-board-of-peace.md');
    await writeFile(late, (await readFile(late, 'utf8')).replace(/^published: .*$/m, 'published: 2026-01-25 23:30'));
    await writeFile(join(dir, 'brief.yaml'), (await readFile(sampleBrief, 'utf8')).replace('path: ../corpus/**/*.md', 'path: corpus'));
    const outputs: Buffer[][] = [];
    for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati']) {
      const out = join(dir, zone.replace('/', '-'));
      expect((await spawnCli(['generate', '--no-store', join(dir, 'brief.yaml'), '--out', out, '-q'], { env: { TZ: zone, BRIEF_CACHE_DIR: 'off' } })).code).toBe(0);
      outputs.push(await Promise.all(['md', 'json', 'pdf'].map((ext) => readFile(join(out, 'ukraine-weekly', '2026-W04', `ukraine-weekly-2026-W04.${ext}`)))));
    }
    expect(outputs[0]![0]!.toString()).toContain('Board of Peace');
    for (const other of outputs.slice(1)) other.forEach((bytes, index) => expect(Buffer.compare(bytes, outputs[0]![index]!), ['md', 'json', 'pdf'][index]).toBe(0));
  });
});
