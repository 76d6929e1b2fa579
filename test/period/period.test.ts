import { describe, expect, it } from 'vitest';
import { checkPeriodSpec, civilDateIn, isoWeekOf, previousPeriod, resolvePeriod } from '../../src/period/period.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-01-19', '2026-W04'],
    ['2026-01-01', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2020-12-31', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-12-31', '2026-W53'],
  ])('%s is in %s', (date, week) => expect(isoWeekOf(date)).toBe(week));

  it.each([
    ['2026-W04', '2026-01-19', '2026-01-25'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
  ])('%s runs %s to %s', (week, from, to) => expect(resolvePeriod({ week }, new Date(0))).toEqual({ kind: 'week', label: week, from, to }));

  it('refuses weeks that do not exist', () => {
    expect(checkPeriodSpec({ week: '2025-W53' })).toMatch(/not an ISO week/);
    expect(checkPeriodSpec({ week: '2026-W00' })).toMatch(/not an ISO week/);
  });
});

describe('default periods are the last complete one before now', () => {
  const wednesday = new Date('2026-01-28T10:00:00Z');
  it('week', () => expect(resolvePeriod('week', wednesday)).toMatchObject({ label: '2026-W04', from: '2026-01-19', to: '2026-01-25' }));
  it('month', () => expect(resolvePeriod('month', wednesday)).toMatchObject({ label: '2025-12', from: '2025-12-01', to: '2025-12-31' }));
  it('day', () => expect(resolvePeriod('day', wednesday)).toMatchObject({ label: '2026-01-27' }));
  it('in the brief time zone: Monday 00:30 in Tokyo is still Sunday in UTC', () => {
    const instant = new Date('2026-01-25T15:30:00Z');
    expect(resolvePeriod('week', instant, 'Asia/Tokyo').label).toBe('2026-W04');
    expect(resolvePeriod('week', instant, 'UTC').label).toBe('2026-W03');
  });
});

describe('ranges and months', () => {
  it('labels a custom range from_to', () => expect(resolvePeriod({ from: '2026-01-19', to: '2026-02-01' }, new Date(0)).label).toBe('2026-01-19_2026-02-01'));
  it('knows month lengths', () => expect(resolvePeriod({ month: '2024-02' }, new Date(0)).to).toBe('2024-02-29'));
  it('refuses a range that ends before it starts', () => expect(checkPeriodSpec({ from: '2026-02-01', to: '2026-01-01' })).toMatch(/ends .* before it starts/));
  it('finds the previous period', () => {
    expect(previousPeriod(resolvePeriod({ week: '2026-W01' }, new Date(0))).label).toBe('2025-W52');
    expect(previousPeriod(resolvePeriod({ from: '2026-01-19', to: '2026-02-01' }, new Date(0))).label).toBe('2026-01-05_2026-01-18');
  });
});

describe('time zones and daylight saving', () => {
  // Monday 2026-01-26 00:30 in Auckland (UTC+13) is still Sunday 25th in UTC and in Los Angeles.
  const instant = new Date('2026-01-25T11:30:00Z');
  it.each([
    ['Pacific/Auckland', 'week', '2026-W04'],
    ['UTC', 'week', '2026-W03'],
    ['America/Los_Angeles', 'week', '2026-W03'],
    ['Pacific/Auckland', 'day', '2026-01-25'],
    ['America/Los_Angeles', 'day', '2026-01-24'],
  ] as const)('%s, %s → %s', (zone, spec, label) => expect(resolvePeriod(spec, instant, zone).label).toBe(label));

  it('the day after a spring-forward night is still one day (Europe/Madrid, 29 March 2026)', () => {
    expect(resolvePeriod('day', new Date('2026-03-30T06:00:00Z'), 'Europe/Madrid')).toMatchObject({ label: '2026-03-29', from: '2026-03-29', to: '2026-03-29' });
  });

  it('the week that holds a fall-back night is seven days (America/New_York, 1 November 2026)', () => {
    expect(resolvePeriod('week', new Date('2026-11-02T12:00:00Z'), 'America/New_York')).toMatchObject({ label: '2026-W44', from: '2026-10-26', to: '2026-11-01' });
  });

  it('the last complete month across a year boundary, east of UTC', () => {
    expect(resolvePeriod('month', new Date('2026-12-31T23:30:00Z'), 'Asia/Tokyo')).toMatchObject({ label: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(resolvePeriod('month', new Date('2026-12-31T23:30:00Z'), 'UTC')).toMatchObject({ label: '2026-11' });
  });
});

describe('civil dates of instants', () => {
  /** What civilDateIn computed before its UTC shortcut and formatter reuse: a fresh Intl formatter. */
  const byIntl = (instant: Date, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
  const instants = [
    ...['1000-01-01T00:00:00Z', '0999-12-31T23:59:59Z', '9999-12-31T23:59:59.999Z', '+010000-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2026-01-18T23:30:00Z', '2026-01-19T00:00:00Z'].map((s) => new Date(s)),
    ...Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 7_919_993_171)),
  ];

  for (const zone of ['UTC', 'Europe/Madrid', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
    it(`in ${zone}, as a fresh Intl formatter reads them`, () => {
      expect(instants.map((instant) => civilDateIn(instant, zone))).toEqual(instants.map((instant) => byIntl(instant, zone)));
    });
  }

  it('resolves late on Sunday in UTC and early Monday in Kiritimati to different days', () => {
    const instant = new Date('2026-01-18T23:30:00Z');
    expect(civilDateIn(instant, 'UTC')).toBe('2026-01-18');
    expect(civilDateIn(instant, 'Pacific/Kiritimati')).toBe('2026-01-19');
  });
});
