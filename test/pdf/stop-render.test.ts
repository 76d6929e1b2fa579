import { describe, expect, it } from 'vitest';
import { parseBriefMarkdown } from '../../src/markdown/parse-brief-markdown.js';
import { loadFonts } from '../../src/pdf/load-fonts.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { generateBrief } from '../../src/pipeline.js';
import { sampleBrief } from '../helpers.js';

/**
 * A rendering made while a background scan goes on (src/pipeline.ts, analyzeAhead) is given the
 * scan's signal: it must stop within a line when a change that matters is found, and be the same PDF
 * while none is.
 */
describe('a PDF rendering given a signal', () => {
  async function sample() {
    const { view, template, markdown } = await generateBrief({ briefFile: sampleBrief, now: new Date('2026-01-26T09:00:00Z'), outDir: '/nonexistent', store: ':memory:', write: false });
    const tree = parseBriefMarkdown(markdown);
    expect(tree, 'the sample is read by the fast path').toBeDefined();
    return { tree: tree!, view, theme: template.theme, fonts: await loadFonts(template.theme, template.dir) };
  }

  /** A signal aborted from its `at`-th look on, counting the looks. */
  function abortedAt(at: number) {
    return {
      looks: 0,
      get aborted() {
        this.looks += 1;
        return this.looks >= at;
      },
    };
  }

  it('stops at the next line once aborted, with an AbortError (not a layout error)', async () => {
    const { tree, view, theme, fonts } = await sample();
    const signal = abortedAt(3);
    await expect(renderPdf(tree, view, theme, fonts, { signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(signal.looks).toBe(3);
  });

  it('is the same PDF as without one while it is not aborted, looked at every line', async () => {
    const { tree, view, theme, fonts } = await sample();
    const signal = abortedAt(Infinity);
    const watched = await renderPdf(tree, view, theme, fonts, { signal });
    const plain = await renderPdf(tree, view, theme, fonts);
    expect(Buffer.compare(watched.bytes, plain.bytes)).toBe(0);
    expect(signal.looks).toBeGreaterThan(watched.pages);
  });
});
