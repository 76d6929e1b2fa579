import { isDeepStrictEqual } from 'node:util';
import type { Article } from '../sources/article.js';
import type { EntityCatalog, Topic } from '../topics/topic.js';
import { assignPassages, type ScoredPassage } from './assign-passages.js';
import type { TopicMatchers } from './match-topic.js';
import { buildPassages, type NotAReport } from './passages.js';
import { tokenizeBoth } from './tokenize.js';

/** Articles read between two looks at an analysis's abort signal. */
const ARTICLES_PER_LOOK = 32;

/**
 * What a run's analyses have read of each article: its passages, scored for every topic in context
 * (buildPassages, assignPassages), a function of the article and the topics alone. A run that
 * analyses twice reads an article it read before only once: over a large store, the first
 * analysis starts before the background scan has found the week's new article, stops once it has
 * (pipeline.ts's analyzeAhead), and the second reads only the new article and those the first did
 * not reach. An article is the one read before when it has the same id and is equal field by
 * field. The readings are for one analysis's topics, competitors and catalog: bound to the first
 * that uses them, they are never given to another.
 */
export class ArticleReadings {
  private bound: { topics: readonly Topic[]; competitors: readonly Topic[] | undefined; catalog: EntityCatalog } | undefined;
  private readonly read = new Map<string, { article: Article; scored: readonly ScoredPassage[] }>();

  /** These readings, for an analysis of `topics` beside `competitors` with `catalog` (the same objects as the first's), else none. */
  for(topics: readonly Topic[], competitors: readonly Topic[] | undefined, catalog: EntityCatalog): ArticleReadings | undefined {
    this.bound ??= { topics, competitors, catalog };
    const { bound } = this;
    return bound.topics === topics && bound.competitors === competitors && bound.catalog === catalog ? this : undefined;
  }

  get(article: Article): readonly ScoredPassage[] | undefined {
    const read = this.read.get(article.id);
    return read && (read.article === article || isDeepStrictEqual(read.article, article)) ? read.scored : undefined;
  }

  set(article: Article, scored: readonly ScoredPassage[]): void {
    this.read.set(article.id, { article, scored });
  }
}

/**
 * The articles' passages, in reading order, each scored for every topic and given to its best
 * (assignPassages): those of an article already read taken from `readings`, the others read and
 * kept there. `stop` is called between articles, so an analysis stopped keeps what it has read.
 * Passages left out are listed in `notReports` when it is given (then nothing is taken from the
 * readings, which keep no such list).
 */
export function readArticles(
  articles: readonly Article[],
  matchers: TopicMatchers,
  options: { readings?: ArticleReadings | undefined; notReports?: NotAReport[] | undefined; stop: () => void },
): ScoredPassage[] {
  const { notReports, stop } = options;
  const readings = notReports ? undefined : options.readings;
  const scored: ScoredPassage[] = [];
  articles.forEach((article, index) => {
    if (index % ARTICLES_PER_LOOK === 0) stop();
    let read = readings?.get(article);
    if (!read) {
      read = assignPassages(buildPassages([article], notReports), matchers, tokenizeBoth(article.title));
      readings?.set(article, read);
    }
    for (const s of read) scored.push(s);
  });
  return scored;
}
