import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../src/analysis/analyze-topics.js';
import { analysisKey, defaultZone, memoizeAnalysis, type AnalysisInputs } from '../src/memoize-analysis.js';
import { tempDir } from './helpers.js';

function inputs(): AnalysisInputs {
  return {
    articles: [{ id: 'a1', title: 'Shoigu to visit Beijing', publisher: 'Steppe & Silk Observer', url: 'https://example.org/a1', published: '2026-01-22', author: '', paragraphs: ['Sergei Shoigu will travel to China.'], file: 'corpus/a1.md' }],
    topics: [{ id: 'russia-china', title: 'Russia–China ties', description: '', terms: [{ phrase: 'Beijing', weight: 2 }], entities: ['China'], anchors: [], exclude: [] }],
    catalog: { kinds: new Map([['China', 'place' as const]]), aliases: new Map([['prc', 'China']]), spellings: new Map([['China', ['China']]]), pronouns: new Map() },
    options: { period: { kind: 'week', label: '2026-W04', from: '2026-01-19', to: '2026-01-25' } as AnalysisInputs['options']['period'], limits: { developments: 6, quotes: 3 }, previous: [] },
  };
}

/** An analysis as a plain value; the memo never looks inside it. */
const analysisOf = (label: string): Analysis => ({ topics: [], bottomLine: [], notReports: [{ text: label, reason: 'test' }] }) as unknown as Analysis;

/** memoizeAnalysis with a counter of the analyses it made. */
function counting(dir: string | undefined, build: string | undefined) {
  const made: string[] = [];
  return {
    made,
    run: (input: AnalysisInputs, label = 'x') => memoizeAnalysis(input, () => (made.push(label), analysisOf(label)), { dir, build }),
  };
}

const keptFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('analysis-'));

