import { MONTH_NAMES } from '../period/period.js';

/** A number with its unit and the words around it that say what it measures. */
export interface FoundFigure {
  /** As written, with a word that makes it approximate or a bound: "2.3%", "about $45 billion", "more than 30 countries". */
  value: string;
  /** A normalised key for deduplication: "2.3%", "usd:500e9", "153:documents". */
  key: string;
  /** What it counts or measures ("%", "usd", "documents"), and how many: figures of one unit compare. */
  unit: string;
  amount: number;
  /** The clause around the number, verbatim: "inflation dropping to 2.3% in January". */
  context: string;
}

const scale: Record<string, number> = { trillion: 1e12, billion: 1e9, bn: 1e9, million: 1e6, m: 1e6 };
const currencies: Record<string, string> = { $: 'usd', '€': 'eur', '£': 'gbp', dollars: 'usd', euros: 'eur', pounds: 'gbp', usd: 'usd', eur: 'eur', gbp: 'gbp' };

/**
 * A whole number as written ("1,200", "153", "2.3"), never begun inside another: a match starting
 * at the "3" of "2.3" would report 3 where the text says 2.3.
 */
const NUMBER = String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const percent = new RegExp(String.raw`${NUMBER}\s?(?:%|per ?cent\b)`, 'gi');
/** "$45 billion", "$40-50 billion", "$40 to $50 billion" (a range's upper bound as its third group), "2.5 bn euros", "EUR 4.2 billion". */
const money = new RegExp(String.raw`([$€£]|\b(?:EUR|USD|GBP)(?=\s?\d))\s?${NUMBER}(?:\s?(?:[–-]|to)\s?[$€£]?${NUMBER})?\s?(trillion|billion|million|bn|m)?\b|${NUMBER}\s?(trillion|billion|million|bn)\s+(dollars|euros|pounds)`, 'gi');
/**
 * A count followed by what is counted: "153 secret documents", "30 countries", "2.3 million
 * refugees", "12 people", "52 Russian assaults" (a word between may be a name's: "Russian",
 * "Shahed"; what is counted is not).
 */
const count = new RegExp(String.raw`${NUMBER}\s+((?:[A-Za-z-]+\s+){0,2}?(?:[a-z-]+s|people|children|men|women|personnel|staff))\b`, 'g');
const notCounted = /^(years?|months?|weeks?|days?|hours?|minutes?|times|percent|degrees)$/;
/**
 * A death toll given as a bare number: "The death toll … has risen to 14", "a toll of 12". It
 * counts people killed, as "killing 12 people" does. A count after it ("to 14 people") is found
 * as a count first; a toll road is none.
 */
const toll = new RegExp(String.raw`\btoll\b(?!\s+(?:roads?|booths?|charges?|fees?|plazas?|gates?)\b|-)[^.;:!?]{0,120}?\b(?:to|of|at|reached|hit)\s+(?:at least\s+)?${NUMBER}(?!\s*(?:%|per ?cent\b)|[\d.,]\d)`, 'gi');
/** Words ending in s that count nothing: "12 of its 20 ships" counts no "its", nor "3 was" anything. */
const notNouns = /^(its|this|his|hers|ours|yours|theirs|was|has|is|as|us|does|plus|thus|less|unless|across|towards|afterwards|whereas|besides|perhaps|always|sometimes|yes)$/;
/**
 * The lower bound of a range just before a count or a percentage, with the words that make it one:
 * "between 15,000 and ", "from 10 to ", "10-", "10 to ". "20,000 troops" alone would say more than
 * "between 15,000 and 20,000 troops" does.
 */
const rangeBefore = new RegExp(String.raw`(?:\bbetween\s+${NUMBER}\s+and|\bfrom\s+${NUMBER}\s+to|${NUMBER}\s*(?:to\b|[–-]))\s*$`, 'i');
/**
 * Words just before a number that make it approximate or a bound: "more than 30 countries" is not
 * 30 countries, and a figure shown without them would say so.
 */
