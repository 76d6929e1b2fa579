import { describe, expect, it } from 'vitest';
import { helpers } from '../../src/markdown/handlebars-env.js';

// Handlebars passes an options object last; the tests do too.
const options = {};

describe('template helpers', () => {
  it.each([
    ['cite', [[{ ref: 1 }, { ref: 3 }]], '[^1][^3]'],
    ['cite', ['not a list'], ''],
    ['plural', [1, 'article', options], '1 article'],
    ['plural', [17, 'article', options], '17 articles'],
    ['plural', [2, 'country', 'countries', options], '2 countries'],
    ['ordinal', [1], '1st'],
    ['ordinal', [2], '2nd'],
    ['ordinal', [3], '3rd'],
    ['ordinal', [11], '11th'],
    ['ordinal', [112], '112th'],
    ['ordinal', [23], '23rd'],
    ['date', ['2026-01-25', options], '25 January 2026'],
    ['date', ['2026-01-25', 'short', options], '25 Jan 2026'],
    ['date', ['2026-01-25', 'weekday', options], 'Sunday 25 January 2026'],
    ['date', ['2026-01-25', 'month', options], 'January 2026'],
    ['date', ['2026-01-25', 'iso', options], '2026-01-25'],
    ['date', ['soon', options], 'soon'],
    ['join', [['a', 'b'], options], 'a, b'],
    ['join', [['a', 'b'], '; ', options], 'a; b'],
    ['percent', [0.912, options], '91%'],
    ['percent', [0.912, 1, options], '91.2%'],
    ['limit', [[1, 2, 3, 4], 3, options], [1, 2, 3]],
    // The strongest by rank, kept in the list's order.
    ['strongest', [[{ rank: 3 }, { rank: 1 }, { rank: 4 }, { rank: 2 }], 2, options], [{ rank: 1 }, { rank: 2 }]],
    ['strongest', [[{ rank: 3, t: 'a' }, { rank: 1, t: 'b' }, { rank: 2, t: 'c' }], 2, options], [{ rank: 1, t: 'b' }, { rank: 2, t: 'c' }]],
    ['strongest', [[{ rank: 2, t: 'a' }, { rank: 3, t: 'b' }, { rank: 1, t: 'c' }], 2, options], [{ rank: 2, t: 'a' }, { rank: 1, t: 'c' }]],
    ['strongest', ['not a list', 2, options], []],
    ['eq', ['a', 'a', options], true],
    ['eq', [1, '1', options], false],
    ['and', [true, 1, options], true],
    ['and', [true, 0, options], false],
    ['or', [false, '', 'x', options], true],
    ['not', [''], true],
  ] as [keyof typeof helpers, unknown[], unknown][])('%s(%j)', (name, args, expected) => {
    expect((helpers[name] as (...a: unknown[]) => unknown)(...args)).toEqual(expected);
  });
});
