import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as chrono from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/analysis/resolve-dates.js';
import { splitSentences } from '../../src/analysis/segment.js';
import { readTextArticle } from '../../src/sources/read-text.js';
import { lastUnitGuard, namingNoDay, newsChrono } from '../../src/text/news-chrono.js';
import { haveSeeds, repoRoot, seedsDir } from '../helpers.js';

/** Every sentence of the Markdown/text articles in a folder tree. */
async function sentencesUnder(dir: string): Promise<string[]> {
  const sentences: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(md|txt)$/.test(entry.name)) continue;
    const article = readTextArticle(await readFile(join(entry.parentPath, entry.name), 'utf8'));
    sentences.push(...article.paragraphs.flatMap(splitSentences));
  }
  return sentences;
}

/** Phrases each slow parser reads, and near misses that hold its keywords without a duration. */
const phrases = [
  'Talks resumed two days ago in Geneva.',
  'The draft was agreed a week and two days before the vote on Monday.',
  'Officials met about three hours earlier, on 12 January.',
  'A second round is due 3 weeks later, on Thursday.',
  'The ceasefire would start 5 days from now, diplomats said.',
  'Two months after the summit, on Friday, the fund opened.',
  'Aid went out on Tuesday without the three weeks of delay seen before.',
  'Throughout Monday the talks held; later they broke down, as they had before.',
  'He said 10 mins later that it was over, and one hour, 20 minutes after that it was not.',
];

const reading = (results: chrono.ParsedResult[]) => results.map((r) => ({ index: r.index, text: r.text, start: r.start.date().toISOString(), end: r.end?.date().toISOString() }));

describe('newsChrono: chrono casual English without the parsers that name no day, its two slow parsers guarded', () => {
  const reference = { instant: new Date('2026-01-22T12:00:00Z'), timezone: 0 };

  it('reads the same dates as unguarded chrono with the same parsers, on the sample corpus, the seeds and edge phrases', async () => {
    const sentences = [...phrases, ...(await sentencesUnder(join(repoRoot, 'corpus'))), ...(haveSeeds ? await sentencesUnder(seedsDir) : [])];
    expect(sentences.length).toBeGreaterThan(200);
    const unguarded = chrono.casual.clone();
    unguarded.parsers = unguarded.parsers.filter((p) => !namingNoDay.has(p.constructor.name));
    expect(unguarded.parsers.length, 'the parsers left out are named as chrono names them').toBe(chrono.casual.parsers.length - namingNoDay.size);
    const differing = sentences.filter((s) => JSON.stringify(reading(newsChrono.parse(s, reference))) !== JSON.stringify(reading(unguarded.parse(s, reference))));
    expect(differing).toEqual([]);
    // Without the parsers that name no day, a brief finds the same dates as with full chrono.
    const dates = (sentence: string, parser?: typeof chrono.casual) => JSON.stringify(findDates(sentence, '2026-01-22', parser).map((d) => d.date));
    expect(sentences.filter((s) => dates(s) !== dates(s, chrono.casual))).toEqual([]);
    // The phrases exercise the guarded parsers, not just the others.
    expect(reading(newsChrono.parse(phrases[0]!, reference))[0]?.text).toBe('two days ago');
    expect(reading(newsChrono.parse(phrases[3]!, reference))[0]?.text).toBe('3 weeks later');
  });

  for (const name of ['ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser']) {
    it(`guards ${name} with one unit group, which every text its own pattern matches also matches`, async () => {
      const parser = chrono.casual.parsers.find((p) => p.constructor.name === name)!;
      const context = { text: '', option: {}, refDate: reference.instant } as unknown as Parameters<typeof parser.pattern>[0];
      const full = parser.pattern(context);
      const keywords = /never used/;
      const guard = lastUnitGuard(full, keywords);
      // Derived from chrono's pattern, not the keyword fallback: a chrono whose pattern changed shape fails here.
      expect(guard).not.toBe(keywords);
      expect(full.source).toContain('{0,10}');
      expect(guard.source).not.toContain('{0,10}');
      const sentences = [...phrases, ...(await sentencesUnder(join(repoRoot, 'corpus')))];
      const missed = sentences.filter((s) => full.test(s) && !guard.test(s));
      expect(missed).toEqual([]);
      expect(sentences.filter((s) => full.test(s)).length).toBeGreaterThan(0);
      // Near misses the keyword test let through: "without", "throughout", "said before".
      expect(guard.test('Aid went out without delay, as officials said before.')).toBe(false);
    });
  }

  it('falls back to the keywords for a pattern of another shape', () => {
    const keywords = /ago/i;
    expect(lastUnitGuard(/(\d+) days ago/i, keywords)).toBe(keywords);
  });
});
