import type { Passage } from './passages.js';
import { scoreTopics, type PassageTokens, type TopicMatchers, type TopicScore } from './match-topic.js';

/** A passage needs at least this score for its best topic to be assigned to it. */
export const ASSIGN_THRESHOLD = 2;
/** Share of the previous sentence's score a sentence inherits: "the guarantees", "Such an alliance" refer back. */
export const CONTEXT_WEIGHT = 0.5;
/** Share of its article's headline score a sentence inherits: under "SpaceX cuts off Starlink terminals", the sentences are about that. */
export const HEADLINE_WEIGHT = 0.25;

/** A passage with its score for every topic, in context, and the topic it went to (or none). */
export interface ScoredPassage {
  passage: Passage;
  scores: TopicScore[];
  /** Index of the assigned topic, or -1. */
  topic: number;
}

/** True when `previous` is the sentence just before `passage` in the same paragraph. */
function isContextOf(previous: Passage | undefined, passage: Passage): previous is Passage {
  return previous !== undefined && previous.articleId === passage.articleId && previous.paragraph === passage.paragraph && previous.sentence === passage.sentence - 1;
}

/**
 * Scores an article's passages, in reading order, and gives each to its single best topic at or
 * above the threshold. A passage needs a topic term of its own; its anchor may come from the
 * sentence before it, which also lends it part of its score, as does the article's headline.
 */
export function assignPassages(passages: readonly Passage[], matchers: TopicMatchers, headline: PassageTokens): ScoredPassage[] {
  const own = passages.map((passage) => scoreTopics(passage, matchers));
  const headlineScores = scoreTopics(headline, matchers);
  return passages.map((passage, i) => {
    const scores = own[i]!.map((score, t) => {
      const before = isContextOf(passages[i - 1], passage) ? own[i - 1]![t]! : undefined;
      const headlineScore = headlineScores[t]!;
      const contextAnchored = before !== undefined && before.anchored && before.score > 0;
      if (score.score === 0) return score;
      if (score.terms.length === 0 || !(score.anchored || contextAnchored)) return { ...score, score: 0 };
      const fromBefore = before?.anchored ? CONTEXT_WEIGHT * before.score : 0;
      const fromHeadline = headlineScore.anchored ? HEADLINE_WEIGHT * headlineScore.score : 0;
      return { ...score, score: score.score + fromBefore + fromHeadline };
    });
    let topic = -1;
    scores.forEach((score, t) => {
      if (score.score >= ASSIGN_THRESHOLD && (topic < 0 || score.score > scores[topic]!.score)) topic = t;
    });
    return { passage, scores, topic };
  });
}