const roughly = /\b(?:(?:just|well)\s+(?:over|under)|(?:more|fewer|less)\s+than|at\s+(?:least|most)|up\s+to|as\s+(?:many|much|few|little)\s+as|close\s+to|an\s+estimated|nearly|almost|about|around|roughly|approximately|some|over|under)\s+$/i;

/**
 * The part of a whole just before a count: "26 of the " in "26 of the 67 seats", "12 of its ". "67
 * seats" alone would give the whole as what the sentence counts.
 */
const partBefore = new RegExp(String.raw`${NUMBER}\s+of\s+(?:the\s+|its\s+|their\s+)?$`);

/** How many words before a figure its clause reaches back, at most, when the clause is cut short. */
const WORDS_BEFORE = 7;
/** A clause start this many words more before the figure is reached whole: it says what is measured. */
const WHOLE_CLAUSE_MORE = 5;
/** A clause's end this many words past where the word count cut it is reached whole. */
const WHOLE_CLAUSE_AFTER = 2;

/**
 * The clause around a match, as an exact substring of the sentence: back to the clause's start
 * when it is at most `before` + 5 words away ("Electricity imports from Poland, Slovakia and
 * Romania rose to a record 2,100 megawatts"), else `before` words; `after` words on; never past
 * clause punctuation. A comma between two capitalised words lists names ("Poland, Slovakia"), and
 * ends no clause.
 */
