import { addDays, type Period } from '../period/period.js';
import { normalizeSpace, type Article } from '../sources/article.js';
import type { EntityCatalog, Topic } from '../topics/topic.js';
import { surnamesOfOthers } from './alias-starts.js';
import { ASSIGN_THRESHOLD, type ScoredPassage } from './assign-passages.js';
import { clusterPassages, differentEvents, notePeople, sameEvent, sameReport, type Cluster } from './cluster-developments.js';
import { countActors, type Actor } from './count-actors.js';
import { figuresOf } from './extract-figures.js';
import { answerQuote, extractQuotes, mayBePerson, mayQuote, peopleIn, sameSpeaker, type LeftOutQuote } from './extract-quotes.js';
import { inTimeOrder } from './live-blog.js';
import { buildTopicMatcher, ENTITY_WEIGHT, indexMatchers, type TopicScore } from './match-topic.js';
import type { NotAReport, Passage } from './passages.js';
import { readArticles, type ArticleReadings } from './read-articles.js';
import { refersBack } from './refers-back.js';
import { findDates, happenedBefore, namesAnEarlierEvent } from './resolve-dates.js';
import { splitSentences } from './segment.js';
import { isReporting, specificity } from './specificity.js';
import { contentTokens, stemmer, tokenize } from './tokenize.js';
import { buildIdf, cosine, sumOf, vectorize, Vocabulary, type Vector } from './vectors.js';
import { datelineLength } from '../sources/dateline.js';

/** Each further source reporting a development raises its rank by this fraction. */
const CORROBORATION_BONUS = 0.25;
/** Each point of specificity (a figure, a date, a quote, named actors) raises rank by this fraction. */
const SPECIFICITY_BONUS = 0.25;
/** Relevance counts in the rank only up to this: past it, repeating a topic's words does not outrank a concrete report. */
const RELEVANCE_CAP = 1.5 * ASSIGN_THRESHOLD;
/** Maximal marginal relevance: weight of rank against similarity to what is already chosen. */
const MMR_LAMBDA = 0.65;
/**
 * How much an article's reporting share moves the rank of its sentences: a dispatch full of
 * attributed, dated statements outranks an explainer or an opinion piece on the same topic.
 */
const NEWSINESS_WEIGHT = 0.5;
/** Timeline events further than this from the period are history, not this period's timeline. */
const TIMELINE_WINDOW_DAYS = 45;
/** How many quotations left out --explain lists per topic (the topic's best passages first). */
const QUOTES_LEFT_OUT_SHOWN = 5;

/** Why a development was chosen: the parts of its rank. */
export interface RankParts {
  /** The passage's topic score; `relevance` is this, capped. */
  score: number;
  relevance: number;
  specificity: number;
  corroboration: number;
  centrality: number;
  recency: number;
  /** Share of the source article's sentences that report (attributed or dated). */
  newsiness: number;
  rank: number;
}

/** The multipliers a development's rank is its relevance times, in this order (shown by --explain). */
export function rankFactors(parts: RankParts): { name: string; value: number; factor: number }[] {
  return [
    { name: 'sources', value: parts.corroboration, factor: 1 + CORROBORATION_BONUS * (parts.corroboration - 1) },
    { name: 'specificity', value: parts.specificity, factor: 1 + SPECIFICITY_BONUS * parts.specificity },
    { name: 'centrality', value: parts.centrality, factor: 1 + parts.centrality },
    { name: 'recency', value: parts.recency, factor: 1 + 0.1 * parts.recency },
    { name: 'newsiness', value: parts.newsiness, factor: 1 - NEWSINESS_WEIGHT / 2 + NEWSINESS_WEIGHT * parts.newsiness },
  ];
}

/** One reported development: a verbatim sentence, and every article that reported it. */
export interface Development {
  /** The best passage's sentence, verbatim (whitespace normalised), without its lead-in label. */
  text: string;
  /** A short lead-in: the passage's own label ("Rejection of the Board of Peace") when it has one. */
  headline: string;
  /** Articles that reported it; the first is the one `text` is quoted from. */
  articleIds: string[];
  terms: string[];
  entities: string[];
  parts: RankParts;
  /** Not reported in the previous period's brief. */
  new: boolean;
  /**
   * 1 for the topic's development chosen first (the strongest), 2 for the next…; lists are in
   * reading order. A follow-on comes after every development chosen, in the order it was chosen.
   */
  pick: number;
  /** Leans on the item shown just before it, from the same article ("The visit is meant to…", "Macron is due to attend"). */
  continues: boolean;
  /**
   * Chosen as background, but it refers back to a development (or to another follow-on): it is
   * shown after what it refers to, with the developments, since under "Background" "The decision…"
   * would seem to be whatever came before it there.
   */
  followsOn: boolean;
  /** Every passage in the cluster (for --explain). */
  members: { articleId: string; text: string }[];
}

export interface Quote {
  text: string;
  speaker: string;
  articleIds: string[];
}

export interface Figure {
  value: string;
  context: string;
  articleIds: string[];
}

export interface TimelineEvent {
  date: string;
  text: string;
  articleIds: string[];
}

export interface Rejected {
  text: string;
  articleId: string;
  /** How many other articles have the same text, also left out (listed once, at its best score). */
  alsoIn: number;
  /** The passage's score for the topic. */
  score: number;
  /** Its strength as a development (what developments are ranked by), when it reached the ranking. */
  rank?: number;
  reason: string;
}

