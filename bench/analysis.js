#!/usr/bin/env node
// Analysis of N synthetic articles (default 1,000) on one core, in-process: median of 5 runs.
// Usage: node bench/analysis.js [count]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTopics } from '../dist/analysis/analyze-topics.js';
import { resolvePeriod } from '../dist/period/period.js';
import { loadEntityCatalog, loadTopicLibrary } from '../dist/topics/load-topics.js';
import { syntheticArticles } from './synthetic-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2]) || 1000;
const articles = syntheticArticles(root, count);
const library = [...(await loadTopicLibrary([join(root, 'briefs', 'topics')])).values()].map((entry) => entry.topic);
const catalog = await loadEntityCatalog(join(root, 'briefs', 'entities.yaml'));
const topics = library.filter((t) => ['security-guarantees', 'spain-politics', 'russia-china', 'energy-infrastructure', 'battlefield-technology'].includes(t.id));
const period = resolvePeriod({ week: '2026-W04' }, new Date(0));

const samples = [];
let developments = 0;
for (let run = 0; run < 5; run++) {
  const started = process.hrtime.bigint();
  const analysis = analyzeTopics(articles, topics, catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: library });
  samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  developments = analysis.topics.reduce((n, t) => n + t.developments.length, 0);
}
samples.sort((a, b) => a - b);
const paragraphs = articles.reduce((n, a) => n + a.paragraphs.length, 0);
console.log(`analysis of ${count} articles (${paragraphs} paragraphs), 5 topics + ${library.length - topics.length} competitors: median ${samples[2].toFixed(0)} ms (min ${samples[0].toFixed(0)}, max ${samples[4].toFixed(0)}); ${developments} developments`);
