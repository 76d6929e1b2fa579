import { mayQuote, quotedSpeakerWord } from './extract-quotes.js';
import type { Passage } from './passages.js';
import { goesOnWithWords, refersBack } from './refers-back.js';
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
  /**
   * Given its topic by the sentence before it alone (leansOn): it has no topic term of its own, so
   * it cannot stand in a brief without that sentence.
   */
  leans?: true;
}

/** True when `previous` is the sentence just before `passage` in the same paragraph. */
function isContextOf(previous: Passage | undefined, passage: Passage): boolean {
  return previous !== undefined && previous.articleId === passage.articleId && previous.paragraph === passage.paragraph && previous.sentence === passage.sentence - 1;
}

/** A definite noun phrase opening a sentence: "The force would…", "These guarantees, if signed, …". */
const definiteNoun = /^(?:The|This|These|That|Those|Such)\s+(\p{Ll}[\p{Ll}-]*)\b/u;

/**
 * How a sentence with no topic term of its own goes on from the one before it, if it does: with
 * the words of someone that sentence names, or of a "he" or "she" ("Zelensky said the text was
 * ready." then "“We are waiting for our partners to set a date,” Zelensky told reporters."), or
 * words with no attribution at all (a quotation going on), which are 'words'; or, as a
 * 'reference', by opening with a reference back (refersBack: "It would…", "However, …") or with a
 * definite noun that a topic term the sentence before matched ends in ("a multinational
 * reassurance force…" then "The force would number 15,000 to 20,000 troops").
 */
function leansOn(passage: Passage, previous: Passage, before: TopicScore): 'words' | 'reference' | undefined {
  const speaker = mayQuote(passage.text) ? quotedSpeakerWord(passage.text) : undefined;
  if (speaker !== undefined && (/^(?:he|she|they)$/i.test(speaker) || new RegExp(`(?<![\\p{L}])${speaker}(?![\\p{L}])`, 'u').test(previous.text))) return 'words';
  if (goesOnWithWords(passage.text)) return 'words';
  if (refersBack(passage.text)) return 'reference';
  if (speaker !== undefined) return undefined;
  const noun = definiteNoun.exec(passage.text)?.[1];
  if (noun === undefined) return undefined;
  // The phrase's last word is its noun ("reassurance force", "security guarantee"), in either number.
  const named = before.terms.some((term) => {
    const head = term.toLowerCase().slice(term.lastIndexOf(' ') + 1);
    return noun === head || noun === `${head}s` || noun === `${head}es` || `${noun}s` === head;
  });
  return named ? 'reference' : undefined;
}

/** True when `previous` is the passage just before `passage`: in its paragraph, or ending the one before. */
function isJustBefore(previous: Passage, passage: Passage): boolean {
  return isContextOf(previous, passage) || (previous.articleId === passage.articleId && passage.sentence === 0 && previous.paragraph === passage.paragraph - 1);
}

/**
 * Scores an article's passages, in reading order, and gives each to its single best topic at or
 * above the threshold. A passage needs a topic term of its own; its anchor may come from the
 * sentence before it, which also lends it part of its score, as does the article's headline. The
 * headline's anchor does not count: under "Trump hosts Zelensky at the White House", "The EU
 * adopted new sanctions and tariffs" is no US policy, nor is "Beijing and Washington agreed to
 * resume trade talks" Russia–China ties under "Shoigu visits Beijing". A
 * passage with no term of a topic it is anchored for that goes on about the sentence before it
 * (leansOn) takes that sentence's topic, at the share of its score the context lends, when the
 * sentence has the topic by its own terms and lends the threshold: the figures and details a report
 * gives once it has named its subject ("The force would number…", "It would be ready within 30
 * days…"). Someone's words go on wherever that sentence has the topic, at the threshold at least.
 * Only one sentence on: the next one would lean on a sentence with no term of its own.
 */
