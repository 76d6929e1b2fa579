import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnCli, tempDir } from '../helpers.js';

/** The sample brief (Markdown and JSON: the PDF adds nothing here) and its corpus, copied, so the test can edit them. */
async function copySample(): Promise<{ brief: string; corpus: string }> {
  const dir = await tempDir();
  await cp(join(repoRoot, 'corpus'), join(dir, 'corpus'), { recursive: true });
  const brief = join(dir, 'briefs', 'ukraine-weekly.yaml');
  await cp(join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), brief);
  await writeFile(brief, (await readFile(brief, 'utf8')).replace('formats: [md, pdf, json]', 'formats: [md, json]'));
  return { brief, corpus: join(dir, 'corpus') };
}

const outputs = async (out: string) => Promise.all(['md', 'json'].map((ext) => readFile(join(out, 'ukraine-weekly', '2026-W04', `ukraine-weekly-2026-W04.${ext}`))));
const kept = /^analysis: \d+ developments across 5 topics \(kept from an earlier run of the same articles, topics and code\)$/m;

describe('brief generate keeps its analysis between runs (src/memoize-analysis.ts)', () => {
  it('reuses it after an edit the analysis does not read, analyses again after one it does, and writes what a run without the cache writes', async () => {
    const { brief, corpus } = await copySample();
    const cache = await tempDir();
    const generate = async (env: Record<string, string>) => {
      const out = await tempDir();
      const result = await spawnCli(['generate', brief, '--no-store', '--out', out], { env });
      expect(result.code, result.stderr).toBe(0);
      return { stderr: result.stderr, files: await outputs(out) };
    };
    const withCache = () => generate({ BRIEF_CACHE_DIR: cache });
    const without = () => generate({ BRIEF_CACHE_DIR: 'off' });

    const first = await withCache();
    expect(first.stderr).toMatch(/^analysis: \d+ developments across 5 topics$/m);
    expect(first.files).toEqual((await without()).files);

    // The analyst rewrites the bottom line: the same articles and topics, the same analysis.
    await writeFile(brief, (await readFile(brief, 'utf8')).replace('Kyiv says the US guarantees text is finished', 'Kyiv calls the US guarantees text finished'));
    const edited = await withCache();
    expect(edited.stderr).toMatch(kept);
    expect(edited.files[0]!.toString()).toContain('Kyiv calls the US guarantees text finished');
    expect(edited.files).toEqual((await without()).files);

    // An article of the week changes: analysed again, and the brief says what the article now says.
    const article = join(corpus, '2026-W04', 'ukrenergo-imports.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('record volumes of electricity', 'unprecedented volumes of electricity'));
    const changed = await withCache();
    expect(changed.stderr).not.toMatch(kept);
    expect(changed.files[0]!.toString()).toContain('unprecedented volumes of electricity');
    expect(changed.files).toEqual((await without()).files);
    expect((await withCache()).stderr).toMatch(kept);
  });
});
