import { chmod, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_FILES } from '../../src/code-cache.js';
import { repoRoot, sampleBrief, spawnCli, tempDir } from '../helpers.js';

const codeCaches = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((name) => /^code-.*\.bin$/.test(name));

describe('the compiled-code cache of the brief command', () => {
  it('is written by the first run, read by the next, and a damaged one is compiled afresh and replaced', async () => {
    const dir = await tempDir();
    const run = () => spawnCli(['validate', sampleBrief], { env: { BRIEF_CACHE_DIR: dir } });
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    const [name] = await codeCaches(dir);
    expect(name).toBeDefined();
    const file = join(dir, name!);
    const written = await stat(file);
    expect(written.size).toBeGreaterThan(100_000);

    // Accepted: left as it is (a rejected cache would be rewritten: a new file by rename).
    const second = await run();
    expect(second).toEqual(first);
    expect((await stat(file)).ino).toBe(written.ino);

    await writeFile(file, 'not bytecode');
    const third = await run();
    expect(third).toEqual(first);
    expect((await stat(file)).size).toBeGreaterThan(100_000);
    expect(await codeCaches(dir)).toEqual([name]);

    // Bytecode others could have written is not run: it is compiled afresh and replaced, private.
    await chmod(file, 0o666);
    const shared = await stat(file);
    expect(await run()).toEqual(first);
    const replaced = await stat(file);
    expect(replaced.ino).not.toBe(shared.ino);
    expect(replaced.mode & 0o077).toBe(0);
  });

  it('is written again by a run that takes a part of the program it lacks, with what it held: a PDF after a first run that made none', async () => {
    const dir = await tempDir();
    const out = await tempDir();
    const env = { BRIEF_CACHE_DIR: dir };
    const markdownOnly = join(dir, 'markdown-only.yaml');
    const sample = (await readFile(sampleBrief, 'utf8')).replace('path: ../corpus/**/*.md', `path: ${join(repoRoot, 'corpus')}/**/*.md`);
    await writeFile(markdownOnly, sample.replace('formats: [md, pdf, json]', 'formats: [md]'));
    const generate = async (brief: string) => expect((await spawnCli(['generate', brief, '--out', out, '--no-store', '--force', '-q'], { env })).code).toBe(0);
    const cache = async () => {
      const [name] = (await codeCaches(dir)).filter((file) => file.endsWith('-generate.bin'));
      const bytes = await readFile(join(dir, name!));
      return { ino: (await stat(join(dir, name!))).ino, size: bytes.length, header: bytes.subarray(0, bytes.indexOf(0x0a)).toString('latin1') };
    };
    await generate(markdownOnly);
    const first = await cache();
    expect(first.header).toBe('briefwright-code-cache 1 analysis,read-markdown');
    // The analysis is the first run's (memoised): the cache keeps it, and adds the PDF's code.
    await generate(sampleBrief);
    const second = await cache();
    expect(second.header).toBe('briefwright-code-cache 1 analysis,pdf,read-markdown');
    expect(second.ino).not.toBe(first.ino);
    expect(second.size).toBeGreaterThan(first.size);
    // A run that takes nothing new leaves it as it is.
    await generate(markdownOnly);
    await generate(sampleBrief);
    expect((await cache()).ino).toBe(second.ino);
  });

  it('is kept per command, and only a run that succeeded writes one', async () => {
    const dir = await tempDir();
    const env = { BRIEF_CACHE_DIR: dir };
    expect((await spawnCli(['validate', sampleBrief], { env })).code).toBe(0);
    expect((await spawnCli(['validate', '--help'], { env })).code).toBe(0);
    const failed = await spawnCli(['generate', join(dir, 'missing.yaml')], { env });
    expect(failed.code).toBe(66);
    const names = await codeCaches(dir);
    expect(names.map((name) => name.replace(/^code-\w+-\w+-/, '')).sort()).toEqual(['help.bin', 'validate.bin']);
    // `--help` compiles a fraction of what a command runs: its cache would leave the rest to compile.
    const sizes = Object.fromEntries(await Promise.all(names.map(async (name) => [name.replace(/^code-\w+-\w+-/, ''), (await stat(join(dir, name))).size] as const)));
    expect(sizes['help.bin']!).toBeLessThan(sizes['validate.bin']!);
  });

  it('is kept for brief run’s worker threads too, written once a brief has succeeded', async () => {
    const dir = await tempDir();
    const out = await tempDir();
    const env = { BRIEF_CACHE_DIR: dir };
    const missing = join(dir, 'missing.yaml');
    await writeFile(missing, 'id: broken\n');
    const failed = await spawnCli(['run', missing, '--out', out, '--no-store', '-q'], { env });
    expect(failed.code).not.toBe(0);
    expect((await codeCaches(dir)).filter((name) => name.endsWith('-worker.bin'))).toEqual([]);
    const run = await spawnCli(['run', sampleBrief, '--out', out, '--no-store', '-q'], { env });
    expect(run.code, run.stderr).toBe(0);
    const names = (await codeCaches(dir)).map((name) => name.replace(/^code-\w+-\w+-/, '')).sort();
    expect(names).toEqual(['run.bin', 'worker.bin']);
    // The next run's workers read it: it is left as it is (a rejected cache would be replaced).
    const worker = (await codeCaches(dir)).find((name) => name.endsWith('-worker.bin'))!;
    const written = await stat(join(dir, worker));
    expect((await spawnCli(['run', sampleBrief, '--out', out, '--no-store', '-q', '--force'], { env })).code).toBe(0);
    expect((await stat(join(dir, worker))).ino).toBe(written.ino);
  });

  it('keeps the most recently used caches of every install sharing the folder, and marks one used when it is read', async () => {
    const dir = await tempDir();
    // Another install's caches (another bundle path, so not an earlier build of this one), each used after the one before.
    const others = Array.from({ length: CODE_FILES + 8 }, (_, i) => `code-00000000000000ff-${i.toString(16).padStart(16, '0')}-generate.bin`);
    for (const [i, name] of others.entries()) {
      await writeFile(join(dir, name), Buffer.alloc(1024));
      const used = new Date(Date.UTC(2020, 0, 1, 0, i));
      await utimes(join(dir, name), used, used);
    }
    const run = () => spawnCli(['validate', sampleBrief], { env: { BRIEF_CACHE_DIR: dir } });
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    const names = await codeCaches(dir);
    const own = names.find((name) => name.endsWith('-validate.bin'))!;
    expect(own).toBeDefined();
    expect(names).toHaveLength(CODE_FILES);
    expect(names.filter((name) => name !== own).sort()).toEqual(others.slice(-(CODE_FILES - 1)).sort());

    // Read by the next start (left as it is, not rewritten), it is marked used: the sweep keeps it over older ones.
    const longAgo = new Date(Date.UTC(2019, 0, 1));
    await utimes(join(dir, own), longAgo, longAgo);
    const before = await stat(join(dir, own));
    expect(await run()).toEqual(first);
    const after = await stat(join(dir, own));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBeGreaterThan(Date.UTC(2020, 0, 2));
  });

  it('is not written with BRIEF_CACHE_DIR=off, and an unwritable folder costs only speed', async () => {
    const off = await spawnCli(['validate', sampleBrief], { env: { BRIEF_CACHE_DIR: 'off' } });
    expect(off.code, off.stderr).toBe(0);
    const blocked = join(await tempDir(), 'file');
    await writeFile(blocked, '');
    const unwritable = await spawnCli(['validate', sampleBrief], { env: { BRIEF_CACHE_DIR: join(blocked, 'cache') } });
    expect(unwritable).toEqual(off);
  });

  it('holds every module a brief loads but better-sqlite3 (native) and pdfkit\'s standard-font data', async () => {
    // Node's loader (NODE_DEBUG=module) names each file it loads; the bundle's own modules it never sees.
    const result = await spawnCli(['generate', sampleBrief, '--out', await tempDir(), '-q', '--store', join(await tempDir(), 'corpus.db')], { env: { NODE_DEBUG: 'module', BRIEF_CACHE_DIR: 'off' } });
    expect(result.code, result.stderr).toBe(0);
    const loaded = [...result.stderr.matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((match) => match[1]!);
    const packages = new Set(loaded.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? file));
    // fdir (tinyglobby's walker) once required its own copy of picomatch at every start.
    // better-sqlite3 finds its compiled addon through bindings (and its file-uri-to-path).
    expect([...packages].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path', 'pdfkit']);
    expect(loaded.filter((file) => file.includes('/pdfkit/')).every((file) => file.includes('/standard-fonts/')), loaded.join('\n')).toBe(true);
  });
});
