import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache-dir.js';
import { openShapingCache } from '../../src/pdf/shaping-cache.js';
import { encodeWord, ShapingTable, writeShapingTable, type ShapedWord } from '../../src/pdf/shaping-table.js';
import { repoRoot, runCli, sampleBrief, spawnCli, tempDir } from '../helpers.js';

const saved = process.env.BRIEF_CACHE_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.BRIEF_CACHE_DIR;
  else process.env.BRIEF_CACHE_DIR = saved;
});

/** The sample brief's PDF bytes, generated with BRIEF_CACHE_DIR set to `cache`. */
async function samplePdf(cache: string): Promise<Buffer> {
  process.env.BRIEF_CACHE_DIR = cache;
  const out = await tempDir();
  const result = await runCli(['generate', sampleBrief, '--out', out, '--no-store', '-q']);
  expect(result.code, result.stderr).toBe(0);
  return readFile(join(out, 'ukraine-weekly', '2026-W04', 'ukraine-weekly-2026-W04.pdf'));
}

const cacheFiles = async (dir: string) => (await readdir(dir)).filter((name) => /^shaping-v\d+-fontkit[\d.]+-[0-9a-f]{32}\.bin$/.test(name));

const FORMAT = 5;
const readTable = async (file: string) => new ShapingTable(await readFile(file), FORMAT);

/** Rewrites a cache file with `change` applied to each of its words (undefined: keep the word as it is). */
async function rewrite(file: string, change: (word: string, shaped: ShapedWord, index: number) => ShapedWord | undefined): Promise<number> {
  const table = await readTable(file);
  const entries = new Map<string, Uint8Array>();
  let changed = 0;
  for (const [index, [word, bytes]] of [...table.entries()].entries()) {
    const replaced = change(word, table.get(word)!, index);
    if (replaced) changed += 1;
    entries.set(word, replaced ? encodeWord(word, replaced)! : bytes);
  }
  await writeFile(file, writeShapingTable(entries, FORMAT));
  return changed;
}

