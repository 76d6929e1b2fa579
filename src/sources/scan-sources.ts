import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceSpec } from '../brief/brief.js';
import { sha256 } from '../bytes.js';
import { packageRoot } from '../paths.js';
import { danglingLinks } from '../store/fold-duplicates.js';
import { folderPrefix, sameStats, storedHashes, storedUnder, type Store, type StoredStats } from '../store/open-store.js';
import { findFiles, sourceBase, storedKeyMatcher } from './find-files.js';

/**
 * Below this many stored files under a brief's sources, the refresh looks at them itself: starting
 * a worker costs ~30 ms, and looking at 1,000 files ~10 ms.
 */
export const BACKGROUND_SCAN_FROM = 5_000;

/** The bundled worker (scripts/bundle.js); absent when running from the sources unbuilt. */
const workerFile = join(packageRoot, 'dist', 'scan-sources-worker.cjs');

/** What a refresh of a brief's file sources would find, looked at ahead of it (scanSources). */
export interface SourceScan {
  /** Each source's files, as findFiles lists them for the refresh. */
  lists: string[][];
  /** Files found that are not stored, or whose size or mtime changed: the ones a refresh reads. */
  changed: string[];
  /**
   * Of a current store, the files whose mtime changed but whose bytes are the ones stored (a sync
   * or a checkout that rewrote them, `touch`): a refresh would only record their new mtime. When the
   * store is not current, they are among `changed` instead, and the refresh reads them again.
   */
  touched: StoredStats[];
  /** Stored files under a source's folder that are gone from disk: the ones a refresh prunes. */
  gone: string[];
  /** Files found, each counted once. */
  files: number;
  /**
   * Whether the refresh would leave the store, and so the brief, as it is. It would when:
   * - every file found is stored with the size and mtime it has, or with the bytes it has (none
   *   is parsed; the refresh would only record the new mtimes, `touched`);
   * - no stored file under a source's folder is gone from disk (none is pruned);
   * - each stored key belongs to the same source by its stored-key matcher as by the files found
   *   (reading the store as it is sees exactly the files a refresh would);
   * - no duplicate or syndication link dangles (the fold a refresh ends with writes nothing).
   */
  current: boolean;
}

/**
 * Scans a brief's file sources as a refresh would, without changing the store. `onChange` is told
 * of each thing that makes the store not current as it is found, while the scan goes on to list
 * every change: a file found new or changed, by its key, else (a file gone, a key that changed
 * source, a dangling link) undefined.
 * Feeds are fetched at every refresh, so a brief with one is not scanned (undefined). An error (a
 * source folder missing, a file gone between listing and stat) is thrown; the worker answers "no
 * scan" to it, and the refresh then meets it.
 */
