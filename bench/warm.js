#!/usr/bin/env node
// The sample brief regenerated in one warm process, as `brief preview --watch` does at each save:
// two renders to warm up, then the median of 12 (all stages, Markdown + PDF + JSON written).
// Usage: node bench/warm.js
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBrief } from '../dist/pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'brief-warm-'));
const render = async () => {
  const started = process.hrtime.bigint();
  await generateBrief({ briefFile: join(root, 'briefs', 'ukraine-weekly.yaml'), now: new Date('2026-01-26T09:00:00Z'), outDir: join(tmp, 'out'), store: join(tmp, 'corpus.db'), force: true });
  return Number(process.hrtime.bigint() - started) / 1e6;
};
for (let i = 0; i < 2; i++) await render();
const samples = [];
for (let i = 0; i < 12; i++) samples.push(await render());
samples.sort((a, b) => a - b);
rmSync(tmp, { recursive: true, force: true });
console.log(`the sample regenerated in a warm process (brief preview --watch, at each save): median ${((samples[5] + samples[6]) / 2).toFixed(0)} ms (min ${samples[0].toFixed(0)}, max ${samples[11].toFixed(0)}) over 12 renders after 2`);
