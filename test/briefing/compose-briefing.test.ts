import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTopics } from '../../src/analysis/analyze-topics.js';
import type { Brief } from '../../src/brief/brief.js';
import { composeBriefing } from '../../src/briefing/compose-briefing.js';
import { resolvePeriod } from '../../src/period/period.js';
import type { Article } from '../../src/sources/article.js';
import { readMarkdownArticle } from '../../src/sources/read-markdown.js';
import { loadEntityCatalog, loadTopicLibrary } from '../../src/topics/load-topics.js';
import { repoRoot } from '../helpers.js';

const library = await loadTopicLibrary([join(repoRoot, 'briefs', 'topics')]);
const catalog = await loadEntityCatalog(join(repoRoot, 'briefs', 'entities.yaml'));
const period = resolvePeriod({ week: '2026-W04' }, new Date(0));
const brief = { id: 'test', title: 'Test', subtitle: '', organization: '', audience: '', classification: '', analyst: {} } as Brief;

async function sameEvent(name: string): Promise<Article> {
  const fields = readMarkdownArticle(await readFile(join(repoRoot, 'test', 'fixtures', 'analysis', 'same-event', name), 'utf8'), name);
  return { ...fields, id: name.replace('.md', ''), file: name, publisher: fields.publisher!, published: fields.published! };
}

describe('citations', () => {
  it('cite one article per outlet for an item: the one it quotes, then the first of each other outlet', async () => {
    const nordic = await sameEvent('nordic-wire.md');
    // The same outlet's follow-up repeats the news: it corroborates nothing the first did not.
    const followUp: Article = { ...nordic, id: 'nordic-wire-update', file: 'nordic-wire-update.md', title: 'Finnish air defence package: what we know', paragraphs: [nordic.paragraphs[0]!, 'Officials declined to name the systems in the package.'] };
    const articles = [nordic, followUp, await sameEvent('baltic-wire.md'), await sameEvent('continental-desk.md')];
    const analysis = analyzeTopics(articles, [library.get('battlefield-technology')!.topic], catalog, { period, limits: { developments: 10, quotes: 3 } });
    const development = analysis.topics[0]!.developments.find((d) => /air defence package|air defence aid/.test(d.text))!;
    expect(development.articleIds).toHaveLength(4);

    const view = composeBriefing(brief, period, articles, analysis);
    const cited = view.topics[0]!.developments.find((d) => d.text === development.text)!.sources;
    expect(cited.map((source) => source.publisher).sort()).toEqual(['Baltic Wire', 'Continental Desk', 'Nordic Wire']);
    expect(cited[0]!.id).toBe(development.articleIds[0]);
    expect(cited.filter((source) => source.publisher === 'Nordic Wire').map((source) => source.id)).toEqual([development.articleIds.find((id) => id.startsWith('nordic-wire'))]);
  });
});

describe('syndicated copies', () => {
  const vote = "Spain's minority government lost a vote on its 2026 budget in the Congress of Deputies on Tuesday, after Junts, the Catalan separatist party, voted with the opposition.";
  const count = 'The bill fell by 178 votes to 171, the third defeat of a budget for the Spanish government of Pedro Sánchez.';
  const debt = "Spain's public debt stood at 101.8% of GDP at the end of 2025, the Bank of Spain said, as the Catalan parties and the opposition blocked the budget.";
  const wire: Article = { id: 'wire', file: 'wire.md', url: '', author: '', title: 'Spanish budget defeated', publisher: 'Atlantic Daily', published: '2026-01-21', paragraphs: [vote, count] };
  const spain = [library.get('spain-politics')!.topic];
  const cited = (articles: Article[]) => {
    const view = composeBriefing(brief, period, articles, analyzeTopics(articles, spain, catalog, { period, limits: { developments: 10, quotes: 3 } }));
    const { developments, figures } = view.topics[0]!;
    // Each development by its text, each figure by its value.
    return Object.fromEntries([...developments.map((d) => [d.text, d.sources] as const), ...figures.map((f) => [f.value, f.sources] as const)].map(([key, sources]) => [key, sources.map((source) => source.publisher)]));
  };

  it("are cited where they printed the original's words, and what a copy adds is its own, cited to it alone", () => {
    // The paper runs the wire story under its dateline and adds a paragraph of its own.
    const paper: Article = { id: 'paper', file: 'paper.md', url: '', author: '', title: 'Budget fails again', publisher: 'Iberia Post', published: '2026-01-21', syndicatedFrom: 'wire', paragraphs: [`MADRID, Jan 21 (Iberia Post) - ${vote}`, count, debt] };
    expect(cited([wire, paper])).toMatchObject({ [vote]: ['Atlantic Daily', 'Iberia Post'], [count]: ['Atlantic Daily', 'Iberia Post'], [debt]: ['Iberia Post'], '101.8%': ['Iberia Post'] });
  });

  it('are not cited for what they left out', () => {
    // The wire story is the longer one: the paper ran its first paragraph alone.
    const long: Article = { ...wire, paragraphs: [vote, count, debt] };
    const paper: Article = { id: 'paper', file: 'paper.md', url: '', author: '', title: 'Budget fails again', publisher: 'Iberia Post', published: '2026-01-22', syndicatedFrom: 'wire', paragraphs: [vote] };
    expect(cited([long, paper])).toMatchObject({ [vote]: ['Atlantic Daily', 'Iberia Post'], [count]: ['Atlantic Daily'], [debt]: ['Atlantic Daily'], '101.8%': ['Atlantic Daily'] });
  });
});

describe('charts', () => {
  it("count each topic's articles by the day they were published, within the period", async () => {
    const nordic = await sameEvent('nordic-wire.md');
    const on = (id: string, published: string): Article => ({ ...nordic, id, published });
    const articles = [on('a', '2026-01-19'), on('b', '2026-01-19'), on('c', '2026-01-21'), on('d', '2026-01-25'), on('e', '2026-01-26'), on('f', '')];
    const analysis = analyzeTopics(articles, [library.get('battlefield-technology')!.topic], catalog, { period, limits: { developments: 10, quotes: 3 } });
    const topic = analysis.topics[0]!;
    // Every article is about the topic: the counts are by day only (the one a day late, and the undated, in none).
    expect([...topic.articleIds].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const { charts } = composeBriefing(brief, period, articles, analysis);
    expect(charts.days).toEqual(['2026-01-19', '2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23', '2026-01-24', '2026-01-25']);
    expect(charts.activity).toEqual([{ topic: topic.topic.title, counts: [2, 0, 1, 0, 0, 0, 1] }]);
  });
});
