import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, tempDir } from '../helpers.js';

async function workspace(brief: string, files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'brief.yaml'), brief);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

const article = (date: string, text: string) => `---\ntitle: Test article\npublisher: Test Wire\npublished: ${date}\n---\n\n${text}\n`;
const briefYaml = (sources: string) => `id: test-brief\ntitle: Test brief\nperiod: {week: 2026-W04}\nsources:\n  - path: ${sources}\ntopics: [security-guarantees]\n`;

describe('brief generate: problems get a clear message, no stack trace', () => {
  it('a missing source folder is exit 66 with the brief position', async () => {
    const dir = await workspace(briefYaml('nowhere/**/*.md'));
    const result = await spawnCli(['generate', '--no-store', join(dir, 'brief.yaml'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(66);
    expect(result.stderr).toMatch(/^error\[source-missing\]: .*brief\.yaml:5:11: source "nowhere\/\*\*\/\*\.md": no such folder nowhere/m);
    expect(result.stderr).toMatch(/^hint: /m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('an empty period still yields a brief that says so', async () => {
    const dir = await workspace(briefYaml('articles'), { 'articles/old.md': article('2025-06-01', 'Security guarantees were discussed in June by the Coalition of the Willing in Paris.') });
    const result = await spawnCli(['generate', '--no-store', join(dir, 'brief.yaml'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning[empty-period]: no articles in 2026-W04');
    const markdown = await readFile(join(dir, 'out', 'test-brief', '2026-W04', 'test-brief-2026-W04.md'), 'utf8');
    expect(markdown).toContain('No articles in this brief\'s sources were published 19–25 January 2026');
    expect(markdown).toContain('*No developments on this topic were reported in the period.*');
  });

  it('an unreadable article is a warning naming it; the others are used', async () => {
    const dir = await workspace(briefYaml('articles'), {
      'articles/good.md': article('2026-01-20', 'The Coalition of the Willing agreed on Tuesday to draft security guarantees for Ukraine.'),
      'articles/broken.md': '---\ntitle: [unclosed\n---\nText.\n',
      'articles/binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    });
    const result = await spawnCli(['generate', '--no-store', join(dir, 'brief.yaml'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning\[article-unreadable\]: articles\/broken\.md:2:17: skipped: Flow sequence/m);
    expect(result.stderr).toMatch(/^warning\[article-unreadable\]: articles\/binary\.txt: skipped: binary file, not text/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const markdown = await readFile(join(dir, 'out', 'test-brief', '2026-W04', 'test-brief-2026-W04.md'), 'utf8');
    expect(markdown).toContain('draft security guarantees for Ukraine');
  });

  it('an output that differs is kept without --force (exit 73), replaced with it', async () => {
    const dir = await workspace(briefYaml('articles'), { 'articles/a.md': article('2026-01-20', 'The Coalition of the Willing agreed on Tuesday to draft security guarantees for Ukraine.') });
    const args = ['generate', '--no-store', join(dir, 'brief.yaml'), '--out', join(dir, 'out'), '-q'];
    expect((await spawnCli(args)).code).toBe(0);
    const md = join(dir, 'out', 'test-brief', '2026-W04', 'test-brief-2026-W04.md');
    await writeFile(md, 'edited by hand\n');
    const again = await spawnCli(args);
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/^error\[output-exists\]: .*test-brief-2026-W04\.md exists with other content$/m);
    expect(await readFile(md, 'utf8')).toBe('edited by hand\n');
    expect((await spawnCli([...args, '--force'])).code).toBe(0);
    expect(await readFile(md, 'utf8')).toContain('# Test brief');
    expect((await readdir(join(dir, 'out', 'test-brief', '2026-W04'))).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('a rerun with identical output reports the files unchanged (exit 0)', async () => {
    const dir = await workspace(briefYaml('articles'), { 'articles/a.md': article('2026-01-20', 'The Coalition of the Willing agreed on Tuesday to draft security guarantees for Ukraine.') });
    const args = ['generate', '--no-store', join(dir, 'brief.yaml'), '--out', join(dir, 'out'), '-q'];
    await spawnCli(args);
    const again = await spawnCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged .*test-brief-2026-W04\.pdf$/m);
  });
});
