import { MONTH_NAMES } from '../period/period.js';
import { aliasKey } from '../topics/topic.js';
import { editDistance } from '../text/closest.js';
import type { ScoredPassage } from './assign-passages.js';
import { figuresOf, isYear } from './extract-figures.js';
import { speakerNames } from './extract-quotes.js';
import { weekdays } from './resolve-dates.js';
import { contentTokens, stemOf } from './tokenize.js';
import { cosine, type Vector } from './vectors.js';

/** Passages this similar (TF-IDF cosine) report the same event. */
const SAME_EVENT_COSINE = 0.4;

/** Whether two passages' vectors are alike enough to report the same event. */
export function sameEvent(a: Vector, b: Vector): boolean {
  return cosine(a, b) >= SAME_EVENT_COSINE;
}

/**
 * What pins a report to one event, each kind of detail by itself: the weekdays and the dates it
 * names, the places it puts the event in ("in Kharkiv"), and its figures by what they count.
 */
interface Specifics {
  weekdays: Set<string>;
  dates: Set<string>;
  places: Set<string>;
  /** Figure amounts by unit: "%" → {"2.3"}, "people" → {"12"}, "usd" → {"500000000000"}. */
  figures: Map<string, Set<string>>;
  /** Whether it denies or refutes what it reports ("Kyiv denied that…"). */
  denies: boolean;
  /** Whether it says something did not or will not happen ("will not join", "declined to join", "ruled out"). */
  negated: boolean;
  /** Whom it attributes what it reports to, by name ("…, Sánchez said"): speakerNames, read when first asked for. */
  speakers?: Set<string>;
  /** The stems of its content words, numbers left out (wordStems), read when first asked for. */
  stems?: Set<string>;
  /** The numbers it gives (numbersIn), read when first asked for. */
  numbers?: Set<string>;
  /** Its names of two words or more (longNamesOf), read when first asked for. */
  names?: Set<string>;
}

const months = MONTH_NAMES.map((month) => month.toLowerCase());
const weekdayPattern = new RegExp(`\\b(${weekdays.join('|')})\\b`, 'gi');
/** A month as news writes it: in full, or cut to three letters with a full stop ("Feb. 24"; "Sept."). */
const monthWord = `(?:${months.join('|')}|(?:${months.map((month) => month.slice(0, 3)).join('|')}|sept)\\.)`;
/** A day of a month, either way round ("February 24th", "24 Feb."); read as the month's first three letters and the day. */
const datePattern = new RegExp(`\\b(?:(${monthWord})\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthWord}))(?!\\w)`, 'gi');
/**
 * A place the sentence puts something in: the capitalised word after "in", "at" or "near", or
 * after a verb or noun of striking or a part of a city ("struck Odesa", "an attack on Kharkiv",
 * "the centre of Dnipro").
 */