export function clauseAround(sentence: string, start: number, end: number, before = WORDS_BEFORE, after = 8): string {
  const stop = /[;:—–()]|,\s|\.(?=\s|$)/g;
  const listsNames = (at: number) => /\p{Lu}[\p{L}'’.-]*$/u.test(sentence.slice(0, at)) && /^,\s+\p{Lu}/u.test(sentence.slice(at));
  let left = 0;
  for (const match of sentence.slice(0, start).matchAll(stop)) if (!(match[0] === ', ' && listsNames(match.index))) left = match.index + match[0].length;
  const clauseWords = sentence.slice(left, start).trim().split(/\s+/).filter(Boolean).length;
  if (clauseWords <= before + WHOLE_CLAUSE_MORE) before = clauseWords;
  const rightStop = new RegExp(stop.source, 'g');
  rightStop.lastIndex = end;
  const rightMatch = rightStop.exec(sentence);
  const right = rightMatch ? rightMatch.index : sentence.length;
  let from = start;
  for (let words = 0; words < before; words++) {
    const previous = sentence.slice(left, from).trimEnd().search(/\S+$/);
    if (previous < 0) break;
    from = left + previous;
  }
  // Cut short by the word count, the clause starts on a word of its own: not on the rest of a
  // date ("[on] January 25 that the guarantees…"), a common noun bound to the word before it
  // ("[heads of] state and top officials…") or a word that only leads on ("and", "that"); nor on
  // the last of two names joined ("Poland and [Slovakia]…"): it reaches back to the first.
  if (from > left) {
    const date = startsOnDay.exec(sentence.slice(from, start));
    if (date) from += date[0].length;
    for (;;) {
      const word = /^(\S+)\s+/.exec(sentence.slice(from, start));
      const previous = /(\S+)\s+$/.exec(sentence.slice(left, from))?.[1] ?? '';
      if (!word || !((bindsNext.test(previous) && /^\p{Ll}/u.test(word[1]!)) || leadsOn.test(word[1]!))) break;
      from += word[0].length;
    }
    if (/\p{Lu}[\p{L}'’-]*\s+(?:and|or)\s+$/u.test(sentence.slice(left, from)) && /^\p{Lu}/u.test(sentence.slice(from, start))) return clauseAround(sentence, start, end, before + 2, after);
  }
  let to = end;
  const ends: number[] = [];
  for (let words = 0; words < after; words++) {
    const next = /^\s*\S+/.exec(sentence.slice(to, right));
    if (!next) break;
    to += next[0].length;
    ends.push(to);
  }
  // A clause that ends a few words on is taken whole: "…at the end of the third quarter", not "…third".
  if (to < right && sentence.slice(to, right).trim().split(/\s+/).length <= WHOLE_CLAUSE_AFTER) to = right;
  // Cut short by the word count, the clause ends on a word of its own ("…coup has" reads as a
  // sentence broken off): words that only lead into the rest are dropped.
  if (to < right) {
    while (ends.length > 0 && danglingWord.test(sentence.slice(ends.at(-2) ?? end, ends.at(-1)).trim())) {
      ends.pop();
      to = ends.at(-1) ?? end;
    }
  }
  // Nor on a name that qualifies the noun after it: "via the Far Eastern [route]", "in the Kharkiv [region]".
  if (to < right && /\s\p{Lu}[\p{L}'’-]*$/u.test(sentence.slice(end, to))) {
    const noun = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(sentence.slice(to, right));
    if (noun && !danglingWord.test(noun[1]!)) to += noun[0].length;
  }
  // A date is not cut from its year: "the coup of 23 February" in a 2026 brief reads as this year's.
  const year = endsOnDay.test(sentence.slice(from, to)) ? /^,?\s+\d{4}\b/.exec(sentence.slice(to)) : null;
  if (year) to += year[0].length;
  return withoutStrayMarks(sentence.slice(from, to).trim().replace(/[,.;:]+$/, ''));
}

/**
 * A context without a quotation mark at either end whose other half it cut off: “The document is
 * 100% ready” cut to "“The document is 100% ready" shows a quotation that never closes.
 */
function withoutStrayMarks(context: string): string {
  let text = context;
  const straight = (text.match(/"/g) ?? []).length % 2 === 1;
  if (/^[“‘«]/.test(text) && !/[”’»]/.test(text.slice(1))) text = text.slice(1);
  else if (straight && text.startsWith('"')) text = text.slice(1);
  if (/[”»]$/.test(text) && !/[“«]/.test(text)) text = text.slice(0, -1);
  else if (straight && text.endsWith('"') && text.length === context.length) text = text.slice(0, -1);
  return text.trim();
}

const monthNames = MONTH_NAMES.join('|');
/** A text that ends on a day of a month: "23 February", "February 23". */
const endsOnDay = new RegExp(`(?:\\b\\d{1,2}\\s+(?:${monthNames})|\\b(?:${monthNames})\\s+\\d{1,2})$`);
/** A text that starts on a day of a month, and what leads on from it: "January 25 that ", "23 February, ". */
const startsOnDay = new RegExp(`^(?:\\d{1,2}\\s+(?:${monthNames})|(?:${monthNames})\\s+\\d{1,2})\\b,?\\s+(?:that\\s+)?`);
/** A text that ends on a month's name, written out or cut short: "January 25 ministers" is a date, not a count. */
const endsOnMonth = new RegExp(`(${monthNames}|Jan\\.|Feb\\.)\\s*$`);

/** Words bound to the word after them: a clause that starts after one of them starts mid-phrase. */
const bindsNext = /^(?:a|an|the|of|to|in|on|at|by|for|from|with|into|over|under|about|than|its|their|his|her|our|my|your|this|these|those)$/i;

/** Words that join what follows them to what came before: a clause does not start on one. */
const leadsOn = /^(?:and|or|but|nor|that|which|who|whose|whom|than|as|of)$/i;

/** Words that lead into what follows them: a clause cut after one of them is left hanging. */
const danglingWord = /^(?:a|an|the|of|to|in|on|at|by|for|from|with|into|over|under|after|before|about|and|or|but|nor|that|which|who|whose|whom|than|as|has|have|had|is|are|was|were|be|been|being|will|would|could|should|can|may|might|must|shall|its|their|his|her|our|my|your|this|these|those|not)$/i;

/**
 * Whether the text before a number ends on a capitalised word that is not the sentence's first, or
 * on a letter and a hyphen: the number is part of a name ("Power of Siberia 2", "Nord Stream 2",
 * "F-16"), not a count. "Over 30 nations" opens a sentence, and any word does.
 */
function endsOnName(before: string): boolean {
  // A designation: "F-16 jets", "S-400 systems", "Su-34 bombers".
  if (/\p{L}-$/u.test(before)) return true;
  const last = /(?:^|\s)(\S+)\s+$/.exec(before);
  return last !== null && last.index > 0 && /^\p{Lu}[\p{L}-]*$/u.test(last[1]!);
}

const hasDigit = /\d/;

/**
 * Whether the words between a number and the noun it counts (the last of `words`) describe what
 * is counted ("secret", "Russian"), none of them a word that leads on: "84-14 to approve tariffs"
 * is a vote, and counts no tariffs.
 */
function describesCounted(words: readonly string[]): boolean {
  return !words.slice(0, -1).some((word) => danglingWord.test(word));
}

const units: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const spelled: Record<string, number> = {
  ...units,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/**
 * People counted in words, as news writes a number that opens a sentence or one under ten: "Six
 * people were killed", "Thirty-four people were wounded", "killing two children". Only people,
 * and only where the sentence says they were harmed (harmed): "two sides", "three countries" and
 * "two people familiar with the talks" are no figures worth a row.
 */
const spelledCount = new RegExp(
  String.raw`\b(${Object.keys(spelled).filter((word) => word !== 'one').join('|')})(?:-(${Object.keys(units).join('|')}))?\s+((?:[A-Za-z-]+\s+){0,2}?(?:people|civilians|children|soldiers|servicemen|residents|workers|rescuers|firefighters|men|women|pensioners|teenagers|babies))\b`,
  'gi',
);
const harmed = /\b(?:killed|killing|kills|wounded|wounding|injured|injuring|injuries|dead|died|hurt|missing|hospitali[sz]ed|casualties)\b/i;
/** A number that reads as a year: not a count, nor a range's start ("from 2019 to 40 countries"). */
export const isYear = /^(1[89]|20)\d{2}$/;

function amount(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/**
 * Figures in a sentence: percentages, money amounts with their scale, and counts of things.
 * Years, dates and durations are not figures. Each keeps the clause that says what it measures.
 */
export function extractFigures(sentence: string): FoundFigure[] {
  // Every figure but people harmed counted in words has a digit; most sentences have none.
  const digits = hasDigit.test(sentence);
  const counted = harmed.test(sentence);
  if (!digits && !counted) return [];
  const figures: (FoundFigure & { start: number })[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const add = (start: number, end: number, value: string, key: string, unit: string, amount: number) => {
    if (overlaps(start, end)) return;
    taken.push([start, end]);
    // The qualifier goes with the figure, and its clause keeps it: the clause reaches as far back
    // as from the number, and is not cut between the two.
    const qualifier = roughly.exec(sentence.slice(0, start))?.[0] ?? '';
    const words = qualifier.trim().split(/\s+/).filter(Boolean).length;
    const context = clauseAround(sentence, start - qualifier.length, end, WORDS_BEFORE - words);
    figures.push({ value: `${qualifier.replace(/\s+/g, ' ')}${value}`, key, unit, amount, context, start });
  };
  /**
   * A figure from `start` to `end`, or the range ending there (rangeStart) as written, keyed by
   * `rangeKey` of its lower bound: "2-3%", "between 15,000 and 20,000 troops", the change "from 200
   * to 300 tonnes", not its upper bound alone. Its amount is the last number.
   */
  const addWithRange = (start: number, end: number, value: string, key: string, rangeKey: (low: string) => string, unit: string, amount: number) => {
    const from = rangeStart(sentence, start);
    if (from && !overlaps(from.index, end)) add(from.index, end, sentence.slice(from.index, end).trim(), rangeKey(from.low), unit, amount);
    else add(start, end, value, key, unit, amount);
  };
  if (counted) {
    for (const match of sentence.matchAll(spelledCount)) {
      const words = match[3]!.split(/\s+/);
      if (!describesCounted(words)) continue;
      const number = spelled[match[1]!.toLowerCase()]! + (match[2] ? units[match[2].toLowerCase()]! : 0);
      const noun = words.at(-1)!.toLowerCase();
      add(match.index, match.index + match[0].length, match[0].trim(), `${number}:${noun}`, noun, number);
    }
  }
  // The scans below all need a digit.
  if (!digits) return figures.map(({ start: _start, ...figure }) => figure);
  for (const match of sentence.matchAll(percent)) {
    const share = match[1]!;
    addWithRange(match.index, match.index + match[0].length, `${share}%`, `${share}%`, (low) => `${low}-${share}%`, '%', amount(share));
  }
  for (const match of sentence.matchAll(money)) {
    const symbol = match[1] ?? match[7]!;
    const number = match[2] ?? match[5]!;
    const unit = (match[4] ?? match[6] ?? '').toLowerCase();
    const low = amount(number) * (scale[unit] ?? 1);
    const value = match[3] ? amount(match[3]) * (scale[unit] ?? 1) : low;
    const currency = currencies[symbol.toLowerCase()] ?? symbol;
    add(match.index, match.index + match[0].length, match[0].trim(), `${currency}:${match[3] ? `${low}-` : ''}${value}`, currency, value);
  }
  for (const match of sentence.matchAll(count)) {
    const number = match[1]!;
    const words = match[2]!.split(/\s+/);
    const noun = words.at(-1)!;
    // "2.3 million refugees" counts 2.3e6 refugees, as "2,300,000 refugees" does.
    const counted = amount(number) * (scale[words[0]!] ?? 1);
    // "1 person" counts nothing worth a row; "1.5 gigawatts" is a measure.
    if (isYear.test(number) || notCounted.test(noun) || notNouns.test(noun) || (counted < 2 && Number.isInteger(counted))) continue;
    if (!describesCounted(words)) continue;
    // "January 25 ministers" is a date, not a count; "the Power of Siberia 2 gas pipeline" a name.
    if (endsOnMonth.test(sentence.slice(0, match.index)) || endsOnName(sentence.slice(0, match.index))) continue;
    // "26 of the 67 seats" counts 26 seats, of 67.
    const part = partBefore.exec(sentence.slice(0, match.index));
    if (part && !isYear.test(part[1]!)) {
      const end = match.index + match[0].length;
      add(part.index, end, sentence.slice(part.index, end).trim(), `${amount(part[1]!)}/${counted}:${noun}`, noun, amount(part[1]!));
      continue;
    }
    const rangeKey = (low: string) => `${amount(low) * (scale[words[0]!] ?? 1)}-${counted}:${noun}`;
    addWithRange(match.index, match.index + match[0].length, match[0].trim(), `${counted}:${noun}`, rangeKey, noun, counted);
  }
  for (const match of sentence.matchAll(toll)) {
    const number = match[1]!;
    if (isYear.test(number)) continue;
    const end = match.index + match[0].length;
    // Its clause says whose toll it is: from "death toll" (or "toll") on.
    const start = sentence.slice(0, match.index).endsWith('death ') ? match.index - 'death '.length : match.index;
    // "at least 14", as written.
    const value = /(?:at least\s+)?\S+$/i.exec(match[0])![0];
    add(start, end, value, `${amount(number)}:people`, 'people', amount(number));
  }
  // In the order the sentence gives them (a value such as "12.75%" need not be its text: "12.75 per cent").
  return figures.sort((a, b) => a.start - b.start).map(({ start: _start, ...figure }) => figure);
}

/** Where a range ends just before a number (rangeBefore), and its lower bound; none for a year ("from 2019 to 40 countries"). */
function rangeStart(sentence: string, at: number): { index: number; low: string } | undefined {
  const range = rangeBefore.exec(sentence.slice(0, at));
  const low = range?.[1] ?? range?.[2] ?? range?.[3];
  return range && low !== undefined && !isYear.test(low) ? { index: range.index, low } : undefined;
}

const figuresCache = new WeakMap<object, FoundFigure[]>();

/** A passage's figures, worked out once: clustering compares them, and the topic's figures list shows them. */
export function figuresOf(passage: { text: string }): FoundFigure[] {
  let figures = figuresCache.get(passage);
  if (!figures) figuresCache.set(passage, (figures = extractFigures(passage.text)));
  return figures;
}
