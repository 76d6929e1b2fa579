import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTopics } from '../../src/analysis/analyze-topics.js';
import { inTimeOrder } from '../../src/analysis/live-blog.js';
import { resolvePeriod } from '../../src/period/period.js';
import type { Article } from '../../src/sources/article.js';
import { loadEntityCatalog, loadTopicLibrary } from '../../src/topics/load-topics.js';
import { repoRoot } from '../helpers.js';

const blog = (paragraphs: string[]): Article => ({ id: 'live', title: 'Ukraine war live', publisher: 'Harbour Post', url: '', published: '2026-01-21', author: '', paragraphs, file: 'live.md' });

describe('a live blog written newest first', () => {
  const claim = "Russia's defence ministry said its troops had captured the village of Udachne, about 10km south-west of Pokrovsk.";
  const denial = "Ukraine's general staff rejected the claim, saying its forces were still holding positions on the village's western edge.";
  const power = 'Ukrenergo said emergency power cuts were in place in Kyiv after drones hit two substations overnight.';
  const newestFirst = ['Key points', '14.05 GMT', "That's all from us today.", '09.55 GMT', denial, '09.30 GMT', claim, '08.15 GMT', power, 'More to follow.'];

  it('is read oldest entry first, each entry whole, what comes before the first stamp kept first', () => {
    expect(inTimeOrder(blog(newestFirst)).paragraphs).toEqual(['Key points', '08.15 GMT', power, 'More to follow.', '09.30 GMT', claim, '09.55 GMT', denial, '14.05 GMT', "That's all from us today."]);
    // Stamps that open their entries, in any of the forms outlets write.
    const inline = [`9.55am – ${denial}`, `9.30am: ${claim}`, `8:15 – ${power}`];
    expect(inTimeOrder(blog(inline)).paragraphs).toEqual([...inline].reverse());
    // Past midnight: 01.10, 00.40, 23.50, 23.10.
    const late = ['01.10 BST', 'More to follow.', '00.40 BST', power, '23.50 BST', claim, '23.10 BST', denial];
    expect(inTimeOrder(blog(late)).paragraphs).toEqual(['23.10 BST', denial, '23.50 BST', claim, '00.40 BST', power, '01.10 BST', 'More to follow.']);
  });

  it('is left as it is when written oldest first, or with fewer than three stamps, or when a figure only looks like one', () => {
    for (const paragraphs of [
      ['08.15 GMT', power, '09.30 GMT', claim, '09.55 GMT', denial],
      ['09.55 GMT', denial, '09.30 GMT', claim],
      ['10.50 euros a litre is what diesel cost in Kyiv on Monday.', '9.30 per cent of the grid was down.', '8.15 million people had power.'],
    ]) {
      const article = blog(paragraphs);
      expect(inTimeOrder(article)).toBe(article);
    }
  });

  it('gives developments in the order they happened: the denial after the claim', async () => {
    const library = await loadTopicLibrary([join(repoRoot, 'briefs', 'topics')]);
    const catalog = await loadEntityCatalog(join(repoRoot, 'briefs', 'entities.yaml'));
    const analysis = analyzeTopics([blog(newestFirst)], [library.get('front-line')!.topic], catalog, {
      period: resolvePeriod({ week: '2026-W04' }, new Date(0)),
      limits: { developments: 10, quotes: 3 },
      competitors: [...library.values()].map((e) => e.topic),
    });
    expect(analysis.topics[0]!.developments.map((d) => d.text)).toEqual([claim, denial]);
  });
});