const placePattern = /\b(?:in|at|near|(?:struck|hit|hits|attacked|targeted|shelled|bombed|pounded)|(?:attacks?|strikes?|assault)\s+on|(?:centre|center|outskirts|suburbs)\s+of)\s+(\p{Lu}[\p{L}'’-]+)/gu;
/** Month and weekday names, lower-cased: no place ("in January"), nor part of a name ("On Tuesday"). */
const dayNames = new Set([...months, ...weekdays]);
/**
 * A denial: "denied that Russian forces had taken…", "dismissed the reports as false". Words of
 * denial, not every "not": "Spain will not join" and "Spain declined to join" report one thing.
 * Whole words: Denys Shmyhal denies nothing.
 */
const denial = /\b(?:den(?:y|ies|ied|ying|ial)|refut(?:e|es|ed|ing)|(?:dismiss|reject)(?:ed|es|s|ing)?\s+(?:the\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|allegations?|accusations?)|(?:false|fake|untrue|baseless|groundless)(?!\s+(?:promises?|hopes?|sense|start|dawn|alarm|flag)\b)|disinformation|no evidence)\b/i;

/**
 * A negation: "Spain will not join" is not the report "Spain will join", though nearly all their
 * words are one. "Declined to", "refused to" and "ruled out" say no as "not" does, so "Spain will
 * not join" and "Spain declined to join" report one thing ("inflation declined to 2.3%" says no
 * to nothing).
 */
export const negation = /\b(?:not|never|no longer)\b|n['’]t\b|\brefus(?:e|es|ed|ing)\b|\bdeclin(?:e|es|ed|ing)\s+to\s+\p{Ll}|\brul(?:e|es|ed|ing)\s+out\b/iu;

/**
 * What every negation holds, under the same flags (so the same case folding): tested first, as
 * the whole pattern under /iu costs about 30 times as much and most passages negate nothing.
 */
export const mayNegate = /not|never|no longer|n['’]t|refus|declin|rul/iu;

const specificsCache = new WeakMap<object, Specifics>();

function specificsOf(passage: { text: string }): Specifics {
  let specifics = specificsCache.get(passage);
  if (!specifics) {
    const { text } = passage;
    const figures = new Map<string, Set<string>>();
    for (const { unit, amount } of figuresOf(passage)) figures.set(unit, (figures.get(unit) ?? new Set()).add(String(amount)));
    specifics = {
      weekdays: new Set([...text.matchAll(weekdayPattern)].map((m) => m[1]!.toLowerCase())),
      dates: new Set([...text.matchAll(datePattern)].map((m) => `${(m[1] ?? m[4]!).slice(0, 3).toLowerCase()} ${Number(m[2] ?? m[3])}`)),
      places: new Set([...text.matchAll(placePattern)].map((m) => m[1]!.toLowerCase()).filter((place) => !dayNames.has(place))),
      figures,
      denies: denial.test(text),
      negated: mayNegate.test(text) && negation.test(text),
    };
    specificsCache.set(passage, specifics);
  }
  return specifics;
}

/**
 * Both name speakers, and none of one's could be one of the other's: outlets spell a name their
 * own way ("Zelenskyy", "Zelenskiy", "Zelensky"; "Sanchez"), so names two edits apart or closer,
 * of five letters or more, may be one person.
 */
function namesClash(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) {
    for (const y of b) {
      // As the catalog compares names: without accents, lower-cased ("Sánchez" is "sanchez").
      const [p, q] = [aliasKey(x), aliasKey(y)];
      if (p === q || (Math.min(p.length, q.length) >= 5 && editDistance(p, q) <= 2)) return false;
    }
  }
  return true;
}

/** Both name a detail of this kind, and no value in common. */
function clash(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const value of a) if (b.has(value)) return false;
  return true;
}

/**
 * Notes the people of the entity catalog a passage names (peopleIn), so that two passages that
 * each name someone the other does not are two events (differentEvents): "Starmer spoke to
 * Zelensky on Monday about security guarantees" and "Starmer spoke to Trump on Monday about
 * security guarantees" are two calls.
 */
export function notePeople(passage: { text: string }, people: () => readonly string[]): void {
  peopleNoted.set(passage, people);
}

/** How to read the people each passage names (notePeople), and, once read, the people. */
const peopleNoted = new WeakMap<object, (() => readonly string[]) | ReadonlySet<string>>();

/** The people a passage names, when the analysis noted how to read them: read once. */
function peopleOf(passage: { text: string }): ReadonlySet<string> | undefined {
  const noted = peopleNoted.get(passage);
  if (typeof noted !== 'function') return noted;
  const people = new Set(noted());
  peopleNoted.set(passage, people);
  return people;
}

/**
 * Each gives a value the other does not: other people ("Zelensky" / "Trump"; one naming a few more
 * of the same people is the same report), other numbers ("killing at least 12" / "killing 14").
 */
function eachHasItsOwn(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  return a !== undefined && b !== undefined && [...a].some((value) => !b.has(value)) && [...b].some((value) => !a.has(value));
}

/**
 * Whether two passages that read alike report different events by their details: another day
 * ("on Monday" / "on Tuesday"), another place ("in Kharkiv" / "in Odesa"), another count of the
 * same thing ("12 people" / "3 people") or another named speaker ("…, Sánchez said" / "…, Meloni
 * said": each one's statement is an event of its own), other people (each names one the other
 * does not, where the analysis noted them: notePeople), or one denies or negates what the other reports ("Russia
 * said its forces took…" / "Kyiv denied that…"; "will join" / "will not join"). Citing both for
 * one statement would attribute to an outlet what it did not report; a detail only one of them
 * gives decides nothing.
 */
export function differentEvents(a: { text: string }, b: { text: string }): boolean {
  // The same sentence (a story reprinted) has the same details.
  if (a.text === b.text) return false;
  const x = specificsOf(a);
  const y = specificsOf(b);
  if (x.denies !== y.denies || x.negated !== y.negated) return true;
  if (clash(x.weekdays, y.weekdays) || clash(x.dates, y.dates) || clash(x.places, y.places)) return true;
  if (namesClash((x.speakers ??= speakerNames(a.text)), (y.speakers ??= speakerNames(b.text)))) return true;
  if (eachHasItsOwn(peopleOf(a), peopleOf(b))) return true;
  for (const [unit, values] of x.figures) if (clash(values, y.figures.get(unit) ?? new Set())) return true;
  return false;
}

/**
 * Passages this alike report the same event when they also give the same count or sum of money
 * ("153 secret documents", "up to 20,000 troops"), or put it on the same day and share more of
 * their words: two outlets' wordings of one report share fewer words than one outlet's sentences
 * on it do ("Gazprom and CNPC signed a legally binding agreement on Tuesday to build the Power of
 * Siberia 2 pipeline" and "Russia and China signed a binding contract for the Power of Siberia 2
 * gas pipeline on Tuesday, ending years of talks…"), and a number counting the same thing, or
 * a day with several details besides, is rarely a coincidence. Percentages do not count: one
 * share recurs across unrelated statistics.
 */
const SHARED_FIGURE_COSINE = 0.25;

/** The same, for a shared day with many words besides: wordings of one event can share little else. */
const SHARED_DAY_COSINE = 0.2;

/** Words besides a shared figure that two reports of one event share, at least: "envoys… Paris… reassurance force". */
const SHARED_WORDS_BESIDES_FIGURE = 3;

/** Words besides a shared day (and its attribution) that two reports of one event share, at least: a day is less telling than a count. */
const SHARED_WORDS_BESIDES_DAY = 5;

/** Words of attribution, which any two reports may share: "officials told reporters on Tuesday". */
const attributionWords = ['told', 'reporters', 'officials', 'announced', 'confirmed', 'according', 'reported', 'statement', 'added', 'stated', 'declared', 'spokesman', 'spokeswoman', 'spokesperson'];
/** The stems a shared day's words are not counted among: days, months and attribution. */
const besidesDay = new Set([...weekdays, ...months, ...attributionWords].map(stemOf));

/** The stems of a passage's content words, numbers left out: worked out once a passage. */
function wordStems(passage: { text: string }): Set<string> {
  const specifics = specificsOf(passage);
  return (specifics.stems ??= new Set(contentTokens(passage.text).filter((token) => !/\d/.test(token)).map(stemOf)));
}

/** Whether two passages share at least `least` content words, numbers and the stems in `besides` left out. */
function shareWords(a: { text: string }, b: { text: string }, besides: ReadonlySet<string>, least: number): boolean {
  const inB = wordStems(b);
  let shared = 0;
  for (const stem of wordStems(a)) if (!besides.has(stem) && inB.has(stem) && ++shared >= least) return true;
  return false;
}

/**
 * Both give an amount of the same unit, other than a percentage, and share words besides it: a
 * count alone ("20,000 troops" to Poland, and to Ukraine) makes two events look alike.
 */
function shareFigure(a: { text: string }, b: { text: string }): boolean {
  const ofA = figuresOf(a);
  const ofB = ofA.length > 0 ? figuresOf(b) : [];
  const units = new Set(ofA.filter((x) => x.unit !== '%' && ofB.some((y) => y.unit === x.unit && y.amount === x.amount)).map((x) => stemOf(x.unit)));
  return units.size > 0 && shareWords(a, b, units, SHARED_WORDS_BESIDES_FIGURE);
}

/** Capitalised words, "of", "the", "de", "del" or "la" allowed between them ("Power of Siberia"). */
const capitalisedRun = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|de|del|la)\s+)*\p{Lu}[\p{L}'’-]*)*/gu;
/** Words a sentence may open with before a name ("The", "On Tuesday", "Last Friday"): no part of it. */
const openingWords = /^(?:(?:The|A|An|On|In|At|By|For|From|But|And|After|Before|Since|Until|During|When|While|Last|Next|This|Late|Early)\s+)+/;

/**
 * Names of two words or more ("Power of Siberia", "China National Petroleum Corporation"),
 * lower-cased, without the words a sentence opens with or days ("On Tuesday" is no name).
 */
function longNamesOf(text: string): Set<string> {
  const names = new Set<string>();
  for (const [run] of text.matchAll(capitalisedRun)) {
    const words = run.replace(openingWords, '').split(/\s+/).filter((word) => !dayNames.has(word.toLowerCase()));
    if (words.length >= 2) names.add(words.join(' ').toLowerCase());
  }
  return names;
}

/** The numbers a passage gives, as written, its dates' days and years aside: worked out once a passage. */
function numbersIn(passage: { text: string }): Set<string> {
  const specifics = specificsOf(passage);
  if (!specifics.numbers) {
    const days = new Set([...specifics.dates].map((date) => date.split(' ')[1]!));
    specifics.numbers = new Set((passage.text.match(/\d[\d,.]*\d|\d/g) ?? []).filter((number) => !isYear.test(number) && !days.has(number)));
  }
  return specifics.numbers;
}

/**
 * Both name the same weekday or date ("on Tuesday", "on 20 January"), the same name of two
 * words or more ("Power of Siberia"), and many words besides the day and the words of
 * attribution, and give no numbers apart: a day is shared by every event of a busy one, a deal
 * "signed on Tuesday to build" a bridge is not one to build a pipeline, and so alike a pair
 * that counts differently ("killing at least 12", "killing 14") would cite one outlet for the
 * other's count.
 */
function shareDay(a: { text: string }, b: { text: string }): boolean {
  const x = specificsOf(a);
  const y = specificsOf(b);
  const days = [...x.weekdays].filter((day) => y.weekdays.has(day));
  const dates = [...x.dates].filter((date) => y.dates.has(date));
  if (days.length === 0 && dates.length === 0) return false;
  if (eachHasItsOwn(numbersIn(a), numbersIn(b))) return false;
  const names = (y.names ??= longNamesOf(b.text));
  if (![...(x.names ??= longNamesOf(a.text))].some((name) => names.has(name))) return false;
  return shareWords(a, b, besidesDay, SHARED_WORDS_BESIDES_DAY);
}

/**
 * Whether two passages report the same event: alike in their words (or less alike, and giving
 * the same figure or day), and not set apart by their details.
 */
export function sameReport(a: Vector, textA: { text: string }, b: Vector, textB: { text: string }): boolean {
  const likeness = cosine(a, b);
  if (likeness < SHARED_DAY_COSINE) return false;
  if (likeness < SAME_EVENT_COSINE && !(likeness >= SHARED_FIGURE_COSINE && shareFigure(textA, textB)) && !shareDay(textA, textB)) return false;
  return !differentEvents(textA, textB);
}

/** Passages of one topic that report the same thing, best first. */
export interface Cluster {
  members: { scored: ScoredPassage; vector: Vector }[];
}

/**
 * Groups a topic's passages into events: each passage joins the first cluster whose leading
 * passage it reports the same event as (sameReport), else starts one. Passages arrive in rank
 * order, so a cluster's first member is its best.
 */
export function clusterPassages(ordered: readonly { scored: ScoredPassage; vector: Vector }[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const item of ordered) {
    const same = clusters.find((cluster) => sameReport(cluster.members[0]!.vector, cluster.members[0]!.scored.passage, item.vector, item.scored.passage));
    if (same) same.members.push(item);
    else clusters.push({ members: [item] });
  }
  return clusters;
}