export function assignPassages(passages: readonly Passage[], matchers: TopicMatchers, headline: PassageTokens): ScoredPassage[] {
  const own = passages.map((passage) => scoreTopics(passage, matchers));
  const headlineScores = scoreTopics(headline, matchers);
  const assigned = passages.map((passage, i): ScoredPassage => {
    const scores = own[i]!.map((score, t) => {
      const before = isContextOf(passages[i - 1], passage) ? own[i - 1]![t]! : undefined;
      const headlineScore = headlineScores[t]!;
      const contextAnchored = before !== undefined && before.anchored && before.score > 0;
      if (score.score === 0) return score;
      if ((score.terms.length === 0 && score.entities.length < 2) || !(score.anchored || contextAnchored)) return { ...score, score: 0 };
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
  // The topic a sentence with none of its own takes from the sentence just before it (leansOn).
  const fromBefore = (scored: ScoredPassage, i: number): { topic: number; score: number } | undefined => {
    const previous = assigned[i - 1];
    if (previous === undefined || previous.topic < 0 || previous.leans || !isJustBefore(previous.passage, scored.passage)) return undefined;
    const t = previous.topic;
    const lent = CONTEXT_WEIGHT * previous.scores[t]!.score;
    // A reference back takes what the sentence lends, and its own terms of that topic (anchored by
    // the sentence it refers to): "It was the fourth defeat for the minority government this year."
    const referred = lent + own[i]![t]!.score;
    // Only someone's words go on from a sentence that lends less than the threshold.
    if (referred < ASSIGN_THRESHOLD && !mayQuote(scored.passage.text)) return undefined;
    const lean = leansOn(scored.passage, previous.passage, own[i - 1]![t]!);
    if (lean === undefined || (lean === 'reference' && referred < ASSIGN_THRESHOLD)) return undefined;
    // The speaker's words go on where the sentence naming them has the topic: at the threshold at least.
    return { topic: t, score: lean === 'words' ? Math.max(lent, ASSIGN_THRESHOLD) : referred };
  };
  assigned.forEach((scored, i) => {
    if (scored.topic >= 0) return;
    const lean = fromBefore(scored, i) ?? speakerOfTheStretch(assigned, i);
    // A term of another topic it is anchored for (below that topic's threshold) is a turn to that
    // topic; one it is not anchored for is not ("told Parliament" is no Spanish politics without
    // Spain), and one of the same topic is no turn ("“This government will serve…,” Mr. Sánchez
    // told lawmakers" after a sentence on Sánchez's confidence vote).
    if (lean === undefined || scored.scores.some((score, t) => score.score > 0 && t !== lean.topic)) return;
    const score = Math.max(lean.score, scored.scores[lean.topic]!.score);
    scored.scores = scored.scores.map((other, index) => (index === lean.topic ? { ...other, score, anchored: true } : other));
    scored.topic = lean.topic;
    scored.leans = true;
  });
  return assigned;
}

/**
 * The topic of the stretch of its article a quotation of a named speaker stands in, when a sentence
 * of that stretch named the speaker and has the topic by its own terms: "French President Emmanuel
 * Macron said…" leads a report on the guarantees, and paragraphs on, "“For the first time we have
 * written down who will do what,” Macron told a news conference." The stretch runs back from the
 * quotation over sentences with no topic to a sentence of another topic, which ends it. The words
 * take the topic at the threshold, as words going on from the sentence before do.
 */
function speakerOfTheStretch(assigned: readonly ScoredPassage[], i: number): { topic: number; score: number } | undefined {
  const { passage } = assigned[i]!;
  if (!mayQuote(passage.text)) return undefined;
  const speaker = quotedSpeakerWord(passage.text);
  if (speaker === undefined || !/^\p{Lu}/u.test(speaker) || /^(?:He|She|They|It)$/.test(speaker)) return undefined;
  const named = new RegExp(`(?<![\\p{L}])${speaker}(?![\\p{L}])`, 'u');
  let topic: number | undefined;
  for (let j = i - 1; j >= 0 && assigned[j]!.passage.articleId === passage.articleId; j--) {
    const before = assigned[j]!;
    if (before.topic < 0) continue;
    if (topic !== undefined && before.topic !== topic) return undefined;
    topic = before.topic;
    if (!before.leans && named.test(before.passage.text)) return { topic, score: ASSIGN_THRESHOLD };
  }
  return undefined;
}
