import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBriefSchema } from '../../src/brief/schema.js';
import { outputFolder, type WriteFs } from '../../src/output/write-outputs.js';
import { generateBrief } from '../../src/pipeline.js';
import { BriefError } from '../../src/errors.js';
import { repoRoot, spawnCli, tempDir } from '../helpers.js';
import { briefWithEmail, envFor, send, standardEmail, startSmtp, type TestServer } from '../delivery/smtp-helpers.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const week = (out: string) => join(out, 'ukraine-weekly', '2026-W04');
const pdfOf = (out: string) => join(week(out), 'ukraine-weekly-2026-W04.pdf');

/** Hashes of every file in an output folder (what "nothing lost" compares). */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder).catch(() => [] as string[])).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, sha(await readFile(join(folder, name)))] as const)));
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('brief ids and output paths (row 21)', () => {
  const minimal = (id: string) => ({ id, title: 'T', sources: [{ path: 'x' }], topics: ['russia-china'] });

  it.each(['../../x', '..%2f..%2fx', '/abs', 'C:\\x', 'CON', 'con', 'a\u0000b', '.', 'x'.repeat(300), '\u2024\u2024/x'])('refuses %j before any write', (id) => {
    expect(makeBriefSchema(['russia-china']).safeParse(minimal(id)).success).toBe(false);
  });

  it('property: any id is refused, or its folder is inside the output root', () => {
    const root = resolve('/tmp/brief-out');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (id) => {
        if (!makeBriefSchema(['russia-china']).safeParse(minimal(id)).success) return true;
        return outputFolder(root, id, '2026-W04').startsWith(`${root}/`);
      }),
      { numRuns: 300, seed: 20260125 },
    );
  });

  it('never writes through a symbolic link in the output path', async () => {
    const out = await tempDir();
    const target = await tempDir();
    await symlink(target, join(out, 'ukraine-weekly'));
    const result = await spawnCli(['generate', join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), '--out', out, '--no-store', '-q']);
    expect(result.code).toBe(73);
    expect(result.stderr).toMatch(/is a symbolic link; outputs are never written through one/);
    expect(await readdir(target)).toEqual([]);
  });
});

describe('an existing output (row 22)', () => {
  it('is replaced atomically with --force: a reader polling it sees the old file or the new one, never a part', async () => {
    const out = await tempDir();
    const base = join(repoRoot, 'briefs', 'ukraine-weekly.yaml');
    expect((await spawnCli(['generate', base, '--out', out, '--no-store', '-q'])).code).toBe(0);
    const old = sha(await readFile(pdfOf(out)));
    const dir = await tempDir();
    const changed = (await readFile(base, 'utf8')).replace('path: ../corpus/**/*.md', `path: ${join(repoRoot, 'corpus')}/**/*.md`).replace('organization: Europe Desk', 'organization: Europe Desk (revised)');
    await writeFile(join(dir, 'ukraine-weekly.yaml'), changed);
    const seen = new Set<string>();
    let done = false;
    const run = spawnCli(['generate', join(dir, 'ukraine-weekly.yaml'), '--out', out, '--no-store', '-q', '--force']).then((r) => {
      done = true;
      return r;
    });
    while (!done) {
      seen.add(sha(await readFile(pdfOf(out))));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await run).code).toBe(0);
    const fresh = sha(await readFile(pdfOf(out)));
    expect(fresh).not.toBe(old);
    for (const hash of seen) expect([old, fresh]).toContain(hash);
  });
});

