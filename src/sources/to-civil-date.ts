import { civilDateIn, isCivilDate } from '../period/period.js';

/** A civil date from a date or date-time string, in a time zone; undefined when unreadable. */
export function toCivilDate(value: string, timeZone: string): string | undefined {
  if (isCivilDate(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : civilDateIn(new Date(time), timeZone);
}
