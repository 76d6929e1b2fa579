import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/markdown/escape-markdown.js';
import { parseMarkdown } from '../../src/markdown/parse-markdown.js';

/** Concatenated literal text of a paragraph, and the node types seen. */
function readBack(markdown: string): { text: string; types: Set<string> } {
  const root: Root = parseMarkdown(markdown);
  const types = new Set<string>();
  let text = '';
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    types.add(node.type);
    if (node.type === 'text') text += node.value ?? '';
    for (const child of node.children ?? []) walk(child as never);
  };
  walk(root as never);
  return { text, types };
}

describe('escapeMarkdown', () => {
  it.each(['# x', '* [a](javascript:alert(1))', '<script>alert(1)</script>', '<!-- x', '```js', '| a | b |', 'back\\slash', '1. item', '- item', 'see https://example.org/x', 'AT&T &amp; co', '**bold** _it_'])(
    '%j reads back as literal text',
    (input) => {
      const { text, types } = readBack(`- ${escapeMarkdown(input)}\n`);
      expect(text).toBe(input);
      for (const type of ['heading', 'link', 'html', 'table', 'code', 'inlineCode', 'emphasis', 'strong']) expect(types.has(type), type).toBe(false);
    },
  );

  it('property: any one-line text reads back unchanged at the start of a paragraph', () => {
    const line = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
    fc.assert(
      fc.property(line, (input) => {
        expect(readBack(`${escapeMarkdown(input)}\n`).text).toBe(input);
      }),
      { numRuns: 200, seed: 20260121 },
    );
  });
});
