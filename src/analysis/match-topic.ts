import { aliasKey, type EntityCatalog, type Topic } from '../topics/topic.js';
import { isCapitalized, writtenWithCapitals } from './alias-starts.js';
import { tokenize } from './tokenize.js';

/** A phrase compiled to tokens, with its weight and the label reported in explanations. */
interface Phrase {
  tokens: string[];
  weight: number;
  label: string;
  /** Short acronyms (US, PP, EIB) match only in capitals, so "us" and "pp." do not count. */
  caseSensitive: boolean;
  /**
   * For a catalog name: which of its words the catalog writes with a capital. They match only where
   * the text writes them with one too ("the alliance between Moscow and Beijing" is not NATO's
   * "the Alliance", nor "a trump card" Donald Trump). Absent for a topic's own terms.
   */
  capitals?: readonly boolean[];
  /** The forms its first word may take in text: itself and, past three letters, its plurals. */
  starts: string[];
  /** The last scoreTopics pass that found one of those forms in its passage (see scoreTopics). */
  seen: number;
}

/** Token sequences of one passage, lower-cased and as written. */
export interface PassageTokens {
  tokens: readonly string[];
  cased: readonly string[];
}

/** A topic ready to score token sequences against. */
export interface TopicMatcher {
  topic: Topic;
  terms: Phrase[];
  entities: Phrase[];
  anchors: Phrase[][];
  exclude: Phrase[];
  /** Every form a phrase of the topic can start with, lower-cased and (acronyms) as written. */
  starts: { lower: Set<string>; cased: Set<string> };
}

/** What one passage scored against one topic, and why. */
export interface TopicScore {
  readonly score: number;
  readonly terms: readonly string[];
  readonly entities: readonly string[];
  /** Mentions a name from every anchor group (always true for a topic without anchors). */
  readonly anchored: boolean;
}

/**
 * The score of a passage in which none of a topic's phrases occur (most passages, for most
 * topics): one object shared by all, rather than one with two empty lists for each passage and
 * topic (~70 MB over a month of 10,000 articles). Scores are read-only by type; not frozen, as
 * frozen objects among the others made the code that reads scores slower (sample 0.96×).
 */
const NOTHING: TopicScore = { score: 0, terms: [], entities: [], anchored: false };
const NOTHING_ANCHORED: TopicScore = { ...NOTHING, anchored: true };

/** Weight of one entity mention: entities signal a topic but do not make one on their own. */
export const ENTITY_WEIGHT = 0.75;
/** BM25 term-frequency saturation and (light) length normalisation. */
const K1 = 1.2;
const B = 0.3;
const AVERAGE_SENTENCE_TOKENS = 28;

function compile(phrase: string, weight: number, label = phrase): Phrase {
  const caseSensitive = /^(?:\p{Lu}\.?){2,4}$/u.test(phrase);
  const tokens = tokenize(phrase, caseSensitive);
  const first = tokens[0];
  const starts = first === undefined ? [] : first.length > 3 ? [first, `${first}s`, `${first}es`] : [first];
  return { tokens, weight, label, caseSensitive, starts, seen: 0 };
}

/** Prefixes news writes both joined to a word and hyphenated: "ceasefire" and "cease-fire", "co-operation". */
const JOINABLE_PREFIXES = ['cease', 'co', 'counter', 'multi', 'non', 'peace', 'anti', 'cross', 'inter', 'post', 'pre'];

/**
 * A term with its other spelling: one word that starts with a joinable prefix also in two
 * ("multinational force" → "multi national force", as tokenize reads "multi-national force";
 * after "co" only an o or an e: "cooperation", not "coalition" or "country"), and a word
 * hyphenated after one also joined ("cease-fire" → "ceasefire"). The same label and weight; a
 * form already in `taken` (the topic lists both spellings) is not added again.
 */
function withOtherSpellings(phrase: Phrase, taken: Set<string>): Phrase[] {
  const phrases = [phrase];
  const add = (tokens: string[]) => {
    const key = tokens.join(' ');
    if (taken.has(key)) return;
    taken.add(key);
    const first = tokens[0]!;
    phrases.push({ ...phrase, tokens, starts: first.length > 3 ? [first, `${first}s`, `${first}es`] : [first], seen: 0 });
  };
  phrase.tokens.forEach((token, i) => {
    const before = phrase.tokens.slice(0, i);
    const after = phrase.tokens.slice(i + 1);
    for (const prefix of JOINABLE_PREFIXES) {
      const rest = token.slice(prefix.length);
      if (token.startsWith(prefix) && rest.length >= 4 && (prefix !== 'co' || /^[oe]/.test(rest))) add([...before, prefix, rest, ...after]);
    }
    const next = phrase.tokens[i + 1];
    if (next !== undefined && JOINABLE_PREFIXES.includes(token) && phrase.label.toLowerCase().includes(`${token}-${next}`)) add([...before, token + next, ...phrase.tokens.slice(i + 2)]);
  });
  return phrases;
}

