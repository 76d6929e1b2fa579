import type { Article } from '../sources/article.js';
import type { EntityCatalog, Topic } from '../topics/topic.js';
import { buildTopicMatcher, scorePassage, type TopicMatcher, type TopicScore } from './match-topic.js';
import { buildPassages, type Passage } from './passages.js';
import { specificity } from './specificity.js';
import { contentTokens } from './tokenize.js';

/** A passage needs at least this score for its best topic to be assigned to it. */
export const ASSIGN_THRESHOLD = 2;
/** Sentences sharing this share of content words report the same thing. */
export const SAME_DEVELOPMENT_JACCARD = 0.5;
/** Each further source reporting a development raises its rank by this fraction. */
const CORROBORATION_BONUS = 0.25;
/** Each point of specificity (a figure, a date, a quote, named actors) raises rank by this fraction. */
const SPECIFICITY_BONUS = 0.25;
/**
 * Relevance counts in the rank only up to this score: past it a passage is plainly on topic, and
 * repeating the topic's words does not make it more important than a concrete, dated report.
 */
const RELEVANCE_CAP = 1.5 * ASSIGN_THRESHOLD;

/** One reported development: a verbatim sentence, and every article that reported it. */
export interface Development {
  /** The best passage's sentence, verbatim (whitespace normalised), without its lead-in label. */
  text: string;
  /** A short lead-in: the passage's own label ("Rejection of the Board of Peace") when it has one. */
  headline: string;
  /** Topical relevance of the best passage. */
  score: number;
  /** How concrete the report is (see specificity). */
  specificity: number;
  terms: string[];
  entities: string[];
  /** Articles that reported it; the first is the one `text` is quoted from. */
  articleIds: string[];
}

export interface TopicAnalysis {
  topic: Topic;
  developments: Development[];
  /** Passages assigned to the topic before clustering and the limit. */
  candidates: number;
}

export interface AnalyzeOptions {
  limits: { developments: number };
  /**
   * Other known topics (the rest of the library). A passage whose best topic is one of these
   * is not reported at all, rather than falling to the nearest topic of the brief.
   */
  competitors?: readonly Topic[];
}

interface Scored {
  passage: Passage;
  topicIndex: number;
  score: TopicScore;
}

/** Share of the previous sentence's score a sentence inherits: "the guarantees", "Such an alliance" refer back. */
export const CONTEXT_WEIGHT = 0.5;

/** True when `previous` is the sentence just before `passage` in the same paragraph. */
function isContextOf(previous: Passage | undefined, passage: Passage): previous is Passage {
  return previous !== undefined && previous.articleId === passage.articleId && previous.paragraph === passage.paragraph && previous.sentence === passage.sentence - 1;
}

/**
 * Scores passages in reading order. A passage needs a topic term of its own; its anchor may
 * come from the sentence before it, which also lends it part of its score.
 */
function scoreInContext(passages: readonly Passage[], matchers: readonly TopicMatcher[]): TopicScore[][] {
  const own = passages.map((passage) => matchers.map((matcher) => scorePassage(passage, matcher)));
  return passages.map((passage, i) =>
    own[i]!.map((score, t) => {
      const before = isContextOf(passages[i - 1], passage) ? own[i - 1]![t]! : undefined;
      const contextAnchored = before !== undefined && before.anchored && before.score > 0;
      if (score.score === 0 || score.terms.length === 0 || !(score.anchored || contextAnchored)) return { ...score, score: 0 };
      return { ...score, score: score.score + (before?.anchored ? CONTEXT_WEIGHT * before.score : 0) };
    }),
  );
}

/** The best topic for a passage at or above the threshold, or none. */
function assign(passage: Passage, scores: readonly TopicScore[]): Scored | undefined {
  let best: Scored | undefined;
  scores.forEach((score, topicIndex) => {
    if (score.score < ASSIGN_THRESHOLD) return;
    if (!best || score.score > best.score.score) best = { passage, topicIndex, score };
  });
  return best;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Splits "Label: sentence" (a bulleted item's lead-in) into headline and text; both stay verbatim. */
function splitLabel(text: string): { headline: string; text: string } {
  const match = /^([^:.!?]{3,80}):\s+(?=\S)/.exec(text);
  const label = match?.[1];
  if (!match || !label || label.split(' ').length > 9) return { headline: '', text };
  return { headline: label.replace(/["“”]/g, '').trim(), text: text.slice(match[0].length) };
}

/** Groups a topic's passages into developments, merging near-identical reports across articles. */
function clusterDevelopments(scored: readonly Scored[]): Development[] {
  const clusters: { words: Set<string>; development: Development }[] = [];
  const ordered = [...scored].sort(
    (a, b) => b.score.score - a.score.score || a.passage.articleId.localeCompare(b.passage.articleId) || a.passage.paragraph - b.passage.paragraph || a.passage.sentence - b.passage.sentence,
  );
  for (const { passage, score } of ordered) {
    const words = new Set(contentTokens(passage.text));
    const same = clusters.find((cluster) => jaccard(cluster.words, words) >= SAME_DEVELOPMENT_JACCARD);
    if (same) {
      if (!same.development.articleIds.includes(passage.articleId)) same.development.articleIds.push(passage.articleId);
      continue;
    }
    clusters.push({
      words,
      development: {
        ...splitLabel(passage.text),
        score: score.score,
        specificity: specificity(passage.text, score.entities.length),
        terms: score.terms,
        entities: score.entities,
        articleIds: [passage.articleId],
      },
    });
  }
  return clusters.map((cluster) => cluster.development);
}

/** Relevance (capped), raised by corroboration across sources and by how concrete the report is. */
function rank(development: Development): number {
  return Math.min(development.score, RELEVANCE_CAP) * (1 + CORROBORATION_BONUS * (development.articleIds.length - 1)) * (1 + SPECIFICITY_BONUS * development.specificity);
}

/**
 * Finds what matters for each topic: every passage goes to its single best topic above the
 * threshold (or to none), among the brief's topics and their competitors; near-duplicates merge into one development with all their sources,
 * and the strongest developments are kept, up to the limit.
 */
export function analyzeTopics(articles: readonly Article[], topics: readonly Topic[], catalog: EntityCatalog, options: AnalyzeOptions): TopicAnalysis[] {
  const ids = new Set(topics.map((topic) => topic.id));
  const everyTopic = [...topics, ...(options.competitors ?? []).filter((topic) => !ids.has(topic.id))];
  const matchers = everyTopic.map((topic) => buildTopicMatcher(topic, catalog));
  const byTopic: Scored[][] = everyTopic.map(() => []);
  // A syndicated copy repeats its original: it is cited with it, not analysed again.
  const passages = buildPassages(articles.filter((article) => !article.syndicatedFrom));
  scoreInContext(passages, matchers).forEach((scores, i) => {
    const scored = assign(passages[i]!, scores);
    if (scored) byTopic[scored.topicIndex]!.push(scored);
  });
  return topics.map((topic, index) => {
    const developments = clusterDevelopments(byTopic[index]!)
      .sort((a, b) => rank(b) - rank(a) || a.text.localeCompare(b.text))
      .slice(0, options.limits.developments);
    return { topic, developments, candidates: byTopic[index]!.length };
  });
}