describe('a full disk (row 23)', () => {
  /** An fs whose writes fail with ENOSPC once the PDF's temp file is being written. */
  const fullDisk: WriteFs = {
    rename: nodeFs.rename,
    open: (async (path: string, flags: string) => {
      const handle = await nodeFs.open(path, flags);
      if (!String(path).includes('.pdf.tmp-')) return handle;
      return Object.assign(Object.create(handle), {
        writeFile: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    }) as WriteFs['open'],
  };

  it('is exit 74 naming it; earlier outputs are kept, no temp files are left, the lock is released, no mail is sent', async () => {
    server = await startSmtp();
    const paths = await briefWithEmail(standardEmail);
    await generateBrief({ briefFile: paths.brief, now: new Date(0), outDir: paths.out, store: ':memory:' });
    const before = await snapshot(week(paths.out));
    await writeFile(paths.brief, (await readFile(paths.brief, 'utf8')).replace('organization: Europe Desk', 'organization: Revised Desk'));
    const run = await send(paths, envFor(server.port), { force: true, fs: fullDisk });
    expect(run.code).toBe(74);
    expect(run.stderr).toMatch(/^error\[output-write\]: disk full writing outputs in .*; previous output kept$/m);
    expect(await snapshot(week(paths.out))).toEqual(before);
    expect((await readdir(week(paths.out))).filter((name) => name.includes('.tmp-') || name === '.brief.lock')).toEqual([]);
    expect(server.connections).toBe(0);
    await expect(generateBrief({ briefFile: paths.brief, now: new Date(0), outDir: paths.out, store: ':memory:', fs: fullDisk, force: true })).rejects.toBeInstanceOf(BriefError);
  });
});

describe('a kill at each checkpoint, then a rerun (row 24)', () => {
  it.each(['after-pdf-temp', 'after-pdf-rename', 'before-manifest'])('FAULT_AT=%s: the rerun cleans up and completes; no output is ever partial', async (checkpoint) => {
    const reference = await tempDir();
    const brief = join(repoRoot, 'briefs', 'ukraine-weekly.yaml');
    await spawnCli(['generate', brief, '--out', reference, '--no-store', '-q']);
    const out = await tempDir();
    const killed = await spawnCli(['generate', brief, '--out', out, '--no-store', '-q'], { env: { FAULT_AT: checkpoint } });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(week(out), '.brief.lock'))).toBe(true);
    if (existsSync(pdfOf(out))) expect(sha(await readFile(pdfOf(out)))).toBe(sha(await readFile(pdfOf(reference))));
    const rerun = await spawnCli(['generate', brief, '--out', out, '--no-store', '-q']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await snapshot(week(out))).toEqual(await snapshot(week(reference)));
  });

  it.each(['after-pending', 'during-data'])('FAULT_AT=%s while sending: the rerun says unknown (exit 79) and sends nothing; --resend sends once', async (checkpoint) => {
    server = await startSmtp();
    const paths = await briefWithEmail(standardEmail);
    const env = { ...envFor(server.port) };
    const killed = await spawnCli(['send', paths.brief, '--out', paths.out, '--no-store'], { env: { ...env, FAULT_AT: checkpoint } });
    expect(killed.signal).toBe('SIGKILL');
    const rerun = await spawnCli(['send', paths.brief, '--out', paths.out, '--no-store'], { env });
    expect(rerun.code).toBe(79);
    expect(rerun.stderr).toMatch(/delivery state unknown|ended with its delivery state unknown/);
    expect(server.received).toHaveLength(0);
    const resend = await spawnCli(['send', paths.brief, '--out', paths.out, '--no-store', '--resend'], { env });
    expect(resend.code, resend.stderr).toBe(0);
    expect(server.received).toHaveLength(1);
  });
});

describe('eight concurrent runs of one brief (row 25)', () => {
  it('produce one set of outputs and exactly one message; the others exit 75 (locked) or find it sent', async () => {
    server = await startSmtp();
    const paths = await briefWithEmail(standardEmail);
    const runs = await Promise.all(Array.from({ length: 8 }, () => spawnCli(['generate', paths.brief, '--out', paths.out, '--no-store', '--send', '-q'], { env: envFor(server!.port) })));
    expect(server.received).toHaveLength(1);
    for (const run of runs) expect([0, 75], run.stderr).toContain(run.code);
    const locked = runs.filter((run) => run.code === 75);
    for (const run of locked) expect(run.stderr).toMatch(/^error\[locked\]: .* is locked by pid \d+/m);
    expect(runs.filter((run) => /^sent to 4 recipients/m.test(run.stdout))).toHaveLength(1);
    await mkdir(week(paths.out), { recursive: true });
    expect(existsSync(join(week(paths.out), '.brief.lock'))).toBe(false);
  });
});
