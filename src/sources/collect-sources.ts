import { basename, dirname, relative, sep } from 'node:path';
import type { SourceSpec } from '../brief/brief.js';
import { BriefError, ExitCode, formatLocation } from '../errors.js';
import type { Period } from '../period/period.js';
import { displayPath } from '../paths.js';
import { ingestItems, repeatedWarning, type IngestCounts, type IngestItem, type IngestOptions, type IngestProgress } from '../store/ingest.js';
import { storedHashesOf, storedUnder, storedWarnings, type Store } from '../store/open-store.js';
import { pruneMissing, removeFiles } from '../store/prune-missing.js';
import { queryArticles, type QueryOptions, type QueryResult } from '../store/query-articles.js';
import type { Article, Warning } from './article.js';
import { describeFetchError, fetchFeed } from './fetch-feed.js';
import type { SourceScan } from './scan-sources.js';
import { findFiles, sourceBase, storedKeyMatcher } from './find-files.js';

export interface CollectedSources {
  /** Articles inside the period, sorted by date then source. */
  articles: Article[];
  warnings: Warning[];
  /** `refreshed` is false when the store was read as last ingested (files is then 0). */
  counts: IngestCounts & { files: number; outsidePeriod: number; undated: number; refreshed: boolean };
  /** The files (and feeds) whose articles the brief used, with their content hashes, for the manifest. */
  inputs: { file: string; sha256: string }[];
}

export interface CollectOptions {
  period: Period;
  timeZone: string;
  /** Folder that article paths in outputs are relative to (the brief's). */
  baseDir: string;
  includeUndated?: boolean;
  /**
   * false: read the store as it was last ingested, without looking at the source files or
   * fetching feeds (an archive that `brief ingest` keeps current, from cron). Default true.
   */
  refresh?: boolean;
  now: Date;
  /** Injected for tests; the default uses fetch(). */
  fetchFeed?: (url: string) => Promise<Uint8Array>;
  /** Told at each tenth of a large refresh (see ingestItems). */
  onProgress?: (progress: IngestProgress) => void;
  /** false: the articles are not added to the full-text index (a throwaway store; see IngestOptions). */
  fullText?: boolean;
  /** A scan of the file sources just made (scanSources): its listing, changes and gone files are used as they are. */
  scanned?: Pick<SourceScan, 'lists' | 'changed' | 'gone'>;
}

/**
 * How files are named in outputs: relative to the brief even when outside its folder
 * (../corpus/…), so outputs never hold machine paths. Worked out once per folder: path.relative
 * for each of 100,000 files costs ~0.1 s.
 */
function shownPaths(baseDir: string): (file: string) => string {
  const folders = new Map<string, string>();
  return (file) => {
    const folder = dirname(file);
    let prefix = folders.get(folder);
    if (prefix === undefined) {
      const rel = relative(baseDir, folder).split(sep).join('/');
      prefix = rel ? `${rel}/` : '';
      folders.set(folder, prefix);
    }
    return prefix + basename(file);
  };
}

/**
 * The collect stage: finds the brief's files and fetches its feeds, brings them into the store
 * (parsing only what changed), and returns the period's articles. A feed that fails is a warning
 * naming its URL; a missing source folder is an error (exit 66).
 */
export async function collectSources(store: Store, sources: readonly SourceSpec[], options: CollectOptions): Promise<CollectedSources> {
  if (options.refresh === false) return readStored(store, sources, options).collected;
  // A scan is made only of a brief without feeds (scanSources); with one, the files are listed here.
  if (options.scanned && !sources.some((source) => source.feed)) return refreshScanned(store, sources, options, options.scanned);
  const warnings: Warning[] = [];
  const items: IngestItem[] = [];
  const files = new Map<string, Placed>();
  const fetcher = options.fetchFeed ?? ((url: string) => fetchFeed(url));
  const shownPath = shownPaths(options.baseDir);
  for (const [index, source] of sources.entries()) {
    if (source.feed) {
      try {
        const body = await fetcher(source.feed);
        items.push({ key: source.feed, shown: source.feed, body });
      } catch (error) {
        warnings.push({ code: 'feed-unreachable', file: source.feed, message: `feed not read (${describeFetchError(error)}); its articles already in the store are used` });
      }
      files.set(source.feed, { index, source, shown: source.feed });
      continue;
    }
    const listed = await findFiles(source as SourceSpec & { resolved: string });
    pruneMissing(store, listed.base, listed.files);
    for (const file of listed.files) {
      if (files.has(file)) continue;
      const shown = shownPath(file);
      files.set(file, { index, source, shown });
      items.push(ingestItem(file, shown, source));
    }
  }
  const ingested = await ingestItems(store, items, refreshOptions(options));
  const query = queryPeriod(store, options, (key) => files.get(key));
  return {
    // The manifest names the files whose articles the brief used: the rest of a large archive did not go into it.
    inputs: usedInputs(store, query.keys, (key) => files.get(key)!),
    articles: query.articles,
    warnings: [...warnings, ...ingested.warnings, ...query.warnings],
    counts: { files: files.size, parsed: ingested.parsed, unchanged: ingested.unchanged, failed: ingested.failed, ...query.counts, refreshed: true },
  };
}

