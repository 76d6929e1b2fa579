import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache-dir.js';
import { runCli, sampleBrief, spawnCli, tempDir } from '../helpers.js';

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

const cacheFiles = async (dir: string) => (await readdir(dir)).filter((name) => /^shaping-v\d+-fontkit[\d.]+-[0-9a-f]{32}\.json$/.test(name));

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
    // Damage: one file is not JSON, the others hold entries with impossible glyph ids and lookups.
    await writeFile(join(dir, files[0]!), '{"version": 4, "words": {"the ": ');
    const damaged = ['[[10000000],[1,2,3,4],[-1,99]]', '[[5],[1,2,3,4],[]', '[[5],[1,2,3,"4"],[]]', '[[5],[1,2,3,4]]', '5|1,2,3,4|', { g: [5], p: [1, 2, 3, 4], r: [] }, 7];
    for (const name of files.slice(1)) {
      const cache = JSON.parse(await readFile(join(dir, name), 'utf8')) as { words: Record<string, unknown> };
      Object.keys(cache.words)
        .slice(0, 200)
        .forEach((word, i) => (cache.words[word] = damaged[i % damaged.length]));
      await writeFile(join(dir, name), JSON.stringify(cache));
    }
    expect((await samplePdf(dir)).equals(reference), 'damaged').toBe(true);
  });

  it('is read: a well-formed entry changed by hand changes the PDF (so the tests above compare replayed words)', async () => {
    const reference = await samplePdf('off');
    const dir = await tempDir();
    await samplePdf(dir);
    let changed = 0;
    for (const name of await cacheFiles(dir)) {
      const cache = JSON.parse(await readFile(join(dir, name), 'utf8')) as { words: Record<string, string> };
      const entry = cache.words['the '];
      if (!entry) continue;
      // Stored as JSON text, [glyph ids, positions, look-ups]; every fourth position is an advance.
      const [glyphs, positions, lookups] = JSON.parse(entry) as number[][];
      cache.words['the '] = JSON.stringify([glyphs, positions!.map((value, i) => (i % 4 === 0 ? value * 3 : value)), lookups]);
      await writeFile(join(dir, name), JSON.stringify(cache));
      changed += 1;
    }
    expect(changed).toBeGreaterThan(0);
    expect((await samplePdf(dir)).equals(reference)).toBe(false);
  });

  it('removes the files (words and subsets) of an older format or fontkit version when it writes, and nothing else', async () => {
    const dir = await tempDir();
    const stale = [
      'shaping-v3-fontkit2.0.4-0123456789abcdef0123456789abcdef.json',
      'shaping-v4-fontkit0.0.1-0123456789abcdef0123456789abcdef.json',
      'subset-v0-fontkit2.0.4-0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdef.bin',
      'subset-v1-fontkit0.0.1-0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdef.bin',
    ];
    for (const name of [...stale, 'code-0123-4567-generate.bin', 'notes.txt']) await writeFile(join(dir, name), '{}');
    await samplePdf(dir);
    const left = await readdir(dir);
    expect(left.filter((name) => stale.includes(name))).toEqual([]);
    expect(left).toEqual(expect.arrayContaining(['code-0123-4567-generate.bin', 'notes.txt']));
    expect((await cacheFiles(dir)).every((name) => name.startsWith('shaping-v4-'))).toBe(true);
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
    for (const name of await cacheFiles(cache)) expect(() => JSON.parse(readFileSync(join(cache, name), 'utf8')), name).not.toThrow();
  });

  it('lives in BRIEF_CACHE_DIR, else under XDG_CACHE_HOME or ~/.cache; "off" turns it off', () => {
    expect(cacheDir({ BRIEF_CACHE_DIR: '/var/cache/brief' })).toBe('/var/cache/brief');
    expect(cacheDir({ BRIEF_CACHE_DIR: 'off' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/home/ana/.cache' })).toBe('/home/ana/.cache/briefwright');
    expect(cacheDir({})).toMatch(/\/\.cache\/briefwright$/);
  });
});
