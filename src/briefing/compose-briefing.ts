import type { Brief } from '../brief/brief.js';
import type { TopicAnalysis } from '../analysis/analyze-topics.js';
import type { Period } from '../period/period.js';
import type { Article } from '../sources/article.js';
import type { SourceView, ViewModel } from './view-model.js';

const monthFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "19–25 January 2026", "26 January – 1 February 2026", "January 2026". */
export function formatPeriodText(period: Period): string {
  const from = new Date(`${period.from}T00:00:00Z`);
  const to = new Date(`${period.to}T00:00:00Z`);
  if (period.kind === 'month') return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(from);
  if (period.from === period.to) return monthFormat.format(from);
  return monthFormat.formatRange(from, to);
}

/**
 * Builds the complete, sorted view model from the analysis: sources numbered in order of
 * first citation, every field filled, analyst text kept apart from sourced statements.
 */
export function composeBriefing(brief: Brief, period: Period, articles: readonly Article[], analyses: readonly TopicAnalysis[]): ViewModel {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const cited = new Map<string, SourceView>();
  const cite = (id: string): SourceView => {
    let view = cited.get(id);
    if (!view) {
      const article = byId.get(id)!;
      view = { ref: cited.size + 1, id, title: article.title, publisher: article.publisher, url: article.url, published: article.published, file: article.file };
      cited.set(id, view);
    }
    return view;
  };
  const topics = analyses.map(({ topic, developments }) => ({
    id: topic.id,
    title: topic.title,
    description: topic.description,
    note: brief.analyst.notes?.[topic.id] ?? '',
    developments: developments.map((development) => ({
      headline: development.headline,
      text: development.text,
      sources: development.articleIds.map(cite),
    })),
  }));
  return {
    schemaVersion: 1,
    brief: { id: brief.id, title: brief.title, subtitle: brief.subtitle, organization: brief.organization, classification: brief.classification },
    period: { kind: period.kind, label: period.label, from: period.from, to: period.to, text: formatPeriodText(period) },
    analyst: { bluf: brief.analyst.bluf ?? '', judgments: brief.analyst.judgments ?? [], watch: brief.analyst.watch ?? [] },
    summary: {
      articles: articles.length,
      publishers: new Set(articles.map((article) => article.publisher)).size,
      topicsWithDevelopments: topics.filter((topic) => topic.developments.length > 0).length,
      citedSources: cited.size,
    },
    topics,
    sources: [...cited.values()],
  };
}