export interface TopicAnalysis {
  topic: Topic;
  developments: Development[];
  /** The most on-topic explanatory passages not chosen as developments. */
  background: Development[];
  quotes: Quote[];
  figures: Figure[];
  timeline: TimelineEvent[];
  actors: Actor[];
  /** Passages assigned to the topic before clustering and the limit. */
  candidates: number;
  /** Articles with at least one passage on the topic. */
  articleIds: string[];
  /** The strongest passages that were not used, and why (only when asked: options.explain). */
  rejected: Rejected[];
  /** Quotations in the topic's passages that were not taken as quotes, and why (only with options.explain). */
  quotesLeftOut: (LeftOutQuote & { articleId: string })[];
}

export interface Analysis {
  topics: TopicAnalysis[];
  /**
   * For a bottom line when the analyst wrote none: the first development of up to three topics (the
   * opening of each one's strongest story), the best ranked first.
   */
  bottomLine: { topicId: string; development: Development }[];
  /** Paragraphs and sentences of the period's articles read as no report, and why (only with options.explain). */
  notReports: NotAReport[];
}

export interface AnalyzeOptions {
  period: Period;
  limits: { developments: number; quotes: number; background?: number; figures?: number; timeline?: number; actors?: number };
  /**
   * Other known topics (the rest of the library). A passage whose best topic is one of these is
   * not reported at all, rather than falling to the nearest topic of the brief.
   */
  competitors?: readonly Topic[];
  /** Development texts of the previous period's brief, for marking what is new. */
  previous?: readonly string[];
  /**
   * Looked at between steps (about every 0.1 s of a large brief's analysis, and every few articles
   * read): once aborted, the analysis throws an AbortError. For analysis done ahead of a check that
   * may void it.
   */
  signal?: { readonly aborted: boolean };
  /** What earlier analyses of the run read of each article, taken and kept (ArticleReadings); the analysis is the same without. */
  readings?: ArticleReadings;
  /** Work out the best passages each topic left out, and why (`rejected`, for --explain); empty otherwise. */
  explain?: boolean;
}