describe('the shaping cache', () => {
  it('gives the same PDF bytes off, cold, warm and after its files are damaged', async () => {
    const reference = await samplePdf('off');
    const dir = await tempDir();
    expect(await cacheFiles(dir)).toEqual([]);
    expect((await samplePdf(dir)).equals(reference), 'cold').toBe(true);
    const files = await cacheFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(3);
    // The faces' embedded subsets are kept too (src/pdf/subset-cache.ts), one per face drawn.
    const subsets = (await readdir(dir)).filter((name) => /^subset-v1-fontkit[\d.]+-[0-9a-f]{32}-[0-9a-f]{32}\.bin$/.test(name));
    expect(subsets.length).toBe(files.length);
    expect((await samplePdf(dir)).equals(reference), 'warm').toBe(true);
    // Damage: one file is cut short, one has bytes overwritten, the others hold entries with impossible glyph ids and look-ups.
    const first = join(dir, files[0]!);
    await writeFile(first, (await readFile(first)).subarray(0, 5000));
    const second = await readFile(join(dir, files[1]!));
    for (let at = 64; at < second.length; at += 97) second[at] = 0xff;
    await writeFile(join(dir, files[1]!), second);
    const damaged: ShapedWord[] = [
      { g: [60000], p: [1, 2, 3, 4], r: [] },
      { g: [5], p: [1, 2, 3, 4], r: [5, 70, 1] },
      { g: [5], p: [1, 2, 3, 4], r: [5, 1, 0x110000] },
      { g: [5], p: [1, 2, 3, 4], r: [5, 3, 1] },
      { g: [5], p: [1, 2, 3, Infinity], r: [] },
    ];
    for (const name of files.slice(2)) await rewrite(join(dir, name), (_, __, i) => (i < 200 ? damaged[i % damaged.length] : undefined));
    expect((await samplePdf(dir)).equals(reference), 'damaged').toBe(true);
  });

  it('is read: a well-formed entry changed by hand changes the PDF (so the tests above compare replayed words)', async () => {
    const reference = await samplePdf('off');
    const dir = await tempDir();
    await samplePdf(dir);
    let changed = 0;
    // Every fourth position is an advance: 'the ' drawn three times as wide.
    for (const name of await cacheFiles(dir)) changed += await rewrite(join(dir, name), (word, shaped) => (word === 'the ' ? { ...shaped, p: shaped.p.map((value, i) => (i % 4 === 0 ? value * 3 : value)) } : undefined));
    expect(changed).toBeGreaterThan(0);
    expect((await samplePdf(dir)).equals(reference)).toBe(false);
  });

  it('removes the files (words and subsets) of an older format or fontkit version when it writes, and nothing else', async () => {
    const dir = await tempDir();
    const stale = [
      'shaping-v3-fontkit2.0.4-0123456789abcdef0123456789abcdef.json',
      'shaping-v4-fontkit2.0.4-0123456789abcdef0123456789abcdef.json',
      'shaping-v5-fontkit0.0.1-0123456789abcdef0123456789abcdef.bin',
      'subset-v0-fontkit2.0.4-0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdef.bin',
      'subset-v1-fontkit0.0.1-0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdef.bin',
    ];
    for (const name of [...stale, 'code-0123-4567-generate.bin', 'notes.txt']) await writeFile(join(dir, name), '{}');
    await samplePdf(dir);
    const left = await readdir(dir);
    expect(left.filter((name) => stale.includes(name))).toEqual([]);
    expect(left).toEqual(expect.arrayContaining(['code-0123-4567-generate.bin', 'notes.txt']));
    expect((await cacheFiles(dir)).every((name) => name.startsWith('shaping-v5-'))).toBe(true);
  });

  it('keeps the words drawn most recently when a face holds as many as it may, and keeps learning', async () => {
    const dir = await tempDir();
    const serif = await readFile(join(repoRoot, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSerif.ttf'));
    /** One run: a face of at most four words draws `words`, then the cache is saved; the file's words, in its order. */
    const run = async (words: string[]) => {
      const cache = openShapingCache(dir, { maxWords: 4 });
      const face = cache.faces({ body: serif }).body;
      for (const word of words) face.layout(word);
      cache.save();
      const [file] = await cacheFiles(dir);
      return [...(await readTable(join(dir, file!))).entries()].map(([word]) => word);
    };
    expect(await run(['alpha', 'bravo', 'charlie', 'delta', 'echo'])).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    // New words first, then the ones drawn from the file, then the file's others as it held them.
    expect(await run(['foxtrot', 'charlie'])).toEqual(['foxtrot', 'charlie', 'alpha', 'bravo']);
    expect(await run(['golf', 'hotel', 'alpha', 'foxtrot'])).toEqual(['golf', 'hotel', 'alpha', 'foxtrot']);
    // A run that shapes nothing new leaves the file as it is.
    expect(await run(['golf', 'alpha'])).toEqual(['golf', 'hotel', 'alpha', 'foxtrot']);
  });

  it('costs speed, never the brief, when its folder cannot be written', async () => {
    const reference = await samplePdf('off');
    const blocker = join(await tempDir(), 'not-a-folder');
    await writeFile(blocker, 'a file where the cache folder should be');
    expect((await samplePdf(blocker)).equals(reference)).toBe(true);
  });

  it('survives brief run writing it from two worker threads at once: whole files, the same PDFs', async () => {
    const reference = await samplePdf('off');
    const dir = await tempDir();
    const briefs: string[] = [];
    const yaml = (await readFile(sampleBrief, 'utf8')).replace('path: ../corpus/**/*.md', `path: ${join(sampleBrief, '..', '..', 'corpus')}/**/*.md`);
    for (const id of ['alpha', 'bravo', 'charlie', 'delta']) {
      const file = join(dir, `${id}.yaml`);
      await writeFile(file, yaml.replace('id: ukraine-weekly', `id: ${id}`));
      briefs.push(file);
    }
    const cache = join(dir, 'cache');
    const result = await spawnCli(['run', ...briefs, '--out', join(dir, 'out'), '--no-store', '-q', '--jobs', '2'], { env: { BRIEF_CACHE_DIR: cache } });
    expect(result.code, result.stderr).toBe(0);
    for (const id of ['alpha', 'bravo', 'charlie', 'delta']) expect((await readFile(join(dir, 'out', id, '2026-W04', `${id}-2026-W04.pdf`))).equals(reference), id).toBe(true);
    expect((await readdir(cache)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    for (const name of await cacheFiles(cache)) expect((await readTable(join(cache, name))).size, name).toBeGreaterThan(0);
  });

  it('lives in BRIEF_CACHE_DIR, else under XDG_CACHE_HOME or ~/.cache; "off" turns it off', () => {
    expect(cacheDir({ BRIEF_CACHE_DIR: '/var/cache/brief' })).toBe('/var/cache/brief');
    expect(cacheDir({ BRIEF_CACHE_DIR: 'off' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/home/ana/.cache' })).toBe('/home/ana/.cache/briefwright');
    expect(cacheDir({})).toMatch(/\/\.cache\/briefwright$/);
  });
});
