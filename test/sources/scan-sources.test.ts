import { existsSync, statSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYZE_CHANGED_UP_TO, generateBrief, standingAnalysis, type ProgressEvent } from '../../src/pipeline.js';
import { readStoredAfter } from '../../src/sources/collect-sources.js';
import { resolvePeriod } from '../../src/period/period.js';
import { CHANGES_POSTED_UP_TO, changeMatters, scanSources } from '../../src/sources/scan-sources.js';
import { storedDateWindow } from '../../src/store/query-articles.js';
import { openStore, recordStats, type Store } from '../../src/store/open-store.js';
import { repoRoot, tempDir } from '../helpers.js';
import { collectWeek, fileSource } from './helpers.js';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const touch = (file: string) => utimes(file, new Date('2026-02-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'));

const story = (title: string, day = 21) => `---\ntitle: ${title}\npublisher: Desk\npublished: 2026-01-${day}\n---\n\nThe grid operator said the ${title} repairs at the substation would take a week.\n`;

/** A folder of stories, one binary file (a warning at every refresh), refreshed once into a store. */
async function refreshedArchive(): Promise<{ dir: string; storeFile: string }> {
  const dir = join(await tempDir(), 'archive');
  await mkdir(join(dir, 'sub', '.drafts'), { recursive: true });
  await writeFile(join(dir, 'a.md'), story('Kyiv'));
  await writeFile(join(dir, 'b.md'), story('Odesa', 22));
  await writeFile(join(dir, 'sub', 'c.md'), story('Lviv', 23));
  await writeFile(join(dir, 'sub', '.drafts', 'd.md'), story('Draft'));
  await writeFile(join(dir, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
  const storeFile = join(await tempDir(), 'store.db');
  const first = openStore(storeFile);
  await collectWeek(first, [fileSource(dir)], dir);
  first.close();
  return { dir, storeFile };
}

describe('scanSources: what a refresh would find, and whether it would leave the store as it is', () => {
  it('is current after a refresh, counting the files a refresh looks at (hidden ones are not)', async () => {
    const { dir, storeFile } = await refreshedArchive();
    store = openStore(storeFile);
    const scan = await scanSources(store, [fileSource(dir)]);
    expect(scan).toMatchObject({ current: true, files: 4, changed: [] });
    expect(scan!.lists).toEqual([['a.md', 'b.md', 'scan.md', 'sub/c.md'].map((name) => join(dir, name))]);
    // A file found by two sources counts once; a glob and a folder agree on where each file belongs.
    expect(await scanSources(store, [fileSource(`${dir}/sub/**/*.md`), fileSource(dir)])).toMatchObject({ current: true, files: 4 });
  });

  // Each change, the files a refresh would then read (and prune), and what the scan tells as it
  // finds them: each file found new or changed, and undefined for a change that is not a file's.
  const changes: [string, (dir: string, store: Store) => Promise<unknown>, string[], string[], (string | undefined)[]][] = [
    ['a file edited', (dir) => appendFile(join(dir, 'a.md'), 'One more sentence.\n'), ['a.md'], [], ['a.md']],
    ['a file edited to the same size', async (dir) => writeFile(join(dir, 'a.md'), (await readFile(join(dir, 'a.md'), 'utf8')).replace('Kyiv', 'Kyjw')), ['a.md'], [], ['a.md']],
    // A touched file is read again when something else changed: the refresh reads it anyway (the same bytes: not a change told).
    ['a file touched and another added', async (dir) => (await touch(join(dir, 'a.md')), writeFile(join(dir, 'zz.md'), story('Dnipro'))), ['zz.md', 'a.md'], [], ['zz.md']],
    ['files added', async (dir) => (await writeFile(join(dir, 'sub', 'new.md'), story('Kharkiv')), writeFile(join(dir, 'zz.md'), story('Dnipro'))), ['zz.md', 'sub/new.md'], [], ['zz.md', 'sub/new.md']],
    ['a file deleted (a refresh prunes it)', (dir) => rm(join(dir, 'b.md')), [], ['b.md'], [undefined]],
    // Still on disk, so not pruned, but no longer a file the folder finds: a refresh leaves it out.
    ['a file replaced by an empty folder', async (dir) => (await rm(join(dir, 'b.md')), mkdir(join(dir, 'b.md'))), [], [], [undefined]],
    ['a duplicate link left dangling', async (_, db) => db.prepare('UPDATE articles SET duplicate_of = 999999 WHERE rowid = (SELECT min(rowid) FROM articles)').run(), [], [], [undefined]],
  ];
  for (const [change, make, read, gone, told] of changes) {
    it(`is not current after ${change}, and lists what a refresh would read and prune`, async () => {
      const { dir, storeFile } = await refreshedArchive();
      store = openStore(storeFile);
      await make(dir, store);
      const calls: (string | undefined)[] = [];
      const scan = await scanSources(store, [fileSource(dir)], (file) => calls.push(file));
      expect(scan).toMatchObject({ current: false, changed: read.map((name) => join(dir, name)), gone: gone.map((name) => join(dir, name)) });
      expect([...new Set(calls)]).toEqual(told.map((name) => name && join(dir, name)));
    });
  }

  it('is current after a file is touched (same bytes, new mtime), naming it with its new stats', async () => {
    const { dir, storeFile } = await refreshedArchive();
    store = openStore(storeFile);
    await touch(join(dir, 'a.md'));
    const calls: (string | undefined)[] = [];
    const scan = await scanSources(store, [fileSource(dir)], (file) => calls.push(file));
    const { size, mtimeMs } = statSync(join(dir, 'a.md'));
    expect(scan).toMatchObject({ current: true, changed: [], touched: [[join(dir, 'a.md'), size, mtimeMs]] });
    expect(calls).toEqual([]);
    // Recorded as a refresh would record it, the store has no touched file left.
    recordStats(store, scan!.touched);
    expect(await scanSources(store, [fileSource(dir)])).toMatchObject({ current: true, touched: [] });
  });

  it('reads the stored rows a thousand at a time without losing a change where one read ends and the next begins', async () => {
    const dir = join(await tempDir(), 'archive');
    await mkdir(dir);
    const name = (n: number) => `f${String(n).padStart(4, '0')}.md`;
    for (let n = 0; n < 2100; n++) await writeFile(join(dir, name(n)), `---\ntitle: Item ${n}\npublisher: Desk\npublished: 2026-01-21\n---\n\nThe grid operator listed item ${n} among the repairs.\n`);
    store = openStore(join(await tempDir(), 'store.db'));
    await collectWeek(store, [fileSource(dir)], dir);
    expect(await scanSources(store, [fileSource(dir)])).toMatchObject({ current: true, files: 2100 });
    // The last key first: the first read ends with f1100.md, the second begins with f1099.md and ends with f0100.md.
    await appendFile(join(dir, name(1100)), 'Edited.\n');
    await appendFile(join(dir, name(1099)), 'Edited.\n');
    await writeFile(join(dir, 'f1099a.md'), story('Between'));
    await rm(join(dir, name(100)));
    const scan = await scanSources(store, [fileSource(dir)]);
    expect(scan).toMatchObject({ current: false, files: 2100, gone: [join(dir, name(100))] });
    expect(scan!.changed).toEqual([name(1100), 'f1099a.md', name(1099)].map((file) => join(dir, file)));
  });

  it('does not scan a brief with a feed (feeds are fetched at every refresh)', async () => {
    const { dir, storeFile } = await refreshedArchive();
    store = openStore(storeFile);
    const feed = fileSource('', { path: 'https://example.invalid/rss', resolved: undefined, feed: 'https://example.invalid/rss' });
    expect(await scanSources(store, [fileSource(dir), feed])).toBeUndefined();
  });
});

describe('a refreshing brief over a large store: read and analysed while a worker thread checks it', () => {
  const workerFile = join(repoRoot, 'dist', 'scan-sources-worker.cjs');
  const now = new Date('2026-02-02T09:00:00Z');

  async function briefIn(dir: string, formats = 'md, json'): Promise<string> {
    const file = join(dir, 'brief.yaml');
    await writeFile(file, `id: grid\ntitle: Grid\nperiod: {week: 2026-W04}\nsources: [{path: archive}]\nformats: [${formats}]\ntopics: [energy-infrastructure]\n`);
    return file;
  }

  /** Generates into a fresh folder; `from` is backgroundScanFrom (Infinity: the plain refresh). */
  async function generate(briefFile: string, storeFile: string, from: number) {
    const outDir = await tempDir();
    const events: ProgressEvent[] = [];
    const result = await generateBrief({ briefFile, now, outDir, store: storeFile, backgroundScanFrom: from, onProgress: (event) => events.push(event) });
    const read = (name: string) => readFile(join(outDir, 'grid', '2026-W04', name), 'utf8');
    // Events as a reader sees them: the analysis object itself is compared through the outputs.
    const seen = events.map((event) => JSON.stringify(event, (key, value) => (key === 'analysis' ? undefined : value)));
    const pdf = result.brief.formats.includes('pdf') ? await readFile(join(outDir, 'grid', '2026-W04', 'grid-2026-W04.pdf')) : undefined;
    return { result, events: seen, markdown: await read('grid-2026-W04.md'), json: await read('grid-2026-W04.json'), manifest: await read('manifest.json'), pdf };
  }

  /** The brief generated with the background scan from `storeFile`, and with the plain refresh from a copy of it made first. */
  async function scannedAndPlain(briefFile: string, storeFile: string) {
    const plainStore = join(await tempDir(), 'copy.db');
    await copyFile(storeFile, plainStore);
    return { scanned: await generate(briefFile, storeFile, 1), plain: await generate(briefFile, plainStore, Infinity), plainStore };
  }

  /** The outputs and events of two generations are the same. */
  function expectSameBrief(a: Awaited<ReturnType<typeof generate>>, b: Awaited<ReturnType<typeof generate>>) {
    for (const part of ['markdown', 'json', 'manifest', 'events', 'pdf'] as const) expect(a[part], part).toEqual(b[part]);
  }

  it('gives what the plain refresh gives when nothing changed, and refreshes when something did', async () => {
    expect(existsSync(workerFile), `${workerFile} is built by npm run build`).toBe(true);
    const { dir, storeFile } = await refreshedArchive();
    const briefFile = await briefIn(join(dir, '..'));

    const ahead = await generate(briefFile, storeFile, 1);
    const plain = await generate(briefFile, storeFile, Infinity);
    expect(ahead.result.backgroundScan).toBe('current');
    expect(plain.result.backgroundScan).toBeUndefined();
    expectSameBrief(ahead, plain);
    expect(ahead.result.warnings).toEqual(plain.result.warnings);
    expect(ahead.result.warnings).toEqual([expect.objectContaining({ code: 'article-unreadable', file: 'archive/scan.md' })]);
    expect(ahead.events.find((event) => event.includes('"stage":"sources"'))).toMatch(/"files":4,"parsed":0,"unchanged":4/);

    // A change: the refresh then reads what the worker's scan found changed, and nothing else.
    await writeFile(join(dir, 'a.md'), story('Kherson'));
    await writeFile(join(dir, 'sub', 'new.md'), story('Kharkiv', 24));
    const { scanned: changed, plain: changedPlain } = await scannedAndPlain(briefFile, storeFile);
    // Two changes: the analysis made meanwhile stands only if both were found before it began.
    expect(['changed', 'changed-kept']).toContain(changed.result.backgroundScan);
    expect(changedPlain.result.backgroundScan).toBeUndefined();
    expect(changed.markdown).toContain('Kherson');
    expect(changed.markdown).not.toBe(plain.markdown);
    expectSameBrief(changed, changedPlain);
    expect(changed.events.find((event) => event.includes('"stage":"sources"'))).toMatch(/"files":5,"parsed":2,"unchanged":3/);
    // Now current again: read ahead, and the same as the plain refresh.
    const again = await generate(briefFile, storeFile, 1);
    expect(again.result.backgroundScan).toBe('current');
    expect(again.markdown).toBe(changed.markdown);
  });

  it('renders the outputs while the scan goes on, when no change that matters is found: the plain refresh’s bytes, events and warnings', async () => {
    const { dir, storeFile } = await refreshedArchive();
    const briefFile = await briefIn(join(dir, '..'), 'md, pdf, json');
    // CJK has no glyph in the fonts: the rendering's own warning, told after the sources' one.
    await writeFile(briefFile, (await readFile(briefFile, 'utf8')).replace('title: Grid', 'title: Grid 中文'));
    await writeFile(join(dir, 'old.md'), story('Chernihiv', 11));
    await generate(briefFile, storeFile, Infinity);
    const current = await scannedAndPlain(briefFile, storeFile);
    expect(current.scanned.result).toMatchObject({ backgroundScan: 'current', renderedAhead: true });
    expect(current.plain.result.renderedAhead).toBeUndefined();
    expectSameBrief(current.scanned, current.plain);
    expect(current.scanned.result.warnings).toEqual(current.plain.result.warnings);
    expect(current.scanned.result.warnings.map((warning) => warning.code)).toEqual(['article-unreadable', 'missing-glyphs']);
    expect(current.scanned.events.findIndex((event) => event.includes('"stage":"render"'))).toBeGreaterThan(current.scanned.events.findIndex((event) => event.includes('"stage":"analysis"')));

    // An edit outside the week does not matter to it: the rendering stands with the analysis.
    await writeFile(join(dir, 'old.md'), story('Sumy', 11));
    const edited = await scannedAndPlain(briefFile, storeFile);
    expect(edited.scanned.result).toMatchObject({ backgroundScan: 'changed-kept', renderedAhead: true });
    expectSameBrief(edited.scanned, edited.plain);

    // Nor is anything rendered ahead for a run that writes nothing.
    const unwritten = await generateBrief({ briefFile, now, outDir: await tempDir(), store: storeFile, backgroundScanFrom: 1, write: false });
    expect(unwritten.backgroundScan).toBe('current');
    expect(unwritten.renderedAhead).toBeUndefined();
  });

  // One change, found at once: the analysis made while the scan goes on (of the period as the
  // refresh of that file leaves it) stands, rendered then too, and the brief is the plain refresh's.
  // The period's articles, as the sources event lists them: each change's article is among them, or (outside the week) is not.
  const singleChanges: [string, (dir: string) => Promise<unknown>, RegExp, RegExp][] = [
    ['a new article of the week', (dir) => writeFile(join(dir, 'sub', 'new.md'), story('Kharkiv', 24)), /Kharkiv/, /Chernihiv/],
    ['an article of the week edited', (dir) => writeFile(join(dir, 'b.md'), story('Mykolaiv', 22)), /Mykolaiv/, /Odesa|Chernihiv/],
    ['an article outside the week edited', (dir) => writeFile(join(dir, 'old.md'), story('Sumy', 11)), /Odesa/, /Sumy|Chernihiv/],
  ];
  for (const [change, make, shown, left] of singleChanges) {
    it(`keeps an analysis made during the scan after ${change}: the brief the plain refresh makes`, async () => {
      const { dir, storeFile } = await refreshedArchive();
      const briefFile = await briefIn(join(dir, '..'), 'md, pdf, json');
      await writeFile(join(dir, 'old.md'), story('Chernihiv', 11));
      await generate(briefFile, storeFile, Infinity);
      await make(dir);
      const { scanned, plain } = await scannedAndPlain(briefFile, storeFile);
      expect(scanned.result).toMatchObject({ backgroundScan: 'changed-kept', renderedAhead: true });
      const sources = scanned.events.find((event) => event.includes('"stage":"sources"'));
      expect(sources).toMatch(shown);
      expect(sources).not.toMatch(left);
      expectSameBrief(scanned, plain);
      expect(scanned.result.warnings).toEqual(plain.result.warnings);
      expect(sources).toMatch(/"parsed":1,/);
    });
  }

  it(`analyses after the refresh when the scan found more than ${ANALYZE_CHANGED_UP_TO} files changed (each would be parsed twice)`, async () => {
    const { dir, storeFile } = await refreshedArchive();
    const briefFile = await briefIn(join(dir, '..'));
    await mkdir(join(dir, 'batch'));
    for (let i = 0; i <= ANALYZE_CHANGED_UP_TO; i++) await writeFile(join(dir, 'batch', `n${i}.md`), story(`Town ${i}`, 20 + (i % 5)));
    const { scanned, plain } = await scannedAndPlain(briefFile, storeFile);
    expect(scanned.result.backgroundScan).toBe('changed');
    expectSameBrief(scanned, plain);
  });

  // Changes not read ahead: the refresh, then the analysis, as before.
  const unread: [string, (dir: string) => Promise<unknown>][] = [
    [`more changes than the worker posts (${CHANGES_POSTED_UP_TO})`, async (dir) => {
      await mkdir(join(dir, 'batch'));
      await Promise.all(Array.from({ length: CHANGES_POSTED_UP_TO + 1 }, (_, i) => writeFile(join(dir, 'batch', `n${i}.md`), story(`Town ${i}`, 20 + (i % 5)))));
    }],
    ['a file of the week deleted', (dir) => rm(join(dir, 'b.md'))],
  ];
  for (const [change, make] of unread) {
    it(`refreshes, then analyses, after ${change}`, async () => {
      const { dir, storeFile } = await refreshedArchive();
      const briefFile = await briefIn(join(dir, '..'));
      await make(dir);
      const { scanned, plain } = await scannedAndPlain(briefFile, storeFile);
      expect(scanned.result.backgroundScan).toBe('changed');
      expectSameBrief(scanned, plain);
    });
  }

  it('keeps the analysis when files were only touched, recording their new mtimes as the plain refresh does', async () => {
    const { dir, storeFile } = await refreshedArchive();
    const briefFile = await briefIn(join(dir, '..'));
    await touch(join(dir, 'a.md'));
    await touch(join(dir, 'sub', 'c.md'));
    const { scanned: ahead, plain, plainStore } = await scannedAndPlain(briefFile, storeFile);
    expect(ahead.result.backgroundScan).toBe('current');
    expectSameBrief(ahead, plain);
    expect(ahead.events.find((event) => event.includes('"stage":"sources"'))).toMatch(/"files":4,"parsed":0,"unchanged":4/);
    // Both stores now hold the files' new stats: the next scan finds nothing touched.
    const stats = (file: string) => {
      const db = openStore(file);
      const rows = db.prepare('SELECT key, size, mtime_ms FROM files ORDER BY key').raw().all();
      db.close();
      return rows;
    };
    expect(stats(storeFile)).toEqual(stats(plainStore));
    store = openStore(storeFile);
    expect(await scanSources(store, [fileSource(dir)])).toMatchObject({ current: true, touched: [] });
  });

  it('ingests through the scan a source the store has never seen, as the plain refresh does', async () => {
    const { dir, storeFile } = await refreshedArchive();
    const root = join(dir, '..');
    await mkdir(join(root, 'more'));
    await writeFile(join(root, 'more', 'e.md'), story('Zaporizhzhia', 23));
    const briefFile = join(root, 'brief.yaml');
    await writeFile(briefFile, 'id: grid\ntitle: Grid\nperiod: {week: 2026-W04}\nsources: [{path: archive}, {path: more}]\nformats: [md, json]\ntopics: [energy-infrastructure]\n');
    const { scanned, plain } = await scannedAndPlain(briefFile, storeFile);
    // The new source's one file was found at once, and the analysis made meanwhile stands.
    expect(scanned.result.backgroundScan).toBe('changed-kept');
    expect(scanned.events.find((event) => event.includes('"stage":"sources"'))).toMatch(/"files":5,"parsed":1,"unchanged":4/);
    expectSameBrief(scanned, plain);
  });

  it('is not tried below the threshold, and a missing source is the refresh’s own error', async () => {
    const { dir, storeFile } = await refreshedArchive();
    const briefFile = await briefIn(join(dir, '..'));
    expect((await generate(briefFile, storeFile, 5)).result.backgroundScan).toBeUndefined();
    await rm(dir, { recursive: true });
    await expect(generate(briefFile, storeFile, 1)).rejects.toMatchObject({ code: 'source-missing', exitCode: 66 });
  });

  it('starts before the template loads: a template mistake is still the error, the store is left as it was, and a store not made is not made', async () => {
    const { dir, storeFile } = await refreshedArchive();
    const briefFile = await briefIn(join(dir, '..'));
    await writeFile(briefFile, `${await readFile(briefFile, 'utf8')}template: no-such-template\n`);
    const before = await readFile(storeFile);
    await expect(generate(briefFile, storeFile, 1)).rejects.toMatchObject({ code: 'template-missing' });
    expect(await readFile(storeFile)).toEqual(before);
    const unmade = join(await tempDir(), 'never', 'store.db');
    await expect(generate(briefFile, unmade, 1)).rejects.toMatchObject({ code: 'template-missing' });
    expect(existsSync(join(unmade, '..'))).toBe(false);
  });
});

describe('whether a change to a file can change a period (changeMatters)', () => {
  it('can, unless the file is stored with articles all dated outside the period’s window', async () => {
    const { dir, storeFile } = await refreshedArchive();
    await writeFile(join(dir, 'old.md'), story('Sumy', 11));
    await writeFile(join(dir, 'undated.md'), '---\ntitle: Undated\npublisher: Desk\n---\n\nThe grid operator gave no date.\n');
    store = openStore(storeFile);
    await collectWeek(store, [fileSource(dir)], dir, { includeUndated: true });
    const matters = changeMatters(store, storedDateWindow(resolvePeriod({ week: '2026-W04' }, new Date(0))));
    expect(matters(join(dir, 'a.md')), 'dated in the week').toBe(true);
    expect(matters(join(dir, 'old.md')), 'dated outside it').toBe(false);
    expect(matters(join(dir, 'undated.md')), 'undated').toBe(true);
    expect(matters(join(dir, 'scan.md')), 'stored without an article').toBe(true);
    expect(matters(join(dir, 'new.md')), 'not stored').toBe(true);
    // The window reaches a day past each end (the UTC date may differ from the brief's).
    await writeFile(join(dir, 'edge.md'), story('Edge', 26));
    await collectWeek(store, [fileSource(dir)], dir);
    expect(matters(join(dir, 'edge.md'))).toBe(true);
  });
});

describe('which analysis made during a scan stands (standingAnalysis)', () => {
  const article = (title: string, paragraphs = [`${title} said the repairs would take a week.`]) => ({ id: title.toLowerCase(), title, publisher: 'Desk', url: '', published: '2026-01-21', author: '', paragraphs, file: `${title}.md` });
  const refreshed = [article('Kyiv'), article('Odesa')];

  it('is the first made from the articles the refresh gave, compared by value', () => {
    const stale = { name: 'stale', articles: [article('Kyiv')] };
    const copy = { name: 'copy', articles: structuredClone(refreshed) };
    const later = { name: 'later', articles: refreshed };
    expect(standingAnalysis([stale, copy, later], refreshed)?.name).toBe('copy');
    expect(standingAnalysis([stale], refreshed)).toBeUndefined();
    expect(standingAnalysis([], refreshed)).toBeUndefined();
  });

  it('is none when any field or paragraph differs, or an article is syndicated where it was not', () => {
    const changed = [
      [article('Kyiv'), article('Odesa', ['Odesa said the repairs would take a month.'])],
      [article('Kyiv'), { ...article('Odesa'), published: '2026-01-22' }],
      [article('Kyiv'), { ...article('Odesa'), syndicatedFrom: 'kyiv' }],
      [article('Odesa'), article('Kyiv')],
      [article('Kyiv'), article('Odesa'), article('Lviv')],
    ];
    for (const articles of changed) expect(standingAnalysis([{ articles }], refreshed)).toBeUndefined();
  });
});

describe('the store read as a refresh of some files would leave it (readStoredAfter)', () => {
  it('gives the articles that refresh gives, and leaves the store as it was', async () => {
    const { dir, storeFile } = await refreshedArchive();
    store = openStore(storeFile);
    await writeFile(join(dir, 'a.md'), story('Kherson'));
    await writeFile(join(dir, 'new.md'), story('Poltava', 24));
    const rows = () => ['files', 'articles', 'bands'].map((table) => store!.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all());
    const before = rows();
    const options = { period: resolvePeriod({ week: '2026-W04' }, new Date(0)), timeZone: 'UTC', baseDir: dir, now: new Date('2026-02-02T00:00:00Z') };
    const read = await readStoredAfter(store, [fileSource(dir)], options, [join(dir, 'new.md'), join(dir, 'a.md')]);
    expect(rows()).toEqual(before);
    expect(read.articles.map((article) => article.title).sort()).toEqual(['Kherson', 'Lviv', 'Odesa', 'Poltava']);
    // The refresh itself then gives the same articles.
    const refreshed = await collectWeek(store, [fileSource(dir)], dir);
    expect(refreshed.articles).toEqual(read.articles);
    expect(rows()).not.toEqual(before);
  });
});

describe('a refresh given a scan (collectSources with scanned)', () => {
  it('uses the scan’s listing, reads only the files it found changed, and prunes the ones it found gone', async () => {
    const { dir, storeFile } = await refreshedArchive();
    store = openStore(storeFile);
    await writeFile(join(dir, 'a.md'), story('Kherson'));
    await writeFile(join(dir, 'b.md'), story('Mykolaiv', 22));
    await writeFile(join(dir, 'new.md'), story('Poltava', 24));
    await rm(join(dir, 'sub', 'c.md'));
    // As if scanned before b.md was edited: b.md is not read again.
    const lists = [['a.md', 'b.md', 'new.md', 'scan.md'].map((name) => join(dir, name))];
    const scanned = { lists, changed: [join(dir, 'a.md'), join(dir, 'new.md')], gone: [join(dir, 'sub', 'c.md')] };
    const result = await collectWeek(store, [fileSource(dir)], dir, { scanned });
    expect(result.counts).toMatchObject({ files: 4, parsed: 2, unchanged: 2 });
    expect(result.articles.map((article) => article.title).sort()).toEqual(['Kherson', 'Odesa', 'Poltava']);
    expect(store.prepare('SELECT key FROM files ORDER BY key').pluck().all()).toEqual(lists[0]);
  });
});
