import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/markdown/escape-markdown.js';
import { parseBriefMarkdown } from '../../src/markdown/parse-brief-markdown.js';
import { parseMarkdown } from '../../src/markdown/parse-markdown.js';
import { repoRoot } from '../helpers.js';

/** micromark's tree without positions: what the fast path must give, when it gives a tree. */
function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'position').map(([key, value]) => [key, withoutPositions(value)]));
  return node;
}

const micromark = (markdown: string) => withoutPositions(parseMarkdown(markdown));

describe('the fast path for briefs’ Markdown', () => {
  const goldens = readdirSync(join(repoRoot, 'test', 'golden')).filter((name) => name.endsWith('.md'));

  it.each(goldens)('reads the golden %s, as micromark does', (name) => {
    const markdown = readFileSync(join(repoRoot, 'test', 'golden', name), 'utf8');
    const fast = parseBriefMarkdown(markdown);
    expect(fast, 'the templates’ own Markdown must not fall back to micromark').toBeDefined();
    expect(fast).toEqual(micromark(markdown));
  });

  it.each([
    ['a hard break (two spaces) and a dropped single space', '**To:** Desk  \n**From:** Europe \nDesk\n'],
    ['many spaces ending a line', `a${' '.repeat(80)}\nb and  c\n`],
    ['an escaped underscore in an image’s address', '![Articles per day](<brief-2026\\_W04-activity.svg>)\n'],
    ['footnote calls side by side, defined below in another case', 'Talks resumed. [^1][^A2]\n\n[^1]: Wire, “T”, 2026-01-19. <https://example.org/a_b*c>\n[^a2]: Desk.\n'],
    ['a nested development and a rule', '- **Topic:** text [^1]\n  - follows *(new)*\n- other\n\n---\n\n[^1]: S.\n'],
    ['a table with an escaped pipe', '| Figure | In context |\n|---|:-:|\n| 40% | a \\| b |\n'],
    ['a star after an escaped one', 'a \\*b* c\n'],
    ['punctuation around runs', '*(new)* and **“quoted”** said *x*.\n'],
  ])('agrees with micromark: %s', (_label, markdown) => {
    const fast = parseBriefMarkdown(markdown);
    expect(fast).toBeDefined();
    expect(fast).toEqual(micromark(markdown));
  });

  it.each([
    ['a lazy continuation line', '- item\ncontinued\n'],
    ['a loose list', '- a\n\n- b\n'],
    ['a run that both opens and closes', 'a*b*c\n'],
    ['a closer meeting an opener of another length', '**a *b**\n'],
    ['underscores', '_a_\n'],
    ['code', 'a `b` c\n'],
    ['an entity', 'AT&amp;T\n'],
    ['a link', '[a](https://example.org)\n'],
    ['a call with no definition', 'a [^9]\n'],
    ['a setext underline', 'Title\n===\n'],
    ['carriage returns', 'a\r\nb\n'],
    ['a delimiter row under a paragraph’s line (a table)', 'Intro\na | b\n:-|-:\n'],
    ['a backslash before a line end (a hard break)', 'a\\\nb\n'],
  ])('leaves %s to micromark', (_label, markdown) => {
    expect(parseBriefMarkdown(markdown)).toBeUndefined();
  });

  // Documents built from the templates' constructs and the characters that change how Markdown
  // reads (runs of stars, escapes, brackets, entities, pipes, trailing spaces): the fast path may
  // decline any of them, but a tree it gives must be micromark's.
  it('property: when it gives a tree, it is micromark’s', () => {
    const atom = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('word', 'Núñez', 'Россия', '中国', '2026', '40%', '€1.5bn', 'a', 'x') },
      { weight: 6, arbitrary: fc.constantFrom(' ', ' ', '  ', '.', ',', ':', ';', '!', '?', '(', ')', '"', '“', '”', '’', '—', '-', '/', '#', '|', '>', '=', '+', '1.') },
      { weight: 6, arbitrary: fc.constantFrom('*word', 'word*', '**word', 'word**', '*(new)*', '(*', '*)', 'x*,', '“*', '*”', '**“q”**', '*', '**', 'a*b') },
      { weight: 1, arbitrary: fc.constant('***') },
      { weight: 2, arbitrary: fc.constantFrom('\\*', '\\_', '\\[', '\\]', '\\\\', '\\|', '\\&', '\\#', '\\a', '\\', '&', '&x', '[^1]', '[^2]', '[^X]', '[^Y]', '[^10]', '<https://a.example/x_y*z>', '![Alt](<a\\_b.svg>)') },
      { weight: 1, arbitrary: fc.constantFrom('_', '__', '~', '`', '&amp;', '&#32;', '<notalink>', '<a@b.example>', '<', '[^9]', '[^1](x)', '[', ']', '![x]', '[l](https://a.example)') },
    );
    // Most texts start with a word, as a template's lines do; some start with anything.
    const text = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Kyiv', 'The', '**Spain:**', '*Note*') }, { weight: 1, arbitrary: atom }), fc.array(fc.tuple(fc.constantFrom(' ', ' ', ' ', ''), atom), { maxLength: 8 })).map(([first, atoms]) => first + atoms.map(([space, a]) => space + a).join(''));
    const lines = (each: fc.Arbitrary<string>, max: number) => fc.array(each, { minLength: 1, maxLength: max }).map((all) => all.join('\n'));
    const item = fc.tuple(text, fc.array(text.map((t) => `  - ${t}`), { maxLength: 2 })).map(([t, nested]) => [`- ${t}`, ...nested].join('\n'));
    const cells = fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |`);
    const block = fc.oneof(
      { weight: 4, arbitrary: lines(text, 3) },
      { weight: 3, arbitrary: lines(item, 4) },
      { weight: 1, arbitrary: text.map((t) => `# ${t}`) },
      { weight: 1, arbitrary: lines(text.map((t) => `> ${t}`), 2) },
      { weight: 1, arbitrary: fc.tuple(cells, fc.constantFrom('|---|---|', '| :- | -: |', '|:-:|---:|'), fc.array(cells, { maxLength: 2 })).map(([head, delimiter, rows]) => [head, delimiter, ...rows].join('\n')) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('1', '2', 'X', 'y'), text, fc.option(text)).map(([label, a, b]) => `[^${label}]: ${a}${b === null ? '' : `\n[^${label}0]: ${b}`}`) },
      { weight: 1, arbitrary: fc.constantFrom('---', '***', '===', '1. x', '    code', '* x', '+ x', '<div>', '```', '[^1]:', ' x', '   ', '  - x', '|---|', ':-|-:', '-|-', 'a | b') },
    );
    const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n');
    let trees = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 6 }), fc.boolean(), (blocks, newline) => {
        const markdown = blocks.map(([b, sep]) => b + sep).join('').replace(/\n+$/, '') + (newline ? '\n' : '');
        const fast = parseBriefMarkdown(markdown);
        if (fast === undefined) return;
        trees++;
        expect(fast).toEqual(micromark(markdown));
      }),
      { numRuns: 6000, seed: 20261207 },
    );
    // Most of these documents are declined (a run that could open and close, a call to nothing):
    // enough must be read for the comparison to mean something.
    expect(trees).toBeGreaterThan(250);
  });

  // Documents as templates write them: blocks apart, sources' text escaped, emphasis around words.
  it('property: reads template-like documents, as micromark does', () => {
    const escaped = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((raw) => escapeMarkdown(raw.replace(/\s+/g, ' ').trim()) || 'x');
    const word = fc.oneof(escaped, fc.constantFrom('Kyiv', 'said', '40%', '“guarantees”', 'Núñez', '(new)', 'AT&T', '[^1]', '[^2]', '<https://a.example/p_q>'));
    const text = fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: word.map((w) => `*${w}*`) }, { weight: 1, arbitrary: word.map((w) => `**${w}:**`) }), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    const block = fc.oneof(
      text.filter((t) => !/^[#>+=\-|`~<[_ ]|^\d|^\*+( |$)/.test(t)),
      fc.array(fc.tuple(text, fc.array(text, { maxLength: 2 })), { minLength: 1, maxLength: 4 }).map((items) => items.map(([t, nested]) => [`- ${t}`, ...nested.map((n) => `  - ${n}`)].join('\n')).join('\n')),
      text.map((t) => `## ${t}`),
      text.map((t) => `> ${t}`),
    );
    let trees = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const markdown = `${blocks.join('\n\n')}\n\n## Sources\n\n[^1]: Wire, “A”, 2026-01-19. <https://a.example/1>\n[^2]: Desk.\n`;
        const fast = parseBriefMarkdown(markdown);
        if (fast === undefined) return;
        trees++;
        expect(fast).toEqual(micromark(markdown));
      }),
      { numRuns: 1500, seed: 20261208 },
    );
    expect(trees).toBeGreaterThan(800); // 919: the rest open an item or a quote with a call or a link, or make a loose list
  });
});