/** Splits "Label: sentence" (a bulleted item's lead-in) into headline and text; both stay verbatim. */
export function splitLabel(text: string): { headline: string; text: string } {
  const match = /^([^:.!?]{3,80}):\s+(?=\S)/.exec(text);
  const label = match?.[1];
  if (!match || !label || label.split(' ').length > 9 || !isTitle(label)) return { headline: '', text };
  return { headline: label.replace(/["“”]/g, '').trim(), text: text.slice(match[0].length) };
}

/** Words a title leaves in lower case ("Rejection of the Board of Peace"). */
const titleSmallWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

/**
 * Whether the words before a colon are a label written as a title ("Economic and Political
 * Pressures"), not the start of the sentence ("Zelensky said: …", "The message was clear: …"),
 * which would otherwise be shown as a headline, cut from its own sentence.
 */
function isTitle(label: string): boolean {
  return label
    .replace(/["“”]/g, '')
    .trim()
    .split(/\s+/)
    .every((word, i) => /^[\p{Lu}\d]/u.test(word) || (i > 0 && titleSmallWords.has(word)));
}

/** A passage's rank for its topic: its relevance (capped), raised for specific reporting. */
function passageRank(scored: ScoredPassage): number {
  const score = scored.scores[scored.topic]!;
  return Math.min(score.score, RELEVANCE_CAP) * (1 + SPECIFICITY_BONUS * specificity(scored.passage.text, score.entities.length));
}

/**
 * A topic's passages, best first and then in reading order; each rank is worked out once, not at
 * every comparison. Those with the topic only from the sentence before them (`leans`) come after
 * every other, so none leads a cluster of reports that stand on their own (a lead that leans stands
 * only after its sentence before), nor goes before them for a quote or a figure.
 */
function rankPassages(assigned: readonly ScoredPassage[]): ScoredPassage[] {
  return assigned
    .map((scored) => ({ scored, rank: passageRank(scored), leans: scored.leans ? 1 : 0 }))
    .sort((a, b) => a.leans - b.leans || b.rank - a.rank || byReadingOrder(a.scored, b.scored))
    .map(({ scored }) => scored);
}

function byReadingOrder(a: ScoredPassage, b: ScoredPassage): number {
  return a.passage.articleId.localeCompare(b.passage.articleId) || a.passage.paragraph - b.passage.paragraph || a.passage.sentence - b.passage.sentence;
}

/** Day position of a date within the period, 0 (first day) … 1 (last day). */
function recencyOf(published: string, period: Period): number {
  const span = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (!published || span <= 0) return 1;
  return Math.min(1, Math.max(0, (Date.parse(published) - Date.parse(period.from)) / 86_400_000 / span));
}

/**
 * Adds an item to the first merged item `same` says it is one with (keeping every source), or
 * after them as a new one while there are fewer than `limit`. Past the limit an item that is one
 * with none of them is dropped: without the limit it would have joined or started an item after
 * them, so the first `limit` come out the same either way (`same` reads no `articleIds`).
 */
function mergeInto<T extends { articleIds: string[] }>(merged: T[], item: T, same: (a: T, b: T) => boolean, limit: number): void {
  const existing = merged.find((other) => same(other, item));
  if (existing) {
    for (const id of item.articleIds) if (!existing.articleIds.includes(id)) existing.articleIds.push(id);
  } else if (merged.length < limit) merged.push({ ...item, articleIds: [...item.articleIds] });
}

/** The first `limit` items left when items `same` says are one are merged, keeping every source. */
function mergeBy<T extends { articleIds: string[] }>(items: readonly T[], same: (a: T, b: T) => boolean, limit: number): T[] {
  const merged: T[] = [];
  for (const item of items) mergeInto(merged, item, same, limit);
  return merged;
}

/** Words a quoted fragment needs to stand among the notable quotes. */
const NOTABLE_FRAGMENT_WORDS = 6;

/**
 * Whether a quote stands on its own among the notable quotes: a fragment the sentence works into
 * its own words (it opens in lower case) needs a few words to say something ("“before the end of
 * February”", "“not on the table”" mean nothing alone). The sentence keeps it.
 */
function notable({ text }: { text: string }): boolean {
  return !/^\p{Ll}/u.test(text) || text.split(/\s+/).length >= NOTABLE_FRAGMENT_WORDS;
}

/** A dated event as the timeline is built: the passage's vector and details decide which passages report it. */
interface TimelineEntry {
  date: string;
  text: string;
  articleIds: string[];
  vector: Vector;
  passage: Passage;
}

/**
 * A topic's dated events: the first date each ranked passage gives within the window, passages
 * giving the same date for a similar text merged, the first `limit` kept. A day an event was due
 * on and did not take place ("due on Thursday, was postponed") dates nothing, nor does one that
 * bounds a span ("the ninth attack since February 1"). Reading a passage's dates is the costly
 * part (chrono), so once `limit` events are kept, a passage unlike all of them is passed over
 * unread: it could not have joined one. A passage that leans on the sentence before it ("He met
 * Wang Yi on Monday") is none: among dates, nothing comes before it but another day's event. An
 * article's first sentence leans on the headline, and is one.
 */
function buildTimeline(ranked: readonly ScoredPassage[], ctx: { vectors: ReadonlyMap<ScoredPassage, Vector>; articles: ReadonlyMap<string, Article> }, window: { from: string; to: string }, limit: number): TimelineEntry[] {
  const same = (a: TimelineEntry, b: TimelineEntry) => a.date === b.date && sameReport(a.vector, a.passage, b.vector, b.passage);
  const timeline: TimelineEntry[] = [];
  for (const s of ranked) {
    const vector = ctx.vectors.get(s)!;
    // Unlike every kept event in its words, it cannot join one (the details are checked on merging).
    if (timeline.length >= limit && !timeline.some((entry) => sameEvent(entry.vector, vector))) continue;
    if (leansOnWhatCameBefore(s, ctx.articles)) continue;
    const dates = findDates(s.passage.text, ctx.articles.get(s.passage.articleId)?.published ?? '').filter((date) => !date.calledOff && !date.bound && date.date >= window.from && date.date <= window.to);
    // "The death toll from Tuesday's strike rose to 12, the governor said on Thursday" is Thursday's news.
    const found = dates.find((date) => !namesAnEarlierEvent(s.passage.text, date.text)) ?? dates[0];
    if (found) mergeInto(timeline, { date: found.date, text: s.passage.text, articleIds: [s.passage.articleId], vector, passage: s.passage }, same, limit);
  }
  return timeline;
}

/** Whether a passage leans on the sentence before it (refersBack) and has one: not its article's first. */
function leansOnWhatCameBefore(scored: ScoredPassage, articles: ReadonlyMap<string, Article>): boolean {
  return (antecedentPlaces(scored, articles, 1)?.length ?? 0) > 0;
}

function overlap(a: string, b: string): number {
  const [x, y] = [new Set(contentTokens(a)), new Set(contentTokens(b))];
  let shared = 0;
  for (const token of x) if (y.has(token)) shared++;
  return shared / (Math.min(x.size, y.size) || 1);
}

interface TopicContext {
  topicIndex: number;
  newsiness: ReadonlyMap<string, number>;
  /** The topic's passages, best first (rankPassages). */
  ranked: readonly ScoredPassage[];
  vectors: Map<ScoredPassage, Vector>;
  vocabulary: Vocabulary;
  articles: ReadonlyMap<string, Article>;
  options: AnalyzeOptions;
  previous: Vector[];
}

/** Clusters, ranks and selects (MMR) a topic's developments. */
function selectDevelopments(ctx: TopicContext): { developments: Development[]; background: Development[]; chosen: Chosen; unused: RankedCluster[] } {
  const ordered = ctx.ranked.map((scored) => ({ scored, vector: ctx.vectors.get(scored)! }));
  const clusters = clusterPassages(ordered);
  // A lead's centrality is its mean cosine with the topic's other passages: its cosine with their
  // sum (every passage's, less its own), one pass per lead rather than one per lead and passage.
  const total = sumOf(ordered.map((item) => item.vector), ctx.vocabulary);
  const others = ordered.length - 1;
  const scoredClusters: RankedCluster[] = clusters.map((cluster) => {
    const lead = cluster.members[0]!;
    const score = lead.scored.scores[ctx.topicIndex]!;
    const articleIds = [...new Set(cluster.members.map((member) => member.scored.passage.articleId))];
    const centrality = others > 0 ? (cosine(lead.vector, total) - cosine(lead.vector, lead.vector)) / others : 0;
    const relevance = Math.min(score.score, RELEVANCE_CAP);
    const parts: RankParts = {
      score: score.score,
      relevance,
      specificity: specificity(lead.scored.passage.text, score.entities.length),
      corroboration: articleIds.length,
      centrality,
      recency: recencyOf(ctx.articles.get(lead.scored.passage.articleId)?.published ?? '', ctx.options.period),
      newsiness: ctx.newsiness.get(lead.scored.passage.articleId) ?? 0,
      rank: 0,
    };
    parts.rank = rankFactors(parts).reduce((rank, { factor }) => rank * factor, relevance);
    return { cluster, lead, score, articleIds, parts };
  });
  const antecedentsOf = antecedentsReader(ctx);
  const standing = standingAfter(antecedentsOf);
  // What happened weeks before the period is background to it, not one of its developments.
  const history = new Set(scoredClusters.filter((c) => isHistory(c, ctx)));
  const developments = chooseByMmr(
    scoredClusters.filter((c) => !history.has(c)),
    ctx.options.limits.developments,
    (c) => c.parts.rank,
    standing([]),
  );
  // Background: the most on-topic remaining passages (uncapped relevance), informative ones first;
  // clear commentary (evaluative and hedged at once) is left out.
  const rest = scoredClusters.filter((c) => !developments.includes(c) && c.parts.specificity > -1);
  // Explanation is about the topic's own terms: entity mentions ("key figures include…") do not count here.
  const explains = (c: RankedCluster) => (c.score.score - ENTITY_WEIGHT * c.score.entities.length) * (1 + c.parts.centrality) * (1 + SPECIFICITY_BONUS * c.parts.specificity);
  const chosenBackground = chooseByMmr(rest, ctx.options.limits.background ?? 3, explains, standing(developments));
  const followOns = followingOn(developments, chosenBackground, antecedentsOf);
  const background = chosenBackground.filter((c) => !followOns.includes(c));
  const used = new Set([...developments, ...chosenBackground]);
  const picks = [...developments, ...followOns];
  const shown = inReadingOrder(picks);
  const fits = standing(picks.concat(background));
  const toItem = (c: RankedCluster, pick: number) => toDevelopment(c, ctx, { pick, continues: (antecedentsOf(c)?.length ?? 0) > 0, followsOn: followOns.includes(c) });
  return {
    developments: shown.map((c) => toItem(c, picks.indexOf(c) + 1)),
    background: inReadingOrder(background).map((c) => toItem(c, chosenBackground.indexOf(c) + 1)),
    chosen: { picked: developments, shown, listed: [...shown, ...background], standsAfterShown: (c) => fits(c, []), history },
    unused: scoredClusters.filter((c) => !used.has(c)),
  };
}

/** Days before the period from which an event is still the period's news (a weekly brief read on Monday reports the weekend's). */
const NEWS_DAYS_BEFORE = 7;

/** Whether a cluster's lead reports only what happened well before the period (happenedBefore). */
function isHistory({ lead }: RankedCluster, ctx: TopicContext): boolean {
  const published = ctx.articles.get(lead.scored.passage.articleId)?.published ?? '';
  return published !== '' && happenedBefore(lead.scored.passage.text, published, addDays(ctx.options.period.from, -NEWS_DAYS_BEFORE));
}

/** Where a passage stands in its article: its id, paragraph and sentence. */
const placeOf = (articleId: string, paragraph: number, sentence: number) => `${articleId}\0${paragraph}\0${sentence}`;

/** How far back a sentence that refers back may find what it refers to: "The decision…" may follow a sentence on the decision's reasons. */
export const REFERS_BACK_UP_TO = 2;

/**
 * The places of the sentences before a passage in its article, nearest first, up to `count`
 * (across paragraphs), whether or not they became passages.
 */
function placesBefore(passage: Passage, articles: ReadonlyMap<string, Article>, count: number): string[] {
  const places: string[] = [];
  let { paragraph, sentence } = passage;
  while (places.length < count) {
    if (sentence > 0) sentence -= 1;
    else {
      const previous = articles.get(passage.articleId)?.paragraphs[paragraph - 1];
      if (previous === undefined) break;
      paragraph -= 1;
      sentence = splitSentences(previous).length - 1;
      if (sentence < 0) continue;
    }
    places.push(placeOf(passage.articleId, paragraph, sentence));
  }
  return places;
}

const placeOfLead = ({ lead: { scored: { passage } } }: RankedCluster) => placeOf(passage.articleId, passage.paragraph, passage.sentence);

/**
 * The places of the sentences a passage may lean on (up to `count` before it in its article):
 * null for one that stands alone (refersBack, or a topic of its own: not `leans`), none for an
 * article's first sentence, which can only lean on the headline.
 */
function antecedentPlaces({ passage, leans }: ScoredPassage, articles: ReadonlyMap<string, Article>, count: number): string[] | null {
  return leans || refersBack(splitLabel(passage.text).text) ? placesBefore(passage, articles, count) : null;
}

/** antecedentPlaces of a cluster's lead, REFERS_BACK_UP_TO back, worked out once a cluster. */
function antecedentsReader(ctx: TopicContext): (c: RankedCluster) => string[] | null {
  const antecedents = new Map<RankedCluster, string[] | null>();
  return (c) => {
    let places = antecedents.get(c);
    if (places === undefined) {
      places = antecedentPlaces(c.lead.scored, ctx.articles, REFERS_BACK_UP_TO);
      antecedents.set(c, places);
    }
    return places;
  };
}

/**
 * Whether a passage can stand where it would be shown, after the developments `before` and the
 * items chosen with it: one that leans on what came before ("This visit underscores…", "The
 * decision…", "…is due to attend, as are…") stands only once one of the REFERS_BACK_UP_TO
 * sentences before it in its article leads one of them, so a reader meets what it refers to first
 * (developments are shown in reading order, and a background passage that refers back to one
 * follows it on: followingOn). An article's first sentence, which can only lean on the headline,
 * stands.
 */
function standingAfter(antecedentsOf: (c: RankedCluster) => string[] | null): (before: readonly RankedCluster[]) => (c: RankedCluster, chosen: readonly RankedCluster[]) => boolean {
  // Each test is for one choice, whose list of chosen items only grows: their places are added as it does.
  return (before) => {
    const led = new Set(before.map(placeOfLead));
    let counted = 0;
    return (c, chosen) => {
      const places = antecedentsOf(c);
      // An article's first sentence refers back to its headline ("The talks ended…"): it stands.
      if (places === null || places.length === 0) return true;
      for (; counted < chosen.length; counted++) led.add(placeOfLead(chosen[counted]!));
      return places.some((place) => led.has(place));
    };
  };
}

/**
 * The background passages (in the order chosen) that refer back to a development, or to one of
 * these: each is shown after what it refers to, among the developments. One chosen as background
 * is chosen after what it refers to, so one pass in that order finds chains.
 */
function followingOn(developments: readonly RankedCluster[], background: readonly RankedCluster[], antecedentsOf: (c: RankedCluster) => string[] | null): RankedCluster[] {
  const led = new Set(developments.map(placeOfLead));
  const followOns: RankedCluster[] = [];
  for (const c of background) {
    if (!antecedentsOf(c)?.some((place) => led.has(place))) continue;
    followOns.push(c);
    led.add(placeOfLead(c));
  }
  return followOns;
}

/** A topic's developments in the order MMR picked them, and in the order they are shown (numbered by --explain). */
interface Chosen {
  picked: readonly RankedCluster[];
  shown: readonly RankedCluster[];
  /** Every cluster the topic lists: its developments, their follow-ons and its background. */
  listed: readonly RankedCluster[];
  /** Whether a passage could stand after all that is shown (standingAfter): one that cannot was left out for it. */
  standsAfterShown: (c: RankedCluster) => boolean;
  /** Those that report only what happened well before the period: background, never developments. */
  history: ReadonlySet<RankedCluster>;
}

interface RankedCluster {
  cluster: Cluster;
  lead: { scored: ScoredPassage; vector: Vector };
  score: TopicScore;
  articleIds: string[];
  parts: RankParts;
}

/**
 * The chosen developments as a reader meets them: those quoted from the same article together, in
 * the article's order, where the first chosen of them stands. An article's later sentences lean on
 * its earlier ones ("the measures", "the visit"), so they do not come before what they refer to.
 */
function inReadingOrder(chosen: readonly RankedCluster[]): RankedCluster[] {
  const byArticle = new Map<string, RankedCluster[]>();
  for (const c of chosen) {
    const id = c.lead.scored.passage.articleId;
    const group = byArticle.get(id);
    if (group) group.push(c);
    else byArticle.set(id, [c]);
  }
  return [...byArticle.values()].flatMap((group) => group.sort((a, b) => byReadingOrder(a.lead.scored, b.lead.scored)));
}

/**
 * Maximal marginal relevance: the best-valued items, each penalised by its similarity to those
 * already chosen; only items that `stands` admits after those are chosen.
 */
function chooseByMmr(candidates: readonly RankedCluster[], limit: number, value: (c: RankedCluster) => number, stands: (c: RankedCluster, chosen: readonly RankedCluster[]) => boolean = () => true): RankedCluster[] {
  const maxValue = Math.max(1e-9, ...candidates.map(value));
  const remaining = [...candidates].sort((a, b) => value(b) - value(a) || a.lead.scored.passage.text.localeCompare(b.lead.scored.passage.text));
  const selected: RankedCluster[] = [];
  while (selected.length < limit && remaining.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    remaining.forEach((candidate, index) => {
      // One that cannot stand yet may once what it refers back to is chosen.
      if (!stands(candidate, selected)) return;
      const similarity = Math.max(0, ...selected.map((chosen) => cosine(chosen.lead.vector, candidate.lead.vector)));
      const mmr = MMR_LAMBDA * (value(candidate) / maxValue) - (1 - MMR_LAMBDA) * similarity;
      if (mmr > bestValue + 1e-12) {
        best = index;
        bestValue = mmr;
      }
    });
    if (best < 0) break;
    selected.push(...remaining.splice(best, 1));
  }
  return selected;
}

function toDevelopment({ cluster, lead, score, articleIds, parts }: RankedCluster, ctx: TopicContext, place: Pick<Development, 'pick' | 'continues' | 'followsOn'>): Development {
  return {
    ...place,
    ...splitLabel(lead.scored.passage.text),
    articleIds,
    terms: [...score.terms],
    entities: [...score.entities],
    parts,
    new: !ctx.previous.some((vector) => sameEvent(vector, lead.vector)),
    members: cluster.members.map((member) => ({ articleId: member.scored.passage.articleId, text: member.scored.passage.text })),
  };
}

/**
 * What a syndicated copy adds to its original: the copy with only the paragraphs the original
 * lacks (the others left empty, so each keeps its place), or none when it adds nothing. A wire
 * story that a paper runs with paragraphs of its own would otherwise lose them, analysed as the
 * original alone; they are the copy's own report, cited to it alone.
 */
function ownParagraphs(copy: Article, original: Article | undefined): Article[] {
  // The first paragraph without its dateline: "MADRID, March 11 (Wire) - " is each outlet's own.
  const compared = (paragraph: string, index: number) => normalizeSpace(index === 0 ? paragraph.slice(datelineLength(paragraph)) : paragraph);
  const printed = new Set(original?.paragraphs.map(compared));
  const paragraphs = copy.paragraphs.map((paragraph, index) => (printed.has(compared(paragraph, index)) ? '' : paragraph));
  return paragraphs.some((paragraph) => paragraph !== '') ? [{ ...copy, paragraphs }] : [];
}

/**
 * Marks the passages of each article that gave one of the brief's topics a passage with the
 * catalog surnames it gives someone else (surnamesOfOthers: "Fedorov said" after "regional
 * governor Ivan Fedorov"), for the people, quotes and actors read from them. An article's passages
 * come together, in reading order; the others are never read for names.
 */
function markSurnamesOfOthers(scored: readonly ScoredPassage[], topicCount: number, catalog: EntityCatalog): void {
  for (let start = 0; start < scored.length; ) {
    let end = start;
    let relevant = false;
    while (end < scored.length && scored[end]!.passage.articleId === scored[start]!.passage.articleId) {
      const { topic } = scored[end++]!;
      relevant ||= topic >= 0 && topic < topicCount;
    }
    if (relevant) {
      const passages = scored.slice(start, end).map((s) => s.passage);
      const others = surnamesOfOthers(passages.map((passage) => passage.text), catalog);
      if (others.size > 0) for (const passage of passages) passage.surnamesOfOthers = others;
    }
    start = end;
  }
}

/**
 * Finds what matters for each topic. Every passage goes to its single best topic above the
 * threshold (or to none), among the brief's topics and their competitors. A topic's passages are
 * clustered into events across sources, ranked (relevance, corroboration, specificity,
 * centrality, recency) and chosen with diversity (MMR). Quotes, figures, dated events and actors
 * are drawn from the same passages, so nothing comes from outside the topic.
 */
export function analyzeTopics(given: readonly Article[], topics: readonly Topic[], catalog: EntityCatalog, options: AnalyzeOptions): Analysis {
  // A live blog is read in the order it happened: its newest-first entries turned oldest first.
  const articles = given.map(inTimeOrder);
  const stopIfAborted = () => {
    if (options.signal?.aborted) throw new DOMException('analysis stopped: its input is out of date', 'AbortError');
  };
  stopIfAborted();
  const ids = new Set(topics.map((topic) => topic.id));
  const everyTopic = [...topics, ...(options.competitors ?? []).filter((topic) => !ids.has(topic.id))];
  const matchers = indexMatchers(everyTopic.map((topic) => buildTopicMatcher(topic, catalog)));
  const byId = new Map(articles.map((article) => [article.id, article]));
  // A syndicated copy repeats its original: it is cited with it, not analysed again, but for
  // the paragraphs only it has.
  const notReports: NotAReport[] = [];
  const scored = readArticles(
    articles.flatMap((article) => (article.syndicatedFrom ? ownParagraphs(article, byId.get(article.syndicatedFrom)) : [article])),
    matchers,
    { readings: options.readings?.for(topics, options.competitors, catalog), notReports: options.explain ? notReports : undefined, stop: stopIfAborted },
  );
  const passages = scored.map((s) => s.passage);
  markSurnamesOfOthers(scored, topics.length, catalog);
  stopIfAborted();
  const keyOf = wordKeys(catalog);
  const idf = buildIdf(passages.map((p) => p.tokens), keyOf);
  const unseen = Math.log(1 + Math.max(1, passages.length));
  // Vectors of the passages that went to one of the brief's topics (the rest are never compared).
  const vocabulary = new Vocabulary();
  const vectors = new Map(scored.filter((s) => s.topic >= 0 && s.topic < topics.length).map((s) => [s, vectorize(s.passage.tokens, idf, unseen, vocabulary, keyOf)]));
  const previous = (options.previous ?? []).map((text) => vectorize(tokenize(text), idf, unseen, vocabulary, keyOf));
  const reporting = new Map<string, { all: number; reporting: number }>();
  for (const p of passages) {
    const counts = reporting.get(p.articleId) ?? { all: 0, reporting: 0 };
    counts.all += 1;
    if (isReporting(p.text)) counts.reporting += 1;
    reporting.set(p.articleId, counts);
  }
  const newsiness = new Map(articles.map((article) => {
    const counts = reporting.get(article.id);
    return [article.id, counts ? counts.reporting / counts.all : 0];
  }));

  // Quotes need the sentences before them ("he said", "Calviño said"), so they are found in reading
  // order. Whom "he" may stand for, the people the last sentence naming anyone names, is looked for
  // only when a quote's speaker is a pronoun, and a surname's full name only when it is one alone:
  // back through its article's passages so far.
  const passagesSoFar = new Map<string, ScoredPassage[]>();
  const quotesByPassage = new Map<ScoredPassage, ReturnType<typeof extractQuotes>>();
  // The people a sentence names, and those whose words it quotes whom the catalog does not know
  // ("…,” said Ukrenergo chief Vitaliy Zaichenko. … “…,” he added.).
  const peopleOf = (s: ScoredPassage) => {
    const people = peopleIn(s.passage, catalog);
    for (const { speaker } of quotesByPassage.get(s) ?? []) if (!people.includes(speaker) && mayBePerson(speaker, catalog)) people.push(speaker);
    return people;
  };
  const namedBefore = (before: readonly ScoredPassage[], count: number) => () => {
    for (let i = count - 1; i >= 0; i--) {
      const people = peopleOf(before[i]!);
      if (people.length > 0) return people;
    }
    return [];
  };
  const quotesLeftOut = new Map<ScoredPassage, LeftOutQuote[]>();
  for (const s of scored) {
    let before = passagesSoFar.get(s.passage.articleId);
    if (!before) passagesSoFar.set(s.passage.articleId, (before = []));
    if (s.topic >= 0 && s.passage.answeredBy !== undefined) {
      quotesByPassage.set(s, [answerQuote(s.passage.text, s.passage.answeredBy, catalog, before.map((p) => p.passage.text), s.passage.surnamesOfOthers)]);
    } else if (s.topic >= 0 && mayQuote(s.passage.text)) {
      const leftOut: LeftOutQuote[] | undefined = options.explain ? [] : undefined;
      const count = before.length;
      const earlier = () => before.slice(0, count).map((p) => p.passage.text);
      quotesByPassage.set(s, extractQuotes(s.passage.text, catalog, { named: namedBefore(before, count), earlier, surnamesOfOthers: s.passage.surnamesOfOthers }, leftOut));
      if (leftOut?.length) quotesLeftOut.set(s, leftOut);
    }
    before.push(s);
  }

  const analyses = topics.map((topic, topicIndex) => {
    stopIfAborted();
    const assigned = scored.filter((s) => s.topic === topicIndex);
    const ranked = rankPassages(assigned);
    // An interview's answers are someone's words: quotes, not the outlet's reports.
    const reports = ranked.filter((s) => s.passage.answeredBy === undefined);
    // Reports of two people's meetings are two events, however alike their words (notePeople).
    for (const s of assigned) notePeople(s.passage, () => peopleIn(s.passage, catalog));
    const ctx: TopicContext = { topicIndex, newsiness, ranked: reports, vectors, vocabulary, articles: byId, options, previous };
    const { developments, background, chosen, unused } = selectDevelopments(ctx);

    // One quote cites several outlets only for one speaker's words (or unnamed sources', each
    // outlet describing them its own way), with no detail or negation apart.
    const quotes = mergeBy(
      ranked.flatMap((s) => (quotesByPassage.get(s) ?? []).filter(notable).map((quote) => ({ ...quote, articleIds: [s.passage.articleId] }))),
      (a, b) => sameSpeaker(a.speaker, b.speaker) && overlap(a.text, b.text) >= 0.8 && !differentEvents(a, b),
      options.limits.quotes,
    );

    // A figure's clause from a sentence that leans on one the topic does not list ("About 40 per
    // cent of the money will go to municipalities near the front line, she said") does not say
    // what it measures.
    const listed = new Set(chosen.listed.flatMap((c) => c.cluster.members.map((member) => member.scored)));
    const measured = (s: ScoredPassage) => listed.has(s) || !leansOnWhatCameBefore(s, byId);
    // One figure cites several outlets only where their sentences have no detail or negation apart.
    const figures = mergeBy(
      reports.flatMap((s) => {
        const found = figuresOf(s.passage);
        return found.length > 0 && measured(s) ? found.map((figure) => ({ value: figure.value, key: figure.key, context: figure.context, articleIds: [s.passage.articleId], passage: s.passage })) : [];
      }),
      (a, b) => a.key === b.key && overlap(a.context, b.context) >= 0.3 && !differentEvents(a.passage, b.passage),
      options.limits.figures ?? 8,
    ).map(({ value, context, articleIds }) => ({ value, context, articleIds }));

    const window = { from: addDays(options.period.from, -TIMELINE_WINDOW_DAYS), to: addDays(options.period.to, TIMELINE_WINDOW_DAYS) };
    const timeline = buildTimeline(reports, { vectors, articles: byId }, window, options.limits.timeline ?? 8)
      .map(({ date, text, articleIds }) => ({ date, text, articleIds }))
      .sort((a, b) => a.date.localeCompare(b.date));

    // A section that lists nothing has no actors either: its passages all lean on sentences it cannot show.
    const actors = chosen.listed.length === 0 ? [] : countActors(assigned.map((s) => s.passage), catalog, options.limits.actors ?? 10);

    const rejected = options.explain ? explainRejections(scored, topicIndex, chosen, unused, everyTopic) : [];
    const leftOutQuotes = ranked.flatMap((s) => (quotesLeftOut.get(s) ?? []).map((quote) => ({ ...quote, articleId: s.passage.articleId }))).slice(0, QUOTES_LEFT_OUT_SHOWN);
    const articleIds = [...new Set(assigned.map((s) => s.passage.articleId))].sort();
    return { topic, developments, background, quotes, figures, timeline, actors, candidates: assigned.length, articleIds, rejected, quotesLeftOut: leftOutQuotes };
  });

  const bottomLine = analyses
    .flatMap((analysis) => analysis.developments.slice(0, 1).map((development) => ({ topicId: analysis.topic.id, development })))
    .sort((a, b) => b.development.parts.rank - a.development.parts.rank)
    .slice(0, 3);
  return { topics: analyses, bottomLine, notReports };
}

const wordKeysByCatalog = new WeakMap<EntityCatalog, (token: string) => string>();

/**
 * What passages are compared by, word for word: a person's one-word names as outlets spell them
 * ("Zelenskyy", "Zelenskiy") are the last word of the catalog's name ("zelensky"), so two outlets'
 * reports of one statement read alike; other words by their stems (stemOf).
 */
function wordKeys(catalog: EntityCatalog): (token: string) => string {
  let keyOf = wordKeysByCatalog.get(catalog);
  if (!keyOf) {
    const people = new Map<string, string>();
    for (const [alias, name] of catalog.aliases) {
      const aliasTokens = tokenize(alias);
      if (catalog.kinds.get(name) !== 'person' || aliasTokens.length !== 1) continue;
      people.set(aliasTokens[0]!, tokenize(name).at(-1)!);
    }
    keyOf = stemmer(people);
    wordKeysByCatalog.set(catalog, keyOf);
  }
  return keyOf;
}

/** The strongest passages a topic did not use, and why (shown by --explain). */
function explainRejections(scored: readonly ScoredPassage[], topicIndex: number, chosen: Chosen, unused: readonly RankedCluster[], topics: readonly Topic[]): Rejected[] {
  const rejected: (Rejected & { cluster?: RankedCluster })[] = [];
  const leftOut = (passage: Passage, score: number, reason: string, cluster?: RankedCluster) =>
    rejected.push({ text: passage.text, articleId: passage.articleId, alsoIn: 0, score, reason, ...(cluster && { rank: cluster.parts.rank, cluster }) });
  // A ranked development's reason is worked out once it is among those listed.
  for (const cluster of unused) leftOut(cluster.lead.scored.passage, cluster.parts.score, '', cluster);
  for (const s of scored) {
    const score = s.scores[topicIndex]!;
    if (s.topic === topicIndex && s.passage.answeredBy !== undefined) leftOut(s.passage, score.score, "an interview's answer: its speaker's quote, not a report");
    if (s.topic === topicIndex || score.terms.length === 0) continue;
    // One that scores nothing here was never this topic's, wherever it went.
    if (score.score === 0) leftOut(s.passage, 0, 'matches terms but lacks the topic anchors, or an exclusion applies');
    else if (s.topic >= 0) leftOut(s.passage, score.score, `went to ${topics[s.topic]!.id} (${s.scores[s.topic]!.score.toFixed(2)} > ${score.score.toFixed(2)})`);
    else leftOut(s.passage, score.score, `below the threshold ${ASSIGN_THRESHOLD}`);
  }
  // A text left out of several articles (a story reprinted) is listed once, at its best score.
  const listed = new Map<string, Rejected & { cluster?: RankedCluster }>();
  for (const item of rejected.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text))) {
    const seen = listed.get(item.text);
    if (seen) seen.alsoIn += 1;
    else if (listed.size < 5) listed.set(item.text, item);
  }
  return [...listed.values()].map(({ cluster, ...item }) => (cluster ? { ...item, reason: whyNotChosen(cluster, chosen) } : item));
}

/**
 * Why a ranked development was left out. MMR chose each development by its rank less its likeness
 * to those chosen before it, so one that outranks a chosen development lost to that likeness when
 * the weaker one was chosen. Developments are named by their number as shown.
 */
function whyNotChosen(cluster: RankedCluster, { picked, shown, standsAfterShown, history }: Chosen): string {
  if (history.has(cluster)) return `reports what happened more than ${NEWS_DAYS_BEFORE} days before the period: background at most`;
  if (!standsAfterShown(cluster)) return `refers back ("This…", "The move…", "is due to attend, as…"), and none of the ${REFERS_BACK_UP_TO} sentences before it in its article is shown`;
  const ranks = picked.map((c) => c.parts.rank);
  const weakest = ranks.indexOf(Math.min(...ranks));
  const before = picked.slice(0, Math.max(0, weakest));
  if (before.length === 0 || cluster.parts.rank <= ranks[weakest]!) return `ranked below the limit (${picked.length} developments)`;
  const likeness = before.map((c) => cosine(c.lead.vector, cluster.lead.vector));
  const closest = likeness.indexOf(Math.max(...likeness));
  const number = (c: RankedCluster) => shown.indexOf(c) + 1;
  return `outranks development ${number(picked[weakest]!)} but is too like development ${number(before[closest]!)} (cosine ${likeness[closest]!.toFixed(2)})`;
}
