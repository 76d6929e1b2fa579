import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CollectOptions } from '../src/sources/collect-sources.js';
import { generateBrief } from '../src/pipeline.js';
import { sampleBrief, tempDir } from './helpers.js';

// The collect stage, as the pipeline calls it: the real one, with the options it was given kept.
const seen = vi.hoisted(() => [] as CollectOptions[]);
vi.mock('../src/sources/collect-sources.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/sources/collect-sources.js')>();
  return {
    ...real,
    collectSources: (...args: Parameters<typeof real.collectSources>) => {
      seen.push(args[2]);
      return real.collectSources(...args);
    },
  };
});

describe('the store a brief is generated from', () => {
  it('is not full-text indexed when it is thrown away (--no-store), and is when it is kept', async () => {
    const dir = await tempDir();
    const generate = (store: string) => generateBrief({ briefFile: sampleBrief, now: new Date('2026-01-26T09:00:00Z'), outDir: join(dir, 'out'), store, write: false });
    const throwaway = await generate(':memory:');
    const kept = await generate(join(dir, 'corpus.db'));
    expect(seen.map((options) => options.fullText)).toEqual([false, undefined]);
    // The same brief either way.
    expect(throwaway.markdown).toBe(kept.markdown);
    expect(throwaway.articles.length).toBeGreaterThan(10);
  });
});
