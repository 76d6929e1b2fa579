import { afterEach, describe, expect, it } from 'vitest';
import { toCivilDate } from '../../src/sources/to-civil-date.js';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('toCivilDate', () => {
  it.each(['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Kolkata'])('gives a date-time without a zone the date it states, on a machine in %s', (zone) => {
    process.env.TZ = zone;
    expect(toCivilDate('2026-01-21 23:30:00', 'UTC')).toBe('2026-01-21');
    expect(toCivilDate('2026-01-21T00:15', 'Europe/Kyiv')).toBe('2026-01-21');
    expect(toCivilDate('January 21, 2026 11:30 PM', 'UTC')).toBe('2026-01-21');
    expect(toCivilDate('Wed, 21 Jan 2026 00:30:00', 'Asia/Tokyo')).toBe('2026-01-21');
    // With a zone or offset, the instant's date in the zone asked for, on any machine.
    expect(toCivilDate('2026-01-21T23:30:00-05:00', 'UTC')).toBe('2026-01-22');
    expect(toCivilDate('2026-01-21T23:30:00Z', 'America/New_York')).toBe('2026-01-21');
    expect(toCivilDate('Wed, 21 Jan 2026 23:30:00 +0200', 'UTC')).toBe('2026-01-21');
    expect(toCivilDate('Wed, 21 Jan 2026 23:30:00 GMT', 'Asia/Tokyo')).toBe('2026-01-22');
    expect(toCivilDate('Tue Jan 20 2026 23:00:00 GMT+0100 (Central European Standard Time)', 'UTC')).toBe('2026-01-20');
    expect(toCivilDate('21 Jan 2026 23:30 EST', 'UTC')).toBe('2026-01-22');
    expect(toCivilDate('2026-01-21', 'Asia/Tokyo')).toBe('2026-01-21');
    expect(toCivilDate('not a date', 'UTC')).toBeUndefined();
  });
});
