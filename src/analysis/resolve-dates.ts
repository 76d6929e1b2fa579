import { newsChrono } from '../text/news-chrono.js';
import { addDays, MONTH_NAMES } from '../period/period.js';

/** Weekday names, indexed as `Date#getUTCDay` counts them (Sunday 0). */
export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const bareWeekday = new RegExp(`^(?:on\\s+)?(last\\s+|this\\s+|next\\s+)?(${weekdays.join('|')})(?:\\s+(?:morning|afternoon|evening|night))?$`, 'i');
/** Words that put a date in the future, so a bare weekday means the coming one. */
const futureTense = /\b(will|is due|are due|to be held|next|upcoming|scheduled|is expected to|are expected to|plans? to|takes? effect|comes? into force|begins?|starts?|resumes?|opens?|expires?)\b/i;
/**
 * A verb in -ed: a lower-case word, not the second half of a compound ("UN-backed talks",
 * "Russian-occupied areas" describe; they report nothing) nor a name ("Ahmed"). The patterns that
 * use it are case-sensitive: the words next to a date stand mid-sentence, in lower case.
 */
const edVerb = String.raw`(?<![\w-])[a-z]\w*ed`;
/** Verbs in the past tense that follow a date in news: irregular ones, and any in -ed. */
const pastVerbs = String.raw`said|told|met|spoke|held|began|visited|signed|declared|was|were|had|won|lost|fell|rose|struck|hit|shot|${edVerb}`;
/**
 * The first verb that gives a tense after a date that opens its sentence ("On Tuesday, ministers
 * agreed…"): a future (group 1: "will", "is due") or a past (group 2: "agreed", "said"). A word in
 * -ed after an article or an adverb ("the newly elected parliament") is no verb.
 */
const firstTenseAfter = new RegExp(String.raw`\b(will|shall|is due|are due|is expected to|are expected to|is set to|are set to|plans? to)\b|(?<!\b(?:the|a|an|newly|recently|democratically|so-called)\s)\b(${pastVerbs})\b`);
/** A past-tense verb right after a date ("Russia on Monday launched…", "Talks on Tuesday ended…") fixes it in the past. */
const pastVerbAfter = new RegExp(String.raw`^\s+(?:also\s+|again\s+|reportedly\s+)?(?:${pastVerbs})\b`);
/**
 * A past-tense verb just before a date ("said on Tuesday", "met Monday", "won Sunday's election")
 * fixes it in the past; not after a modal or "to", where "hit" is no past ("Russia will hit Kyiv
 * on Friday", "plans to hit…"), nor before "to" ("are expected to meet on Friday").
 */
const pastVerbBefore = new RegExp(String.raw`(?<!\b(?:will|would|shall|should|can|could|may|might|must|to)\s)\b(says|announced|confirmed|reported|stated|added|${pastVerbs})(?!\s+to\s)\s+(?:\w+\s+){0,2}$`);
/**
 * Date words chrono may read that name a day: a month, a weekday, or a numeric date (3/2,
 * 03.02. or 03.02.2026, 2026-02-03). Durations ("a week") do not, and neither do decimals: chrono
 * reads "for 12.5 hours" as a time tomorrow. Months are chrono's own names for them (its
 * MONTH_DICTIONARY: "jan", "jan.", "january", "sept"…): a word that merely starts like one
 * ("decision", "market", "mayor") is none, and a sentence with no other names no day.
 */
const namesADay = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b|\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\b\d{1,2}\/\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.(?:\d{2,4}\b)?|\b\d{4}-\d{2}-\d{2}\b/i;

/**
 * The day before the article's own, as news names it: "yesterday", "last night". ("Today" and
 * "tomorrow" are as often "nowadays" and "the future", and chrono's parser of them is left out.)
 */
const dayBefore = /\b(?:yesterday|last night)\b/gi;

/** Days before the article's own, counted: "two days ago", "3 days ago" (a week at most: beyond, news rounds). */
const daysAgo = /\b(one|two|three|four|five|six|seven|[1-7])\s+days?\s+ago\b/gi;
const dayCounts: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/** A date in figures: 3/2, 3/2/2026, 03.02.2026. */
const numericDate = /^(\d{1,2})([./])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?$/;

/**
 * A date in figures as the writer meant it, or undefined when that cannot be known. Dots are
 * day.month (03.02.2026 is 3 February, as in every country that writes them; chrono reads it as
 * 2 March). With slashes, 25/1 and 1/25 can only be 25 January, but 3/2 is 3 February in Kyiv and
 * London and 2 March in Washington, so it dates nothing.
 */
function readNumericDate([, first, separator, second, written]: RegExpExecArray, inferred: number): string | undefined {
  const [a, b] = [Number(first), Number(second)];
  if (separator === '/' && a <= 12 && b <= 12 && a !== b) return undefined;
  const [day, month] = separator === '.' || a > 12 ? [a, b] : [b, a];
  // The year as written ("26" is 2026), else the one chrono took (the nearest to the article's date).
  const year = written === undefined ? inferred : written.length === 2 ? 2000 + Number(written) : Number(written);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString().slice(0, 10) : undefined;
}