/** A name with every alias the catalog knows for it, each labelled with the canonical name, its capitals binding. */
function expandAliases(names: readonly string[], catalog: EntityCatalog, weight: number): Phrase[] {
  const phrases: Phrase[] = [];
  for (const name of names) {
    const canonical = catalog.aliases.get(aliasKey(name)) ?? name;
    for (const spelling of new Set([name, ...(catalog.spellings.get(canonical) ?? [])])) {
      const phrase = compile(spelling, weight, canonical);
      // tokenize splits the spelling as it splits the lower-cased one: a capital per token.
      if (!phrase.caseSensitive) phrase.capitals = tokenize(spelling, true).map(isCapitalized);
      phrases.push(phrase);
    }
  }
  return phrases;
}

/** Compiles a topic: entity and anchor names expand to all their aliases from the catalog. */
export function buildTopicMatcher(topic: Topic, catalog: EntityCatalog): TopicMatcher {
  // Longest phrases first, so they claim their tokens before the phrases inside them.
  const compiled = topic.terms.map((term) => compile(term.phrase, term.weight));
  const taken = new Set(compiled.map((phrase) => phrase.tokens.join(' ')));
  const terms = compiled.flatMap((phrase) => (phrase.caseSensitive ? [phrase] : withOtherSpellings(phrase, taken))).sort((a, b) => b.tokens.length - a.tokens.length);
  const entities = expandAliases(topic.entities, catalog, ENTITY_WEIGHT);
  const anchors = topic.anchors.map((group) => expandAliases(group, catalog, 0));
  const exclude = topic.exclude.map((phrase) => compile(phrase, 0));
  const starts = { lower: new Set<string>(), cased: new Set<string>() };
  for (const phrase of [...terms, ...entities, ...anchors.flat(), ...exclude]) for (const form of phrase.starts) (phrase.caseSensitive ? starts.cased : starts.lower).add(form);
  return { topic, terms, entities, anchors, exclude, starts };
}

/** Whether any phrase of the topic could start somewhere in the passage (most passages are about another topic). */
function mayMatch(passage: PassageTokens, starts: TopicMatcher['starts']): boolean {
  for (const token of passage.tokens) if (starts.lower.has(token)) return true;
  if (starts.cased.size > 0) for (const token of passage.cased) if (starts.cased.has(token)) return true;
  return false;
}

/** A token matches a phrase token exactly or as its plural (guarantee ~ guarantees). */
function tokenMatches(text: string, phrase: string): boolean {
  return text === phrase || (phrase.length > 3 && (text === `${phrase}s` || text === `${phrase}es`));
}

/** Positions of each token in a token list. */
function positionsOf(tokens: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  tokens.forEach((token, i) => {
    const list = index.get(token);
    if (list) list.push(i);
    else index.set(token, [i]);
  });
  return index;
}

/** A passage's tokens with their position indexes, looked up once per passage and topic. */
interface IndexedPassage {
  tokens: readonly string[];
  cased: readonly string[];
  index: ReadonlyMap<string, number[]>;
  casedIndex: ReadonlyMap<string, number[]>;
}

function indexed(passage: PassageTokens): IndexedPassage {
  return { tokens: passage.tokens, cased: passage.cased, index: positionsOf(passage.tokens), casedIndex: positionsOf(passage.cased) };
}

function occurrences(passage: IndexedPassage, phrase: Phrase, used?: boolean[]): number {
  return phrase.caseSensitive ? countOccurrences(passage.cased, passage.casedIndex, phrase, used) : countOccurrences(passage.tokens, passage.index, phrase, used, passage.cased);
}

/**
 * Counts a phrase's occurrences. With `used`, tokens already claimed by a longer phrase are
 * skipped and the ones matched here are claimed ("security guarantees" is not also "guarantees").
 * Only positions where the phrase's first word (or its plural) occurs are checked. With `cased`
 * (the tokens as written), a catalog name's capitals must be there too (Phrase.capitals).
 */
function countOccurrences(tokens: readonly string[], index: ReadonlyMap<string, number[]>, phrase: Phrase, used?: boolean[], cased?: readonly string[]): number {
  let starts: number[] | undefined;
  for (const variant of phrase.starts) {
    const found = index.get(variant);
    if (found) starts = starts ? [...starts, ...found].sort((a, b) => a - b) : found;
  }
  if (!starts) return 0;
  const words = phrase.tokens;
  let count = 0;
  let from = 0;
  for (const i of starts) {
    if (i < from || i + words.length > tokens.length) continue;
    let j = 0;
    while (j < words.length && !used?.[i + j] && tokenMatches(tokens[i + j]!, words[j]!)) j++;
    if (j < words.length || (cased && !writtenWithCapitals(cased, i, phrase.capitals))) continue;
    count++;
    from = i + words.length;
    if (used) for (let k = i; k < i + words.length; k++) used[k] = true;
  }
  return count;
}

/**
 * BM25-style score of a passage for a topic: each matched phrase adds its weight with
 * saturating term frequency; entities add a smaller fixed weight once per entity; an
 * exclusion phrase zeroes the score. Whether the passage is anchored is reported, not applied:
 * the caller may find the anchor in the passage's context.
 */