/** The store read as last ingested, and how that becomes a refresh's result when nothing changed. */
export interface StoredRead {
  collected: CollectedSources;
  /**
   * What the refreshing collect stage returns when a refresh would change nothing (scanSources
   * says so, having looked at `files` files): the same articles and inputs, a refresh's counts,
   * and the warnings a refresh repeats for the brief's files that gave no article.
   */
  asRefreshed(files: number): CollectedSources;
}

/**
 * collectSources after a background scan (pipeline.ts's analyzeAhead) of file sources: the scan
 * listed the files and found which changed, so only those are read, and the others are only
 * counted, with no entry, shown name or item made for each (over 100,000 files that took ~0.2 s
 * of a run that reads one new file). The same result as collectSources' own: counts, warnings,
 * progress, and the inputs in the same order.
 */
async function refreshScanned(store: Store, sources: readonly SourceSpec[], options: CollectOptions, scanned: NonNullable<CollectOptions['scanned']>): Promise<CollectedSources> {
  const { lists } = scanned;
  // In the order the refresh looks at them: by source, then by key (each list is sorted); a file
  // two sources list is the first's.
  const keys = lists.length === 1 ? lists[0]! : [...new Set(lists.flat())];
  const shownPath = shownPaths(options.baseDir);
  const placed = new Map<string, Placed | undefined>();
  const placeOf = (key: string) => {
    if (!placed.has(key)) {
      const index = lists.findIndex((list) => includesSorted(list, key));
      placed.set(key, index < 0 ? undefined : { index, source: sources[index]!, shown: shownPath(key) });
    }
    return placed.get(key);
  };
  removeFiles(store, scanned.gone);
  const item = (index: number) => {
    const { source, shown } = placeOf(keys[index]!)!;
    return ingestItem(keys[index]!, shown, source);
  };
  const ingested = await ingestItems(store, { keys, item }, { ...refreshOptions(options), changed: new Set(scanned.changed) });
  const query = queryPeriod(store, options, placeOf);
  return {
    inputs: usedInputs(store, query.keys, (key) => placeOf(key)!),
    articles: query.articles,
    warnings: [...ingested.warnings, ...query.warnings],
    counts: { files: keys.length, parsed: ingested.parsed, unchanged: ingested.unchanged, failed: ingested.failed, ...query.counts, refreshed: true },
  };
}

/** How a refresh ingests a brief's sources (collectSources, refreshScanned). */
function refreshOptions(options: CollectOptions): IngestOptions {
  return { now: options.now, ...(options.onProgress && { onProgress: options.onProgress }), ...(options.fullText === false && { fullText: false }) };
}

/** The period's articles in the store, from the files `sourceOf` places in a source (every read of the store here). */
function queryPeriod(store: Store, options: CollectOptions, sourceOf: QueryOptions['sourceOf']): QueryResult {
  return queryArticles(store, { sourceOf, period: options.period, timeZone: options.timeZone, includeUndated: options.includeUndated ?? false });
}

/** Where a refresh puts a file: the index of the first source listing it, that source, and the file's shown name. */
interface Placed {
  index: number;
  source: SourceSpec;
  shown: string;
}

/** Whether a sorted list of strings includes `key` (a binary search). */
function includesSorted(list: readonly string[], key: string): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = list[middle]!;
    if (at === key) return true;
    if (at < key) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Keys in the order a refresh looks at their files: by source, then by key. */
function inRefreshOrder(placeOf: (key: string) => Placed): (a: string, b: string) => number {
  return (a, b) => placeOf(a).index - placeOf(b).index || (a < b ? -1 : a > b ? 1 : 0);
}