/** Words before a date that make it the day an event was due: "due on", "scheduled for", "set to open on". */
const dueOn = /\b(?:due|scheduled|planned|set|slated|expected)\s+(?:to\s+\w+\s+)?(?:on|for)?\s*$/i;
/** Verbs that move an event to another day. */
const movedVerbs = String.raw`postponed|delayed|put off|pushed back|rescheduled|deferred|brought forward`;
/** Words before a date that name the day an event was moved away from: "postponed from Thursday". */
const movedFrom = new RegExp(String.raw`\b(?:${movedVerbs}|moved)\s+from\s*$`, 'i');
/** Words that say an event did not take place on the day it was due: moved, or called off. */
const fellThrough = new RegExp(String.raw`\b(?:${movedVerbs}|cancell?ed|called off|scrapped|suspended)\b`, 'i');

/**
 * Whether the date at `index` (its words `text`) is a day the sentence says an event was due on
 * and did not take place: "The vote, due on Thursday, was postponed", "Thursday's vote was called
 * off", "postponed from Thursday to March 3" (Thursday; 3 March is the new day, and stands).
 */
function calledOffOn(sentence: string, index: number, text: string): boolean {
  const before = sentence.slice(0, index);
  if (movedFrom.test(before)) return true;
  const possessive = /^['’]s\b/.test(sentence.slice(index + text.length));
  return (possessive || dueOn.test(before)) && fellThrough.test(sentence);
}

/**
 * Words before a date that make it the end of a span, not an event's day: "the ninth attack since
 * February 1", "extended until May 5", "in the year to January 5".
 */
const spanEnd = /\b(?:since|until|till|up to|through|in the (?:week|month|year|quarter|days?) to)\s*$/i;

/** A date found in a sentence, resolved to a civil date, with the words that gave it. */
export interface FoundDate {
  date: string;
  text: string;
  /** The day an event was due on that the sentence says did not take place then ("due on Thursday, was postponed"). */
  calledOff: boolean;
  /** The date bounds a span ("since February 1", "until Friday"): the sentence reports no event on it. */
  bound: boolean;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * Resolves a weekday against the article's date, as news is written: "said Monday" and
 * "last Tuesday" are the most recent such day (before the article's own day for "last"), "will
 * meet on Thursday" and "next Thursday" the coming one, "this Friday" the one of the article's
 * own week (Monday to Sunday).
 */
function resolveWeekday(modifier: string, day: string, published: string, future: boolean): string {
  const target = weekdays.indexOf(day.toLowerCase());
  const today = weekdayOf(published);
  const mod = modifier.trim().toLowerCase();
  // Days of the week counted from Monday (0) to Sunday (6).
  const fromMonday = (weekday: number) => (weekday + 6) % 7;
  if (mod === 'this') return addDays(published, fromMonday(target) - fromMonday(today));
  if (mod === 'next' || (future && mod !== 'last')) return addDays(published, ((target - today + 7) % 7) || 7);
  const back = (today - target + 7) % 7;
  return addDays(published, -(mod === 'last' && back === 0 ? 7 : back));
}

/**
 * Finds dated references in a sentence and resolves them against the article's publication date
 * (chrono-node parses; weekdays follow news usage). Only day-precise dates are kept: "in 2025"
 * or "in February" do not place an event on a timeline.
 */
export function findDates(sentence: string, published: string, chrono: Pick<typeof newsChrono, 'parse'> = newsChrono): FoundDate[] {
  // chrono costs milliseconds a sentence; one that names no day cannot yield a kept date.
  const relative = published ? [...sentence.matchAll(dayBefore), ...sentence.matchAll(daysAgo)] : [];
  if (!published || (relative.length === 0 && !namesADay.test(sentence))) return [];
  const reference = new Date(`${published}T12:00:00Z`);
  // Each with where it stands, so the days before the article's own ("yesterday") take their place among chrono's.
  const found: (FoundDate & { index: number })[] = [];
  for (const result of chrono.parse(sentence, { instant: reference, timezone: 0 })) {
    // chrono keeps the punctuation after a date ("on Monday," in "signed on Monday, takes effect").
    const text = result.text.trim().replace(/[,;:]+$/, '');
    if (!namesADay.test(text)) continue;
    // Tense is read next to the date: in "Sánchez said on Tuesday that Spain will not join", Tuesday
    // is past, and so it is in "On Tuesday, Sánchez said that Spain will not join", where the verb follows.
    const before = sentence.slice(0, result.index);
    const opening = /^\s*["“‘]?\s*$/.test(before) ? firstTenseAfter.exec(sentence.slice(result.index + result.text.length)) : null;
    // Right after the date, before any comma ("on Thursday, officials said" says nothing of Thursday).
    const pastAfter = pastVerbAfter.test(sentence.slice(result.index + text.length));
    const future = opening ? opening[1] !== undefined : !pastVerbBefore.test(before) && !pastAfter && futureTense.test(sentence);
    const calledOff = calledOffOn(sentence, result.index, text);
    const bound = spanEnd.test(before);
    const weekday = bareWeekday.exec(text);
    if (weekday) {
      found.push({ date: resolveWeekday(weekday[1] ?? '', weekday[2]!, published, future), text, calledOff, bound, index: result.index });
      continue;
    }
    if (!result.start.isCertain('day') || !result.start.isCertain('month')) continue;
    const numeric = numericDate.exec(text);
    if (numeric) {
      const date = readNumericDate(numeric, result.start.get('year') ?? reference.getUTCFullYear());
      if (date) found.push({ date, text, calledOff, bound, index: result.index });
      continue;
    }
    found.push({ date: result.start.date().toISOString().slice(0, 10), text, calledOff, bound, index: result.index });
  }
  if (relative.length > 0) {
    for (const match of relative) {
      const count = match[1] === undefined ? 1 : (dayCounts[match[1].toLowerCase()] ?? Number(match[1]));
      const before = sentence.slice(0, match.index);
      found.push({ date: addDays(published, -count), text: match[0], calledOff: calledOffOn(sentence, match.index, match[0]), bound: spanEnd.test(before), index: match.index });
    }
    found.sort((a, b) => a.index - b.index);
  }
  return found.map(({ index: _index, ...date }) => date);
}

/** Weeks or more before the article, said so: "three weeks ago", "a month ago", "two years ago". */
const longAgo = /\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|\d+)\s+(?:weeks|months|years)|a\s+(?:month|year))\s+ago\b/i;
const monthNames = MONTH_NAMES.map((month) => month.toLowerCase());
/** A month in full or cut to three letters (and "Sept"), with or without a full stop. */
const monthWord = String.raw`(?:${monthNames.join('|')}|(?:${monthNames.map((month) => month.slice(0, 3)).join('|')}|sept)\.?)`;
/** A day of a month either way round, with its year if written: "Feb. 14", "14 February 2026", "February 14th, 2026". */
const monthDay = new RegExp(String.raw`\b(?:(${monthWord})\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${monthWord}))(?:,?\s+(\d{4}))?(?![\w-])`, 'gi');
const namesMonthDay = new RegExp(monthDay.source, 'i');
/** Words that date an event within days of the article: a weekday, "yesterday", "two days ago", "this week". */
const recentDay = new RegExp(String.raw`\b(?:${weekdays.join('|')}|yesterday|today|tonight|overnight|last night|this (?:week|morning|afternoon|evening)|(?:one|two|three|four|five|six|seven|[1-7])\s+days?\s+ago)\b`, 'i');

/** The day a month and day name, in the year written, or else the year that puts it nearest the article's date. */
function dayOf(month: number, day: number, year: number | undefined, published: string): string | undefined {
  const at = (y: number) => new Date(Date.UTC(y, month, day));
  const reference = Date.parse(`${published}T00:00:00Z`);
  const own = Number(published.slice(0, 4));
  const date = year !== undefined ? at(year) : [own - 1, own, own + 1].map(at).sort((a, b) => Math.abs(a.getTime() - reference) - Math.abs(b.getTime() - reference))[0]!;
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date.toISOString().slice(0, 10) : undefined;
}

/**
 * Whether a sentence reports only what happened before `since`: it says so ("A similar strike
 * three weeks ago cut power…"), or every day of a month it gives is before it ("The last round,
 * held in Istanbul on Feb. 14, ended…"), and it names no day within days of the article ("…,
 * customs data showed on Tuesday"). History, not the period's news. A date after "of" names what
 * a noun is, not when the sentence's event was: "The government has declassified documents on the
 * attempted coup of 23 February 1981" is news; so is a date that bounds a span ("since February
 * 1"). Read without chrono: only days of months need reading, and most sentences name none.
 */
export function happenedBefore(sentence: string, published: string, since: string): boolean {
  const said = longAgo.test(sentence);
  if (!said && !namesMonthDay.test(sentence)) return false;
  if (recentDay.test(sentence)) return false;
  const dates: string[] = [];
  for (const match of sentence.matchAll(monthDay)) {
    const before = sentence.slice(0, match.index);
    if (/\bof\s+$/i.test(before) || spanEnd.test(before)) continue;
    const name = (match[1] ?? match[4]!).toLowerCase().slice(0, 3);
    const date = dayOf(monthNames.findIndex((month) => month.startsWith(name)), Number(match[2] ?? match[3]), match[5] === undefined ? undefined : Number(match[5]), published);
    if (date !== undefined) dates.push(date);
  }
  if (dates.some((date) => date >= since)) return false;
  return said || dates.length > 0;
}

/**
 * Whether a date names an event the sentence's own refers to: a day in the possessive after a
 * preposition ("the death toll from Tuesday's strike", "after Monday's talks"). "Tuesday's strike
 * killed nine" and "the PP won Sunday's election" date their sentence's event.
 */
export function namesAnEarlierEvent(sentence: string, date: string): boolean {
  const at = sentence.indexOf(date);
  return at > 0 && /^['’]s\b/.test(sentence.slice(at + date.length)) && /\b(?:from|after|since|following|during|in|of|over|about|on|at|to)\s+(?:the\s+|last\s+)?$/i.test(sentence.slice(0, at));
}
