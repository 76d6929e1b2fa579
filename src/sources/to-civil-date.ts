import { civilDateIn, isCivilDate } from '../period/period.js';

/**
 * A zone or offset ending a date-time, as Date.parse reads them: "Z", "+02:00", "-0500", "GMT",
 * "UTC", "EST", "GMT+0100 (CET)".
 */
const zoned = /(?:\d[zZ]|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b)\s*(?:\([^)]*\))?\s*$/i;

/**
 * A civil date from a date or date-time string, in a time zone; undefined when unreadable. A
 * date-time with no zone or offset ("2026-01-21 23:30", "January 21, 2026 11:30 PM") is a wall-clock
 * time where it was written: its date is the one it states, on any machine, not the day that time
 * falls on in this machine's zone (which Date.parse reads it in, and whose calendar fields so give
 * the stated date back).
 */
export function toCivilDate(value: string, timeZone: string): string | undefined {
  if (isCivilDate(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const instant = new Date(time);
  if (zoned.test(value.trim())) return civilDateIn(instant, timeZone);
  const stated = [instant.getFullYear(), instant.getMonth() + 1, instant.getDate()];
  return `${String(stated[0]).padStart(4, '0')}-${String(stated[1]).padStart(2, '0')}-${String(stated[2]).padStart(2, '0')}`;
}
