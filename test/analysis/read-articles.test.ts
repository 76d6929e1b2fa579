import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS module shared with the benchmarks
import { syntheticArticles } from '../../bench/synthetic-corpus.js';
import { analyzeTopics, type AnalyzeOptions } from '../../src/analysis/analyze-topics.js';
import { buildTopicMatcher, indexMatchers } from '../../src/analysis/match-topic.js';
import { ArticleReadings, readArticles } from '../../src/analysis/read-articles.js';
import { resolvePeriod } from '../../src/period/period.js';
import type { Article } from '../../src/sources/article.js';
import { loadEntityCatalog, loadTopicLibrary } from '../../src/topics/load-topics.js';
import { repoRoot } from '../helpers.js';

const library = [...(await loadTopicLibrary([join(repoRoot, 'briefs', 'topics')])).values()].map((entry) => entry.topic);
const catalog = await loadEntityCatalog(join(repoRoot, 'briefs', 'entities.yaml'));
const topics = library.filter((topic) => ['security-guarantees', 'spain-politics', 'russia-china', 'energy-infrastructure'].includes(topic.id));
const options: AnalyzeOptions = { period: resolvePeriod({ week: '2026-W04' }, new Date(0)), limits: { developments: 8, quotes: 3 }, competitors: library };

/**
 * A week of 200 articles (one with a sentence in the writer's own voice), and the same week as
 * read before the scan found its changes: article 120 edited (now about the grid), article 121 not
 * yet there.
 */
function weekAndEarlier(): { week: Article[]; earlier: Article[] } {
  const week = syntheticArticles(repoRoot, 200);
  week[3] = { ...week[3]!, paragraphs: [...week[3]!.paragraphs, 'We spoke to residents of the town, who said the lights went out twice this week.'] };
  week[120] = { ...week[120]!, paragraphs: ['Repair crews restored power to the substation near Kharkiv after a drone strike on the grid, the energy ministry said on Wednesday.', ...week[120]!.paragraphs] };
  const earlier = [...week.slice(0, 120), { ...week[120]!, paragraphs: week[120]!.paragraphs.slice(1) }, ...week.slice(122)];
  return { week, earlier };
}

/** A signal aborted at its `n`th look. */
function abortedAt(n: number): { readonly aborted: boolean } {
  let looks = 0;
  return {
    get aborted() {
      looks += 1;
      return looks >= n;
    },
  };
}

describe('what a run’s analyses read of each article (ArticleReadings)', () => {
  it('leaves the analysis as it is made without them, after an earlier analysis of the week as it was, stopped partway', () => {
    const { week, earlier } = weekAndEarlier();
    const readings = new ArticleReadings();
    expect(() => analyzeTopics(earlier, topics, catalog, { ...options, readings, signal: abortedAt(5) })).toThrow(/out of date/);
    // The stopped analysis kept what it had read (its fifth look was before article 96), and read no further.
    expect(readings.get(earlier[95]!)).toBeDefined();
    expect(readings.get(earlier[96]!)).toBeUndefined();
    expect(analyzeTopics(week, topics, catalog, { ...options, readings })).toEqual(analyzeTopics(week, topics, catalog, options));
  });

  it('reads an article again when it is not the one read before (same id, another field), and keeps what it read', () => {
    const { week, earlier } = weekAndEarlier();
    const matchers = indexMatchers([...topics, ...library].map((topic) => buildTopicMatcher(topic, catalog)));
    const readings = new ArticleReadings();
    let looks = 0;
    const first = readArticles(earlier, matchers, { readings, stop: () => void (looks += 1) });
    expect(looks).toBe(Math.ceil(earlier.length / 32));
    expect(readings.get(week[120]!)).toBeUndefined();
    expect(readings.get({ ...week[7]!, title: 'Another headline' })).toBeUndefined();
    // An equal copy (as a second read of the store gives) is the article read before: its passages are the same objects.
    const again = readArticles(week.map((article) => structuredClone(article)), matchers, { readings, stop: () => {} });
    expect(again.find((s) => s.passage.articleId === week[7]!.id)).toBe(first.find((s) => s.passage.articleId === week[7]!.id));
    expect(again.some((s) => /substation near Kharkiv/.test(s.passage.text))).toBe(true);
    expect(again).toEqual(readArticles(week, matchers, { stop: () => {} }));
  });

  it('are for the topics, competitors and catalog of the first analysis that uses them, and never list passages left out', () => {
    const { week } = weekAndEarlier();
    const readings = new ArticleReadings();
    analyzeTopics(week, topics, catalog, { ...options, readings });
    const fewer = topics.slice(1);
    expect(analyzeTopics(week, fewer, catalog, { ...options, readings })).toEqual(analyzeTopics(week, fewer, catalog, options));
    const alone = { ...options, competitors: [] };
    expect(analyzeTopics(week, topics, catalog, { ...alone, readings })).toEqual(analyzeTopics(week, topics, catalog, alone));
    // --explain lists what is not a report, which the readings do not keep: it reads every article.
    const explained = analyzeTopics(week, topics, catalog, { ...options, readings, explain: true });
    expect(explained.notReports.length).toBeGreaterThan(0);
    expect(explained).toEqual(analyzeTopics(week, topics, catalog, { ...options, explain: true }));
  });
});
