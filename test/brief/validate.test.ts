import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefJsonSchema } from '../../src/brief/schema.js';
import { loadBrief } from '../../src/brief/load-brief.js';
import { BriefError } from '../../src/errors.js';
import { repoRoot, runCli, sampleBrief, spawnCli, tempDir } from '../helpers.js';

const threeMistakes = `id: broken-brief
title: Broken
period: {week: 2026-W60}
sources:
  - path: corpus
topics:
  - security-guarantees
  - spain-politcs
limts: {developments: 3}
`;

describe('brief validate', () => {
  it('reports all three mistakes with file:line:col and exits 65', async () => {
    const dir = await tempDir();
    const file = join(dir, 'broken.yaml');
    await writeFile(file, threeMistakes);
    const result = await spawnCli(['validate', file]);
    expect(result.code).toBe(65);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error['))).toEqual([
      `error[brief]: ${file}:3:16: period.week: "2026-W60" is not an ISO week (expected like 2026-W04)`,
      `error[brief]: ${file}:8:5: topics.1: unknown topic "spain-politcs" (did you mean "spain-politics"?)`,
      `error[brief]: ${file}:9:1: unknown key "limts" (did you mean "limits"?)`,
    ]);
    expect(result.stderr).toMatch(/^hint: the brief has 3 problems/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('says where a setting lives when a key is a word for it, not a typo', async () => {
    const dir = await tempDir();
    const file = join(dir, 'b.yaml');
    await writeFile(file, `id: b\ntitle: B\nsources: [{path: x}]\ntopics: [russia-china]\nrecipients: [desk@example.org]\nto: [chief@example.org]\nfeeds: [https://example.org/rss.xml]\n`);
    const error = await loadBrief(file).catch((e: unknown) => e);
    expect((error as BriefError).problems.map(({ line, message }) => [line, message])).toEqual([
      [5, 'unknown key "recipients" (the distribution list is email: { to: [...] })'],
      // Not "did you mean "id"?": two letters from "to".
      [6, 'unknown key "to" (the distribution list is email: { to: [...] })'],
      [7, 'unknown key "feeds" (a feed is a source: sources: [{ feed: <url> }])'],
    ]);
  });

  it('accepts the sample brief (exit 0)', async () => {
    const result = await runCli(['validate', sampleBrief]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`ok ${sampleBrief}: 5 topics, period 2026-W04, template weekly`);
  });

  it('rejects a likelihood word outside the ICD 203 scale, naming the allowed ones', async () => {
    const dir = await tempDir();
    const file = join(dir, 'b.yaml');
    await writeFile(file, `id: b\ntitle: B\nsources: [{path: x}]\ntopics: [russia-china]\nanalyst:\n  judgments:\n    - {text: Talks resume, likelihood: probable, confidence: high}\n`);
    const error = await loadBrief(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefError);
    expect((error as BriefError).problems[0]).toMatchObject({ line: 7, message: expect.stringContaining('likelihood must be one of: almost no chance, very unlikely') });
  });

  it('a missing brief file is exit 66', async () => {
    const result = await runCli(['validate', join(repoRoot, 'briefs', 'nope.yaml')]);
    expect(result.code).toBe(66);
    expect(result.stderr).toMatch(/^error\[brief-missing\]: .*nope\.yaml: brief file not found$/m);
  });
});

describe('briefs/brief.schema.json', () => {
  it('is the JSON Schema generated from the code schema (run `npm run schema` after changing it)', async () => {
    const pinned = JSON.parse(await readFile(join(repoRoot, 'briefs', 'brief.schema.json'), 'utf8'));
    expect(pinned).toEqual(buildBriefJsonSchema());
  });

  it('is what the sample brief points editors at on its first line', async () => {
    const first = (await readFile(sampleBrief, 'utf8')).split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=./brief.schema.json');
  });
});
