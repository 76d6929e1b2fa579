import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnCli, tempDir } from '../helpers.js';

async function fourBriefs(): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, 'briefs'));
  const sample = (await readFile(join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), 'utf8')).replace('path: ../corpus/**/*.md', `path: ${join(repoRoot, 'corpus')}/**/*.md`);
  for (const name of ['alpha', 'bravo', 'charlie']) await writeFile(join(dir, 'briefs', `${name}.yaml`), sample.replace('id: ukraine-weekly', `id: ${name}`));
  await writeFile(join(dir, 'briefs', 'delta.yaml'), 'id: delta\ntitle: Broken\nsources: [{path: x}]\ntopics: [no-such-topic]\n');
  return dir;
}

describe('brief run', () => {
  it('runs four briefs, one broken: three complete, the broken one is reported, exit 65, the summary lists all four', async () => {
    const dir = await fourBriefs();
    const result = await spawnCli(['run', '--out', 'out', '--no-store', '--jobs', '2'], { cwd: dir });
    expect(result.code).toBe(65);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^brief\s+exit\s+time\s+result$/);
    expect(rows.slice(1).map((row) => row.split(/\s+/).slice(0, 2))).toEqual([
      ['alpha.yaml', '0'],
      ['bravo.yaml', '0'],
      ['charlie.yaml', '0'],
      ['delta.yaml', '65'],
    ]);
    expect(rows[4]).toMatch(/error\[brief\]: briefs\/delta\.yaml:4:10: topics\.0: unknown topic "no-such-topic"/);
    for (const name of ['alpha', 'bravo', 'charlie']) expect(await readdir(join(dir, 'out', name, '2026-W04'))).toContain(`${name}-2026-W04.pdf`);
    expect(await readlink(join(dir, 'out', 'alpha', 'latest'))).toBe('2026-W04');
  });

  it('--json gives the summary for machines, with the worst exit code', async () => {
    const dir = await fourBriefs();
    const result = await spawnCli(['run', 'briefs/alpha.yaml', 'briefs/delta.yaml', '--out', 'out', '--no-store', '--json', '-q'], { cwd: dir });
    expect(result.code).toBe(65);
    const summary = JSON.parse(result.stdout);
    expect(summary.exitCode).toBe(65);
    expect(summary.briefs.map((b: { brief: string; code: number }) => [b.brief, b.code])).toEqual([
      ['briefs/alpha.yaml', 0],
      ['briefs/delta.yaml', 65],
    ]);
  });

  it('on a non-terminal, progress is plain lines with no control sequences', async () => {
    const dir = await fourBriefs();
    const result = await spawnCli(['run', 'briefs/alpha.yaml', '--out', 'out', '--no-store'], { cwd: dir });
    expect(result.stderr).toMatch(/^alpha\.yaml: started$/m);
    expect(result.stderr + result.stdout).not.toMatch(/\u001b\[/);
  });

  it('on a pseudo-terminal, a live display redraws each brief (script from util-linux)', async () => {
    const dir = await fourBriefs();
    const command = `${process.execPath} ${join(repoRoot, 'dist', 'brief.js')} run briefs/alpha.yaml briefs/bravo.yaml --out out --no-store`;
    const output = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    expect(output).toMatch(/\u001b\[2K(alpha|bravo)\.yaml: (running|sources|analysis|rendering)/);
    expect(output).toMatch(/\u001b\[2Kalpha\.yaml: \u001b\[32mdone/);
    const plain = execFileSync('script', ['-qec', command.replace('--out out', '--out out2'), '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(plain).not.toMatch(/\u001b\[3\dm/);
  });
});

describe('brief init', () => {
  it('makes a workspace in an empty folder where brief generate works with no other setup', async () => {
    const dir = await tempDir();
    const path = `${dirname(process.execPath)}:/usr/bin:/bin`;
    const init = await spawnCli(['init', 'desk'], { cwd: dir, env: { PATH: path } });
    expect(init.code, init.stderr).toBe(0);
    const workspace = join(dir, 'desk');
    expect((await readdir(workspace)).sort()).toEqual(['.gitignore', 'README.md', 'briefs', 'corpus', 'templates']);
    // The next step it prints works as printed (brief is not on this PATH, so it names the script).
    const next = /^next: (.*)$/m.exec(init.stdout)?.[1];
    expect(next).toBe(`cd desk && node ${join(repoRoot, 'dist', 'brief.js')} generate briefs/weekly.yaml`);
    execFileSync('sh', ['-c', `${next} -q`], { cwd: dir, env: { ...process.env, PATH: path } });
    expect(await readdir(join(workspace, 'output', 'weekly', '2026-W04'))).toEqual(expect.arrayContaining(['weekly-2026-W04.pdf', 'weekly-2026-W04.md', 'manifest.json']));
    const again = await spawnCli(['init', 'desk'], { cwd: dir });
    expect(again.code).toBe(73);
  });

  it('names brief in the next step only when brief on the PATH is this install, never npx (which would fetch an unrelated package)', async () => {
    const dir = await tempDir();
    const [ours, other] = [join(dir, 'ours'), join(dir, 'other')];
    await mkdir(ours);
    await mkdir(other);
    await symlink(join(repoRoot, 'dist', 'brief.js'), join(ours, 'brief'));
    await writeFile(join(other, 'brief'), '#!/bin/sh\necho another brief\n', { mode: 0o755 });
    const nextWith = async (path: string, name: string) => /^next: (.*)$/m.exec((await spawnCli(['init', name], { cwd: dir, env: { PATH: path } })).stdout)?.[1];
    expect(await nextWith(`${other}:${ours}`, 'a')).toBe('cd a && brief generate briefs/weekly.yaml');
    expect(await nextWith(other, 'b')).toBe(`cd b && node ${join(repoRoot, 'dist', 'brief.js')} generate briefs/weekly.yaml`);
    expect(await readFile(join(dir, 'a', 'README.md'), 'utf8')).not.toMatch(/^npx /m);
  });
});

describe('brief doctor and brief completion', () => {
  it('doctor reports each check and exits 0 when all pass', async () => {
    const result = await spawnCli(['doctor', '--brief', join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), '--no-store'], { env: { BRIEF_SMTP_URL: '', BRIEF_SMTP_HOST: '' } });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^ok {4}Node\.js: Node \d+/m);
    expect(result.stdout).toMatch(/^ok {4}templates: weekly, one-pager, memo: lint clean$/m);
    expect(result.stdout).toMatch(/^all checks passed$/m);
    expect(result.stdout).toMatch(/^ok {4}cache: .*: (empty|((\d+ font face\(s\) shaped|\d+ font subset\(s\)|compiled code for [a-z, ]+|parsed YAML|compiled templates|\d+ brief analys[ie]s), \d+\.\d MiB(; |$))+)$/m);
  });

  it('doctor says where the cache is, what it holds, and when it cannot be written (still not a failure)', async () => {
    const dir = await tempDir();
    const blocker = join(dir, 'file');
    await writeFile(blocker, '');
    const blocked = await spawnCli(['doctor', '--no-store'], { env: { BRIEF_SMTP_URL: '', BRIEF_SMTP_HOST: '', BRIEF_CACHE_DIR: join(blocker, 'cache') } });
    expect(blocked.code, blocked.stdout).toBe(0);
    expect(blocked.stdout).toMatch(/^ok {4}cache: .*file\/cache cannot be written; PDFs are the same without it/m);
    const off = await spawnCli(['doctor', '--no-store'], { env: { BRIEF_SMTP_URL: '', BRIEF_SMTP_HOST: '', BRIEF_CACHE_DIR: 'off' } });
    expect(off.stdout).toMatch(/^ok {4}cache: off \(BRIEF_CACHE_DIR=off\)/m);
    const fresh = await spawnCli(['doctor', '--no-store'], { env: { BRIEF_SMTP_URL: '', BRIEF_SMTP_HOST: '', BRIEF_CACHE_DIR: join(dir, 'new', 'cache') } });
    // Empty but for what the doctor itself read: the templates' themes (YAML), the templates it linted clean.
    expect(fresh.stdout).toMatch(/^ok {4}cache: .*new\/cache: (empty|parsed YAML, \d+\.\d MiB(; compiled templates, \d+\.\d MiB)?)$/m);
    // After a brief: its font faces and their subsets, the compiled code of the commands that succeeded, its YAML, its template, its analysis.
    const used = join(dir, 'used');
    const generated = await spawnCli(['generate', join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), '--no-store', '--out', join(dir, 'out'), '-q'], { env: { BRIEF_CACHE_DIR: used } });
    expect(generated.code, generated.stderr).toBe(0);
    const described = await spawnCli(['doctor', '--no-store'], { env: { BRIEF_SMTP_URL: '', BRIEF_SMTP_HOST: '', BRIEF_CACHE_DIR: used } });
    expect(described.stdout).toMatch(/^ok {4}cache: .*used: ([3-9]) font face\(s\) shaped, \d+\.\d MiB; \1 font subset\(s\), \d+\.\d MiB; compiled code for generate, \d+\.\d MiB; parsed YAML, \d+\.\d MiB; compiled templates, \d+\.\d MiB; 1 brief analysis, \d+\.\d MiB$/m);
  });

  it('doctor names what is wrong and how to fix it (exit 78)', async () => {
    const result = await spawnCli(['doctor', '--no-store'], { env: { BRIEF_SMTP_URL: 'http://wrong', BRIEF_SMTP_FROM: 'desk@example.org' } });
    expect(result.code).toBe(78);
    expect(result.stdout).toMatch(/^FAIL {2}SMTP settings: BRIEF_SMTP_URL must start with smtp:\/\/ or smtps:\/\/ .*\(fix: set BRIEF_SMTP_URL/m);
  });

  it('completion prints a shell completion script', async () => {
    const result = await spawnCli(['completion']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('###-begin-brief-completions-###');
  });
});
