import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveSeeds, repoRoot, runCli, seedsFactsFile, tempDir } from '../helpers.js';

function rows(stdout: string): Record<string, { recall: number; leaked: number }> {
  return Object.fromEntries(
    [...stdout.matchAll(/^\| ([a-z-]+) \| (\d+)\/(\d+) \(\d+%\) \| (\d+) \|$/gm)].map((m) => [m[1]!, { recall: Number(m[2]) / Number(m[3]), leaked: Number(m[4]) }]),
  );
}

describe('brief eval', () => {
  it.skipIf(!haveSeeds)('the seeds: recall >= 90% in every topic, zero leakage, 100% provenance', async () => {
    const result = await runCli(['eval', join(repoRoot, 'eval', 'seeds.yaml'), '--facts', seedsFactsFile, '--no-store']);
    expect(result.stdout).toMatch(/^provenance: (\d+)\/\1 statements/m);
    // Every statement that leans on the sentence before it follows it (the seeds have several).
    expect(result.stdout).toMatch(/^context: ([1-9]\d*)\/\1 statements that lean/m);
    for (const [topic, score] of Object.entries(rows(result.stdout))) {
      expect(score.recall, topic).toBeGreaterThanOrEqual(0.9);
      expect(score.leaked, topic).toBe(0);
    }
    expect(Object.keys(rows(result.stdout))).toEqual(['security-guarantees', 'spain-politics', 'russia-china']);
    expect(result.code, result.stdout).toBe(0);
  });

  it('the sample corpus: the same thresholds against its own facts file', async () => {
    const result = await runCli(['eval', join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), '--facts', join(repoRoot, 'eval', 'ukraine-weekly-facts.yaml'), '--no-store']);
    expect(result.code, result.stdout).toBe(0);
    expect(Object.keys(rows(result.stdout))).toHaveLength(5);
    expect(result.stdout).toMatch(/^provenance: (\d+)\/\1 statements/m);
    expect(result.stdout).toMatch(/^context: ([1-9]\d*)\/\1 statements that lean/m);
  });

  it('fails (exit 1) and names what is missing when the recall bar is not met', async () => {
    const result = await runCli(['eval', join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), '--facts', join(repoRoot, 'eval', 'ukraine-weekly-facts.yaml'), '--no-store', '--week', '2026-W03']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^missing  security-guarantees sg-01: /m);
  });
});

describe('generate --explain', () => {
  it('prints the rank parts of each development and the best passages left out', async () => {
    const result = await runCli(['generate', join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), '--explain', '--no-store', '--out', await tempDir(), '-q']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^## russia-china: Russia–China ties \(\d+ passages assigned; developments in reading order\)$/m);
    expect(result.stdout).toMatch(/^ 1\. strength \d+\.\d+ = relevance \d+\.\d+.* × \d+\.\d{3} sources \(\d+\) × \d+\.\d{3} specificity/m);
    expect(result.stdout).toMatch(/^ {4}- score \d+\.\d+(, strength \d+\.\d+)?: (went to|below the threshold|ranked below|outranks|matches terms)/m);
  });
});
