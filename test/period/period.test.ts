import { describe, expect, it } from 'vitest';
import { checkPeriodSpec, isoWeekOf, previousPeriod, resolvePeriod } from '../../src/period/period.js';

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
