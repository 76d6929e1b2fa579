import { describe, expect, it } from 'vitest';
import { datelineLength, findDateline } from '../../src/sources/dateline.js';

const november = new Date('2026-11-22T12:00:00Z');

describe('datelines', () => {
  it.each([
    ['PARIS, Jan. 14 — Leaders met on Tuesday.', '2026-01-14', false],
    ['KYIV, Ukraine, January 14, 2026 -- Leaders met on Tuesday.', '2026-01-14', true],
    // The wire's name in brackets, as Reuters writes it.
    ['MADRID, Jan 22 (Reuters) - Sánchez said on Thursday the budget would come in March.', '2026-01-22', false],
    // Read in November, "Jan 22" is this January's, not next January's (chrono takes the nearest).
    ['MADRID, Jan 22 (Wire Service) - Sánchez spoke.', '2026-01-22', false],
    ['BRUSSELS, Nov. 20 - Ministers met.', '2026-11-20', false],
    // The place as a name, not in capitals: read when a date follows it.
    ['Kyiv, Jan 22 – Russia launched 40 drones overnight.', '2026-01-22', false],
    ['New York, January 14, 2026 -- Diplomats met.', '2026-01-14', true],
  ])('%j is dated %s (year given: %s)', (paragraph, date, hasYear) => {
    expect(findDateline(paragraph, november)).toEqual({ date, hasYear });
  });

  it('gives no date where it names none, or is no dateline', () => {
    expect(findDateline('KYIV, Ukraine (AP) — Russia launched 40 drones overnight.', november)).toBeUndefined();
    expect(findDateline('BRUSSELS — The Commission proposed the loan.', november)).toBeUndefined();
    expect(findDateline('Spain said on Jan 22 - a Thursday - that it would not join.', november)).toBeUndefined();
  });

  it.each([
    ['MADRID, Jan 22 (Reuters) - Sánchez said on Thursday the budget would come in March.', 'Sánchez said on Thursday the budget would come in March.'],
    ['KYIV, Ukraine (AP) — Russia launched 40 drones overnight.', 'Russia launched 40 drones overnight.'],
    ['PARIS, Jan. 14 — Leaders met on Tuesday.', 'Leaders met on Tuesday.'],
    // A place alone in capitals before a dash, as Politico and the New York Times write it.
    ['BRUSSELS — The European Investment Bank signed €1.5bn on Thursday.', 'The European Investment Bank signed €1.5bn on Thursday.'],
    ['KHARKIV — Russian drones struck two substations overnight.', 'Russian drones struck two substations overnight.'],
    ['NEW YORK - Diplomats met at the UN.', 'Diplomats met at the UN.'],
    // But not an aside after a name, nor an acronym shorter than a place, nor one going on in lower case.
    ['NATO — the alliance — said it would not comment.', 'NATO — the alliance — said it would not comment.'],
    ['NATO — The alliance — said it would not comment.', 'NATO — The alliance — said it would not comment.'],
    ['EU — Ministers met.', 'EU — Ministers met.'],
    ['US officials said on Monday that talks would resume.', 'US officials said on Monday that talks would resume.'],
    ['Kyiv, Jan 22 – Russia launched 40 drones overnight.', 'Russia launched 40 drones overnight.'],
    ['Kyiv (Reuters) - Russia launched 40 drones overnight.', 'Russia launched 40 drones overnight.'],
    // A name before a dash, or a place and a region alone, opens a sentence as easily as a dateline.
    ['Kyiv, Ukraine — and its allies — will meet again.', 'Kyiv, Ukraine — and its allies — will meet again.'],
    ['Zelensky - who spoke on Jan 22 - said the text was ready.', 'Zelensky - who spoke on Jan 22 - said the text was ready.'],
    ['Russia launched drones (again) - officials said.', 'Russia launched drones (again) - officials said.'],
  ])('%j reads on from %j', (paragraph, rest) => {
    expect(paragraph.slice(datelineLength(paragraph))).toBe(rest);
  });
});