export function scorePassage(passage: PassageTokens, matcher: TopicMatcher): TopicScore {
  // No phrase occurs: no exclusion, no term, no entity, and anchored only when there is nothing to anchor to.
  if (!mayMatch(passage, matcher.starts)) return nothingFor(matcher);
  return score(passage, matcher, indexed(passage), () => true);
}

const nothingFor = (matcher: TopicMatcher): TopicScore => (matcher.anchors.length === 0 ? NOTHING_ANCHORED : NOTHING);

/** scorePassage's score, looking only at the phrases `present` says may occur (the others cannot). */
function score(passage: PassageTokens, matcher: TopicMatcher, at: IndexedPassage, present: (phrase: Phrase) => boolean): TopicScore {
  const occurs = (phrase: Phrase) => present(phrase) && occurrences(at, phrase) > 0;
  if (matcher.exclude.some(occurs)) return NOTHING;
  const anchored = matcher.anchors.every((group) => group.some(occurs));
  const lengthNorm = 1 - B + (B * passage.tokens.length) / AVERAGE_SENTENCE_TOKENS;
  let score = 0;
  const terms: string[] = [];
  const used: boolean[] = [];
  for (const phrase of matcher.terms) {
    if (!present(phrase)) continue;
    const tf = occurrences(at, phrase, used);
    if (tf === 0) continue;
    score += (phrase.weight * (tf * (K1 + 1))) / (tf + K1 * lengthNorm);
    terms.push(phrase.label);
  }
  const entities = new Set<string>();
  for (const phrase of matcher.entities) {
    if (!entities.has(phrase.label) && occurs(phrase)) entities.add(phrase.label);
  }
  score += entities.size * ENTITY_WEIGHT;
  return { score, terms, entities: [...entities], anchored };
}

/** A phrase and the index of the topic whose matcher it belongs to. */
interface Start {
  matcher: number;
  phrase: Phrase;
}

/** Topic matchers with one index of the forms every phrase of every topic may start with. */
export interface TopicMatchers {
  readonly list: readonly TopicMatcher[];
  /** A form (lower-cased) → the phrases that may start with it. */
  readonly lower: ReadonlyMap<string, readonly Start[]>;
  /** A form as written (short acronyms) → the case-sensitive phrases that may start with it. */
  readonly cased: ReadonlyMap<string, readonly Start[]>;
}

/** Indexes topic matchers for scoreTopics, once per analysis. */
export function indexMatchers(list: readonly TopicMatcher[]): TopicMatchers {
  const lower = new Map<string, Start[]>();
  const cased = new Map<string, Start[]>();
  list.forEach((matcher, index) => {
    for (const phrase of [...matcher.terms, ...matcher.entities, ...matcher.anchors.flat(), ...matcher.exclude]) {
      const forms = phrase.caseSensitive ? cased : lower;
      for (const form of new Set(phrase.starts)) {
        const starts = forms.get(form);
        if (starts) starts.push({ matcher: index, phrase });
        else forms.set(form, [{ matcher: index, phrase }]);
      }
    }
  });
  return { list, lower, cased };
}

/** Numbers scoreTopics' passes, to mark the phrases whose first word a pass found. */
let lastPass = 0;

const NO_POSITIONS: ReadonlyMap<string, number[]> = new Map();

/**
 * A passage's score for each topic: what scorePassage gives, from one look-up per token instead
 * of one per token and topic, and of one per phrase. The passage's tokens mark the phrases that
 * may start with them (with the pass's number: no set to build per passage), and only the topics
 * and phrases marked are scored; the others cannot occur. The same look-ups note where each
 * token that starts a phrase stands, all that counting occurrences asks of a position index: an
 * index of every token, built for each passage, was a fifth of what a month of 10,000 articles
 * allocated.
 */
export function scoreTopics(passage: PassageTokens, matchers: TopicMatchers): TopicScore[] {
  const pass = ++lastPass;
  const marked: boolean[] = [];
  const mark = (tokens: readonly string[], forms: TopicMatchers['lower']): ReadonlyMap<string, number[]> => {
    let positions: Map<string, number[]> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const starts = forms.get(token);
      if (!starts) continue;
      for (const start of starts) {
        start.phrase.seen = pass;
        marked[start.matcher] = true;
      }
      const list = (positions ??= new Map()).get(token);
      if (list) list.push(i);
      else positions.set(token, [i]);
    }
    return positions ?? NO_POSITIONS;
  };
  const at: IndexedPassage = {
    tokens: passage.tokens,
    cased: passage.cased,
    index: mark(passage.tokens, matchers.lower),
    casedIndex: matchers.cased.size > 0 ? mark(passage.cased, matchers.cased) : NO_POSITIONS,
  };
  const present = (phrase: Phrase) => phrase.seen === pass;
  return matchers.list.map((matcher, index) => (marked[index] ? score(passage, matcher, at, present) : nothingFor(matcher)));
}