export async function scanSources(store: Store, sources: readonly SourceSpec[], onChange: (file?: string) => void = () => {}): Promise<SourceScan | undefined> {
  if (sources.some((source) => source.feed)) return undefined;
  let current = true;
  const notCurrent = (file?: string) => {
    onChange(file);
    current = false;
  };
  const changed = new Set<string>();
  const change = (file: string) => {
    if (!changed.has(file)) notCurrent(file);
    changed.add(file);
  };
  // Found but not stored; a file two sources find is one file.
  const unstored = new Set<string>();
  const add = (file: string) => {
    unstored.add(file);
    change(file);
  };
  // Each source's files, sorted, are merged with the stored rows in key order: nothing is held per
  // unchanged file (100,000 stored rows in a map cost ~60 MB). Keys sort alike in both but for
  // characters beyond U+FFFF, which can only make a stored file look new (read again), never the
  // reverse. The merge runs from the last key: archives named by date put their newest files, the
  // likeliest to be new or changed, there, so a change is usually found at once.
  const lists: string[][] = [];
  for (const source of sources) lists.push((await findFiles(source as SourceSpec & { resolved: string })).files);
  const cursors = lists.map((list) => list.length - 1);
  const matchers = sources.map(storedKeyMatcher);
  const bases = sources.map((source) => sourceBase(source)).map((base) => ({ base, prefix: folderPrefix(base) }));
  const under = (key: string) => bases.some(({ base, prefix }) => key === base || key.startsWith(prefix));
  const gone: string[] = [];
  const touched: StoredStats[] = [];
  const hashOf = storedHashes(store);
  let stored = 0;
  const merge = (row: StoredStats) => {
    const key = row[0];
    // The first source (in the brief's order) whose files include this key, as the refresh assigns it.
    let first = -1;
    for (let index = 0; index < lists.length; index++) {
      const list = lists[index]!;
      // Files after this key in the order were found on disk but are not stored: new.
      while (cursors[index]! >= 0 && list[cursors[index]!]! > key) add(list[cursors[index]!--]!);
      if (list[cursors[index]!] === key) {
        cursors[index]! -= 1;
        if (first < 0) first = index;
      }
    }
    if (first >= 0) {
      stored += 1;
      const info = statSync(key);
      if (!sameStats(row, info)) {
        if (info.size === row[1] && sameBytes(key, hashOf(key))) touched.push([key, info.size, info.mtimeMs]);
        else change(key);
      }
    } else if (under(key) && !existsSync(key)) {
      gone.push(key);
      notCurrent();
    }
    if (matchers.findIndex((matches) => matches(key)) !== first) notCurrent();
  };
  // One read transaction: the rows, the hashes and the dates asked for along the way are one snapshot.
  store.transaction(() => {
    for (const batch of storedStatsDescending(store)) for (const row of batch) merge(row);
  })();
  for (const [index, list] of lists.entries()) while (cursors[index]! >= 0) add(list[cursors[index]!--]!);
  if (current && danglingLinks(store).length > 0) notCurrent();
  // Touched files only need their new stats recorded in a current store; otherwise the refresh reads them.
  if (!current) for (const [key] of touched.splice(0)) changed.add(key);
  return { lists, changed: [...changed], touched, gone, files: stored + unstored.size, current };
}

/** Rows read at a time by storedStatsDescending. */
const ROWS_PER_READ = 1000;

/**
 * Every stored file's size and mtime, the last key first, read a thousand rows at a time from
 * where the last read ended (the key's index): 100,000 rows in 177–243 ms against 270–305 ms
 * stepping a statement row by row. For one read transaction, as the caller opens.
 */
function* storedStatsDescending(store: Store): Generator<StoredStats[]> {
  const first = store.prepare<[number], StoredStats>('SELECT key, size, mtime_ms FROM files ORDER BY key DESC LIMIT ?').raw();
  const after = store.prepare<[string, number], StoredStats>('SELECT key, size, mtime_ms FROM files WHERE key < ? ORDER BY key DESC LIMIT ?').raw();
  let rows = first.all(ROWS_PER_READ);
  while (rows.length > 0) {
    yield rows;
    if (rows.length < ROWS_PER_READ) return;
    rows = after.all(rows[rows.length - 1]![0], ROWS_PER_READ);
  }
}

/**
 * Whether a file's bytes hash to the SHA-256 stored for it. Only a file whose size is unchanged is
 * asked: its mtime changed, and reading it here spares the brief a refresh. A file that cannot be
 * read is not the same: the refresh meets its error.
 */
function sameBytes(file: string, stored: string | undefined): boolean {
  if (!stored) return false;
  try {
    return sha256(readFileSync(file)) === stored;
  } catch {
    return false;
  }
}

/** Whether a brief's file sources hold enough stored files for a background scan to pay. */
export function worthScanningInBackground(store: Store, sources: readonly SourceSpec[], from = BACKGROUND_SCAN_FROM): boolean {
  if (!Number.isFinite(from) || !existsSync(workerFile) || sources.some((source) => source.feed)) return false;
  let count = 0;
  for (const source of sources) {
    count += storedUnder(store, sourceBase(source), from - count).length;
    if (count >= from) return true;
  }
  return false;
}

/** The worker's answer: a current store's file count and touched files, or the whole scan of one that is not. */
export type BackgroundScan = { current: true; files: number; touched: StoredStats[] } | (SourceScan & { current: false });

/**
 * Whether a change to a stored file can change a brief's period, whose dated rows are read between
 * `window`'s UTC dates: it can unless the file is stored with articles, each dated outside them. (A
 * new text could still date it inside, or fold it with an article inside: the caller compares the
 * articles a refresh gives with the ones it analysed, so this only decides what to stop.)
 */