/** The files whose articles a brief used, once each, in the order a refresh looks at them, with their stored hashes: the manifest's inputs. */
function usedInputs(store: Store, used: readonly string[], placeOf: (key: string) => Placed): CollectedSources['inputs'] {
  const files = [...new Set(used)].sort(inRefreshOrder(placeOf));
  const hashes = storedHashesOf(store, files);
  return files.map((key) => ({ file: placeOf(key).shown, sha256: hashes.get(key) ?? '' }));
}

/** A file of a source to ingest, with the source's field map and size limit. */
function ingestItem(key: string, shown: string, source: SourceSpec): IngestItem {
  return { key, shown, ...(source.fields && { fields: source.fields }), ...(source.oversize && { oversize: source.oversize }) };
}

/**
 * The collect stage without refreshing: the period's articles as last ingested. Source files
 * are not listed, statted or read and feeds are not fetched (so the warnings about unreadable
 * files, given at ingest, are not repeated); a source with nothing in the store is an error,
 * since its articles would silently be missing.
 */
export function readStored(store: Store, sources: readonly SourceSpec[], options: CollectOptions): StoredRead {
  const entries = sources.map((source) => {
    const matches = storedKeyMatcher(source);
    const base = sourceBase(source);
    if (storedUnder(store, base, 1).length === 0) {
      throw new BriefError('source-not-ingested', `source "${source.path}": nothing from it is in the store, and --no-refresh reads only the store`, {
        exitCode: ExitCode.noInput,
        location: source.location,
        hint: `ingest it first (brief ingest ${source.feed ?? displayPath(source.resolved!, process.cwd())}), or generate without --no-refresh`,
      });
    }
    return { source, matches };
  });
  const shownPath = shownPaths(options.baseDir);
  // Each stored key is matched against the sources once: its entry's index and shown name.
  const found = new Map<string, Placed | undefined>();
  const sourceOf = (key: string) => {
    if (!found.has(key)) {
      const index = entries.findIndex(({ matches }) => matches(key));
      const source = entries[index]?.source;
      found.set(key, source && { index, source, shown: source.feed ?? shownPath(key) });
    }
    return found.get(key);
  };
  const query = queryPeriod(store, options, sourceOf);
  const placeOf = (key: string) => sourceOf(key)!;
  const collected: CollectedSources = {
    inputs: usedInputs(store, query.keys, placeOf),
    articles: query.articles,
    warnings: query.warnings,
    counts: { files: 0, parsed: 0, unchanged: 0, failed: 0, ...query.counts, refreshed: false },
  };
  const asRefreshed = (files: number): CollectedSources => {
    const order = inRefreshOrder(placeOf);
    const repeated = [...storedWarnings(store)]
      .filter(([key]) => sourceOf(key))
      .sort(([a], [b]) => order(a, b))
      .map(([key, message]) => repeatedWarning(sourceOf(key)!.shown, message));
    return { ...collected, warnings: [...repeated, ...collected.warnings], counts: { ...collected.counts, files, unchanged: files, refreshed: true } };
  };
  return { collected, asRefreshed };
}

/**
 * The period's articles as a refresh that found only `changed` new or changed would leave them,
 * without changing the store: the files are ingested in a transaction rolled back once the period
 * is read. For an analysis made while a background scan goes on (pipeline.ts's analyzeAhead); the
 * refresh after the scan stays the one that writes, and whether the articles read here are its
 * articles is checked there.
 */
export async function readStoredAfter(store: Store, sources: readonly SourceSpec[], options: CollectOptions, changed: readonly string[]): Promise<CollectedSources> {
  const matchers = sources.map(storedKeyMatcher);
  const items = changed.map((key) => {
    const source = sources[matchers.findIndex((matches) => matches(key))];
    if (!source) throw new Error(`${key} belongs to no source`);
    return ingestItem(key, key, source);
  });
  store.exec('BEGIN');
  try {
    await ingestItems(store, items, { now: options.now, changed: new Set(changed), fullText: false });
    return readStored(store, sources, options).collected;
  } finally {
    store.exec('ROLLBACK');
  }
}

/** `warning[code]: file:line:col: message` */
export function formatWarning(warning: Warning): string {
  return `warning[${warning.code}]: ${formatLocation(warning)}: ${warning.message}`;
}
