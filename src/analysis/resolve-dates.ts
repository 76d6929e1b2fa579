import * as chrono from 'chrono-node';
import { addDays } from '../period/period.js';

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const bareWeekday = /^(?:on\s+)?(last\s+|this\s+|next\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i;
/** Words that put a sentence in the future, so a bare weekday means the coming one. */
const futureTense = /\b(will|is due|are due|to be held|next|upcoming|scheduled|is expected to|are expected to|plans? to)\b/i;

/** A date found in a sentence, resolved to a civil date, with the words that gave it. */
export interface FoundDate {
  date: string;
  text: string;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * Resolves a weekday against the article's date, as news is written: "said Monday" and
 * "last Tuesday" are the most recent such day (before the article's own day for "last"), "will
 * meet on Thursday" and "next Thursday" the coming one.
 */
function resolveWeekday(modifier: string, day: string, published: string, future: boolean): string {
  const target = weekdays.indexOf(day.toLowerCase());
  const today = weekdayOf(published);
  const mod = modifier.trim().toLowerCase();
  if (mod === 'next' || (future && mod !== 'last')) return addDays(published, ((target - today + 7) % 7) || 7);
  const back = (today - target + 7) % 7;
  return addDays(published, -(mod === 'last' && back === 0 ? 7 : back));
}

/**
 * Finds dated references in a sentence and resolves them against the article's publication date
 * (chrono-node parses; weekdays follow news usage). Only day-precise dates are kept: "in 2025"
 * or "in February" do not place an event on a timeline.
 */
export function findDates(sentence: string, published: string): FoundDate[] {
  if (!published) return [];
  const future = futureTense.test(sentence);
  const reference = new Date(`${published}T12:00:00Z`);
  const found: FoundDate[] = [];
  for (const result of chrono.parse(sentence, { instant: reference, timezone: 0 }, { forwardDate: future })) {
    const text = result.text.trim();
    const weekday = bareWeekday.exec(text);
    if (weekday) {
      found.push({ date: resolveWeekday(weekday[1] ?? '', weekday[2]!, published, future), text });
      continue;
    }
    if (!result.start.isCertain('day') || !result.start.isCertain('month')) continue;
    found.push({ date: result.start.date().toISOString().slice(0, 10), text });
  }
  return found;
}