export function changeMatters(store: Store, window: { from: string; to: string }): (file: string) => boolean {
  const dates = store.prepare<[string], string | null>('SELECT published_utc FROM articles WHERE file = ?').pluck();
  return (file) => {
    const published = dates.all(file);
    return published.length === 0 || published.some((date) => date === null || (date >= window.from && date <= window.to));
  };
}

/** A scan running in a worker thread; `stop` ends it early (its answer is then undefined). */
export interface BackgroundScanRun {
  result: Promise<BackgroundScan | undefined>;
  /**
   * Aborted as soon as the worker finds a change that matters to the period (changeMatters; any
   * change when no period was given), before its answer arrives.
   */
  changed: { readonly aborted: boolean };
  /**
   * Waits for the first change found, or the answer. Then the files found new or changed so far,
   * once this thread has been told of every change found so far, and how many of the changes
   * matter; undefined if the answer came first (a current store, more changes than the worker
   * posts, or the refresh is as near) or a change is not a file's (one gone, a dangling link…).
   */
  changesSoFar(): Promise<{ files: string[]; mattering: number } | undefined>;
  /** Aborted as soon as the worker has found more than `count` changes that matter. */
  matteringBeyond(count: number): { readonly aborted: boolean };
  stop(): void;
}

/**
 * The changes the worker posts as it finds them, at most (the main thread reads up to 200 changed
 * files ahead, pipeline.ts's ANALYZE_CHANGED_UP_TO): past them, a change is counted but neither
 * posted nor looked up in the store, so a new source of 100,000 files costs neither thread more.
 */
export const CHANGES_POSTED_UP_TO = 1000;

/** What the worker posts: each change as found (a file's key, or null), then its answer. */
export type ScanMessage = { change: string | null } | { answer: BackgroundScan | null };

/**
 * Runs scanSources in a worker thread on its own read-only connection to the store, so the main
 * thread can meanwhile read the store and analyse it. `window` is the period's (storedDateWindow),
 * for changeMatters. Any failure of the worker is no answer.
 */
export function scanInBackground(storePath: string, sources: readonly SourceSpec[], window?: { from: string; to: string }): BackgroundScanRun {
  // Written by the worker itself: this thread, busy analysing, reads them without its event loop.
  // [0] is 1 once a change that matters is found (or the scan fails); [1] counts the changes
  // found and [2] those that matter, each counted before it is posted, [1] before [2].
  const flag = new Int32Array(new SharedArrayBuffer(12));
  // A small young generation: the scan's garbage is short-lived (a Stats object per file), and the
  // default one grows to ~30 MB more of peak RSS with no gain in time (measured over 100,000 files).
  const worker = new Worker(workerFile, { workerData: { storePath, sources, flag, window }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const changes: (string | null)[] = [];
  let answered = false;
  let told: (() => void) | undefined;
  const result = new Promise<BackgroundScan | undefined>((resolve) => {
    const answer = (scan: BackgroundScan | undefined) => {
      answered = true;
      resolve(scan);
      told?.();
    };
    worker.on('message', (message: ScanMessage) => {
      if ('answer' in message) return answer(message.answer ?? undefined);
      changes.push(message.change);
      told?.();
    });
    worker.once('error', () => answer(undefined));
    worker.once('exit', () => answer(undefined));
  });
  const changesSoFar = async () => {
    // The mattering count first: every change it counts is then counted in [1], and so waited for.
    let mattering = Atomics.load(flag, 2);
    while (!answered && !changes.includes(null) && (changes.length === 0 || changes.length < Atomics.load(flag, 1))) {
      await new Promise<void>((resolve) => (told = resolve));
      mattering = Atomics.load(flag, 2);
    }
    told = undefined;
    return answered || changes.includes(null) ? undefined : { files: changes.slice() as string[], mattering };
  };
  const changed = {
    get aborted() {
      return Atomics.load(flag, 0) === 1;
    },
  };
  const matteringBeyond = (count: number) => ({
    get aborted() {
      return Atomics.load(flag, 2) > count;
    },
  });
  return { result, changed, changesSoFar, matteringBeyond, stop: () => void worker.terminate() };
}