describe('memoizeAnalysis: analyses kept between runs', () => {
  it('analyses once, then gives back an equal copy for the same inputs, however they were built', async () => {
    const dir = await tempDir();
    const memo = counting(dir, 'build-1');
    const first = memo.run(inputs());
    expect(first.reused).toBe(false);
    const second = memo.run(inputs());
    expect(second).toEqual({ analysis: first.analysis, reused: true });
    expect(second.analysis).not.toBe(first.analysis);
    expect(memo.made).toHaveLength(1);
    expect(keptFiles(dir)).toHaveLength(1);
    expect(statSync(join(dir, keptFiles(dir)[0]!)).mode & 0o077).toBe(0);

    // The same text held by V8 another way (a slice of a string with a character past Latin-1, as
    // the YAML parser's strings are) is the same input: v8.serialize would write it differently.
    const sliced = inputs();
    const title = `${sliced.articles[0]!.title}—and more`.slice(0, sliced.articles[0]!.title.length);
    sliced.articles = [{ ...sliced.articles[0]!, title }];
    expect(memo.run(sliced).reused).toBe(true);
  });

  it('analyses again when anything it reads differs: an article, a topic, the catalog, an option, the code', async () => {
    const dir = await tempDir();
    const base = inputs();
    const key = analysisKey(base, 'build-1');
    const variants: [string, AnalysisInputs, string?][] = [
      ['a paragraph', { ...base, articles: [{ ...base.articles[0]!, paragraphs: ['Sergei Shoigu will travel to China on Monday.'] }] }],
      ['a publisher', { ...base, articles: [{ ...base.articles[0]!, publisher: 'Another Outlet' }] }],
      ['a date', { ...base, articles: [{ ...base.articles[0]!, published: '2026-01-23' }] }],
      ['an article more', { ...base, articles: [...base.articles, { ...base.articles[0]!, id: 'a2' }] }],
      ['a term weight', { ...base, topics: [{ ...base.topics[0]!, terms: [{ phrase: 'Beijing', weight: 3 }] }] }],
      ['an alias', { ...base, catalog: { ...base.catalog, aliases: new Map([['prc', 'China'], ['middle kingdom', 'China']]) } }],
      ['a pronoun', { ...base, catalog: { ...base.catalog, pronouns: new Map([['Sergei Shoigu', 'he' as const]]) } }],
      ['a limit', { ...base, options: { ...base.options, limits: { developments: 7, quotes: 3 } } }],
      ['the previous brief', { ...base, options: { ...base.options, previous: ['Shoigu will travel to China.'] } }],
      ['--explain', { ...base, options: { ...base.options, explain: true } }],
      ['a competitor topic', { ...base, options: { ...base.options, competitors: base.topics } }],
      ['another build', base, 'build-2'],
    ];
    const keys = variants.map(([, variant, build = 'build-1']) => analysisKey(variant, build));
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
    for (const [what, variant, build = 'build-1'] of variants) {
      counting(dir, 'build-1').run(base, 'base');
      const memo = counting(dir, build);
      expect(memo.run(variant, what).reused, what).toBe(false);
      expect(memo.made.at(-1), what).toBe(what);
    }
  });

  it('keeps nothing without a cache folder or a build identity (code run from its modules)', async () => {
    const dir = await tempDir();
    for (const memo of [counting(undefined, 'build-1'), counting(dir, undefined)]) {
      expect(memo.run(inputs()).reused).toBe(false);
      expect(memo.run(inputs()).reused).toBe(false);
      expect(memo.made).toHaveLength(2);
    }
    expect(keptFiles(dir)).toEqual([]);
  });

  it('analyses again over a damaged file, or one others could have written, and replaces it', async () => {
    const dir = await tempDir();
    const memo = counting(dir, 'build-1');
    memo.run(inputs());
    const file = join(dir, keptFiles(dir)[0]!);
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
    writeFileSync(file, bytes, { mode: 0o600 });
    expect(memo.run(inputs()).reused).toBe(false);
    expect(memo.run(inputs()).reused).toBe(true);
    chmodSync(file, 0o666);
    expect(memo.run(inputs()).reused).toBe(false);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(memo.made).toHaveLength(3);
  });

  it('spells an article of strings as the replacer would (one without a prototype is read through it)', () => {
    const plain = inputs();
    const bare = inputs();
    bare.articles = [Object.assign(Object.create(null) as typeof plain.articles[number], plain.articles[0]!)];
    expect(analysisKey(bare, 'build-1')).toBe(analysisKey(plain, 'build-1'));
    bare.articles = [Object.assign(Object.create(null) as typeof plain.articles[number], { ...plain.articles[0]!, author: 'A. Writer' })];
    expect(analysisKey(bare, 'build-1')).not.toBe(analysisKey(plain, 'build-1'));
  });

  it('inputs holding what JSON cannot spell whole (a RegExp) are analysed, never kept', async () => {
    const dir = await tempDir();
    const odd = inputs();
    (odd.options as { previous: unknown }).previous = [/Shoigu/];
    expect(analysisKey(odd, 'build-1')).toBeUndefined();
    // Inside an article too, where its strings are spelled without the replacer.
    const article = inputs().articles[0]!;
    class Story {}
    const odder = [
      { ...article, paragraphs: [new String(article.paragraphs[0])] },
      { ...article, paragraphs: [/Shoigu/] },
      { ...article, author: /Shoigu/ },
      Object.assign(new Story(), article),
    ];
    for (const oddArticle of odder) expect(analysisKey({ ...inputs(), articles: [oddArticle as unknown as typeof article] }, 'build-1')).toBeUndefined();
    const memo = counting(dir, 'build-1');
    expect(memo.run(odd).reused).toBe(false);
    expect(memo.run(odd).reused).toBe(false);
    expect(keptFiles(dir)).toEqual([]);
  });

  it('keeps the 24 most recently used analyses and removes files of another format', async () => {
    const dir = await tempDir();
    writeFileSync(join(dir, 'analysis-v0-old.bin'), 'an earlier format', { mode: 0o600 });
    const memo = counting(dir, 'build-1');
    const nth = (i: number): AnalysisInputs => ({ ...inputs(), options: { ...inputs().options, limits: { developments: i, quotes: 3 } } });
    const known = new Set(keptFiles(dir));
    for (let i = 0; i < 24; i++) {
      memo.run(nth(i));
      const added = keptFiles(dir).filter((name) => !known.has(name));
      expect(added).toHaveLength(1);
      known.add(added[0]!);
      // Last used i minutes into 2000, long before any run (touched on use), so the order rests neither on the clock's resolution nor on its date.
      const used = new Date(Date.UTC(2000, 0, 1, 0, i));
      utimesSync(join(dir, added[0]!), used, used);
    }
    expect(keptFiles(dir)).toHaveLength(24);
    expect(keptFiles(dir).some((name) => name.startsWith('analysis-v0-'))).toBe(false);
    // The least recently used, used again, becomes the most recent: the next new analysis pushes out the second.
    expect(memo.run(nth(0)).reused).toBe(true);
    memo.run(nth(24));
    expect(keptFiles(dir)).toHaveLength(24);
    expect(memo.run(nth(0)).reused).toBe(true);
    expect(memo.run(nth(2)).reused).toBe(true);
    expect(memo.run(nth(1)).reused).toBe(false);
  });
});

describe('the default time zone in an analysis key', () => {
  it('is TZ when set, else where /etc/localtime links, else Intl’s; another zone is another key', () => {
    expect(defaultZone({ TZ: 'Europe/Kyiv' })).toBe('TZ=Europe/Kyiv');
    expect(defaultZone({ TZ: '' })).toBe('TZ=');
    const linked = (() => {
      try {
        return lstatSync('/etc/localtime').isSymbolicLink() ? readlinkSync('/etc/localtime') : undefined;
      } catch {
        return undefined;
      }
    })();
    expect(defaultZone({})).toBe(linked === undefined ? new Intl.DateTimeFormat().resolvedOptions().timeZone : `localtime=${linked}`);
    const saved = process.env.TZ;
    const keyIn = (zone: string | undefined) => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      return analysisKey(inputs(), 'build-1');
    };
    try {
      const keys = [keyIn(undefined), keyIn('America/New_York'), keyIn('Europe/Kyiv'), keyIn('UTC')];
      expect(new Set(keys).size).toBe(keys.length);
      expect(keyIn('Europe/Kyiv')).toBe(keys[2]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
