import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefError } from '../../src/errors.js';
import { plainMapping } from '../../src/yaml/plain-mapping.js';
import { parseYaml } from '../../src/yaml/read-yaml.js';
// @ts-expect-error: plain-JS modules of the bench, without types
import { markdownOf } from '../../bench/make-corpus.js';
// @ts-expect-error: plain-JS modules of the bench, without types
import { syntheticArticles } from '../../bench/synthetic-corpus.js';
import { repoRoot } from '../helpers.js';

/** The parser's reading of a text (parseYaml, as articles' front matter is read), or 'error'. */
function parsed(text: string): unknown {
  try {
    return parseYaml(text, 'a.md').value;
  } catch (error) {
    if (error instanceof BriefError) return 'error';
    throw error;
  }
}

const frontMatterOf = (text: string) => /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text)?.[1] ?? '';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));
}

// Pieces of keys and values, chosen around what YAML reads otherwise than as text: indicators,
// comments, nested mappings, quotes and escapes, the core schema's nulls, booleans and numbers,
// whitespace and characters YAML treats specially.
const keys = ['title', 'publisher', 'url', 'published', 'author', 'a', 'Title', 'x-y', 'x_y', 'true', 'Null', 'a b', '__proto__', 'k'.repeat(70), '1a', '', '-a', '?a', '"t"'];
const words = ['Kyiv', 'talks', ' ', 'in', 'Madrid', 'é', '2026', 'Oil'];
const fragments = [
  ' ', '  ', '日本', '🇺🇦', '#', ' #', ' # x', ':', ': ', ':x', '-', '- ', '?', ',', '[', ']', '{', '}', '&a', '*a', '!', '!!str ',
  '|', '>', '%', '@', '`', "'", '"', '\\', '\\n', '\t', '\u2028', '\u0085', '\ufeff', '\u00a0', '~', 'null', 'NULL', 'true', 'False', 'yes', '1', '-1', '+1',
  '1.5', '1.', '.5', '1e3', '1_000', '0x1F', '0o17', '0b1', '.inf', '-.Inf', '.nan', '2026-01-24', '2026-01-24T10:00:00Z', '12:30', 'https://example.org/a?b=c#d', '...', '---',
];
const lineEnds = ['\r\n', '\r', '\n\n', '\n  '];

const textArbitrary = fc
  .array(
    fc.record({
      key: fc.oneof({ arbitrary: fc.constantFrom(...keys.slice(0, 5)), weight: 3 }, fc.constantFrom(...keys)),
      separator: fc.oneof({ arbitrary: fc.constant(': '), weight: 3 }, fc.constantFrom(':  ', ':', ' : ', ':\t')),
      // Mostly words, so that many texts are ones the reader answers; a tricky piece now and then.
      value: fc
        .array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 6 }, fc.constantFrom(...fragments)), { minLength: 0, maxLength: 4 })
        .map((parts) => parts.join('')),
      quote: fc.constantFrom('', '', '"', "'"),
      end: fc.oneof({ arbitrary: fc.constant('\n'), weight: 3 }, fc.constantFrom(...lineEnds)),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((entries) => entries.map(({ key, separator, value, quote, end }, index) => `${key}${separator}${quote}${value}${quote}${index < entries.length - 1 ? end : ''}`).join(''));

describe('plainMapping: front matter read without the YAML parser', () => {
  it('reads a text exactly as the parser does, or leaves it to the parser', () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(textArbitrary, (text) => {
        total += 1;
        const mapping = plainMapping(text);
        if (mapping === undefined) return;
        answered += 1;
        expect(mapping).toStrictEqual(parsed(text));
      }),
      { numRuns: 4000, seed: 20261122 },
    );
    // Not a test that passes by leaving everything to the parser.
    expect(answered).toBeGreaterThan(total / 10);
  });

  it('reads arbitrary characters in a value as the parser does, or leaves them to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.constantFrom('', '"', "'"), (value, quote) => {
        const text = `title: ${quote}${value}${quote}`;
        const mapping = plainMapping(text);
        if (mapping !== undefined) expect(mapping).toStrictEqual(parsed(text));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('reads CRLF line ends as LF ones', () => {
    expect(plainMapping('title: "Kyiv: talks"\r\npublisher: Baltic Wire\r\npublished: 2026-01-13')).toStrictEqual({ title: 'Kyiv: talks', publisher: 'Baltic Wire', published: '2026-01-13' });
  });

  it.each([
    ['published: 2026', 'a number'],
    ['published: 1.5e3', 'a number'],
    ['author: ~', 'null'],
    ['author: null', 'null'],
    ['draft: true', 'a boolean'],
    ['title: Oil: prices rise', 'a nested mapping'],
    ['title: Gas # rising', 'a comment'],
    ['title: "Kyiv \\"talks\\""', 'an escape'],
    ['title: &a Kyiv', 'an anchor'],
    ['title: [a, b]', 'a list'],
    ['title:', 'an empty value'],
    ['title: Kyiv\ntitle: Paris', 'a repeated key'],
    ['title: Kyiv\n\nauthor: Ana', 'a blank line'],
    ['title: Kyiv\n# note', 'a comment line'],
    ['title: Kyiv\n  more', 'a continued value'],
    ['title: Kyiv\tPlan', 'a tab'],
  ])('leaves %j to the parser (%s)', (text) => {
    expect(plainMapping(text)).toBeUndefined();
  });

  it('reads the front matter of the sample corpus and of the bench corpus, as the parser does', () => {
    const sample = markdownFiles(join(repoRoot, 'corpus')).map((file) => readFileSync(file, 'utf8'));
    const bench = syntheticArticles(repoRoot, 300, { days: 30, seed: 7 }).map(markdownOf);
    expect(sample.length).toBeGreaterThan(20);
    for (const text of [...sample, ...bench].map(frontMatterOf)) {
      expect(plainMapping(text), text).not.toBeUndefined();
      expect(plainMapping(text), text).toStrictEqual(parsed(text));
    }
  });
});
