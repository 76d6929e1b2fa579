import { existsSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceSpec } from '../brief/brief.js';
import { packageRoot } from '../paths.js';
import { danglingLinks } from '../store/fold-duplicates.js';
import { sameStats, storedUnder, type Store, type StoredStats } from '../store/open-store.js';
import { findFiles, sourceBase, storedKeyMatcher } from './find-files.js';

/**
 * Below this many stored files under a brief's sources, the freshness check stays on the main
 * thread (inside the refresh): starting a worker costs ~30 ms, and checking 1,000 files ~15 ms.
 */
export const BACKGROUND_CHECK_FROM = 5_000;

/** The bundled worker (scripts/bundle.js); absent when running from the sources unbuilt. */
const workerFile = join(packageRoot, 'dist', 'check-current-worker.cjs');

/**
 * Whether refreshing these file sources would leave the store, and so the brief, as it is; if so,
 * how many files a refresh would have looked at. It holds when:
 * - every file found on disk is stored with the size and mtime it has (so none would be read);
 * - no stored file under a source's folder is gone from disk (so none would be pruned);
 * - each stored key belongs to the same source by its stored-key matcher as by the files found
 *   (so reading the store as it is sees exactly the files a refresh would);
 * - no duplicate or syndication link dangles (so the fold a refresh ends with would write nothing).
 * Feeds are always fetched, so a brief with one is never current. An error (a source folder
 * missing, a file gone between listing and stat) is thrown; the worker answers "not current" to
 * it, and the refresh then meets it.
 */
export async function checkCurrent(store: Store, sources: readonly SourceSpec[]): Promise<{ files: number } | undefined> {
  if (sources.some((source) => source.feed)) return undefined;
  // Each source's files, sorted, are merged with the stored rows in key order: nothing is held per
  // file (100,000 stored rows in a map cost ~60 MB). Keys sort alike in both but for characters
  // beyond U+FFFF, which can only make a current store look changed, never the reverse. The merge
  // runs from the last key: archives named by date put their newest files, the likeliest to be
  // new or changed, there, so a change is usually found at once.
  const lists: string[][] = [];
  for (const source of sources) lists.push((await findFiles(source as SourceSpec & { resolved: string })).files);
  const cursors = lists.map((list) => list.length - 1);
  const matchers = sources.map(storedKeyMatcher);
  const bases = sources.map((source) => sourceBase(source)).map((base) => ({ base, prefix: base.endsWith(sep) ? base : `${base}${sep}` }));
  const under = (key: string) => bases.some(({ base, prefix }) => key === base || key.startsWith(prefix));
  let files = 0;
  for (const row of store.prepare<[], StoredStats>('SELECT key, size, mtime_ms FROM files ORDER BY key DESC').raw().iterate()) {
    const key = row[0];
    // The first source (in the brief's order) whose files include this key, as the refresh assigns it.
    let first = -1;
    for (const [index, list] of lists.entries()) {
      const next = list[cursors[index]!];
      if (next !== undefined && next > key) return undefined; // found on disk, not stored
      if (next === key) {
        cursors[index]! -= 1;
        if (first < 0) first = index;
      }
    }
    if (first >= 0) {
      files += 1;
      if (!sameStats(row, statSync(key))) return undefined;
    } else if (under(key) && !existsSync(key)) return undefined; // gone: a refresh would prune it
    if (matchers.findIndex((matches) => matches(key)) !== first) return undefined;
  }
  if (cursors.some((cursor) => cursor >= 0)) return undefined;
  if (danglingLinks(store).length > 0) return undefined;
  return { files };
}

/** Whether a brief's file sources hold enough stored files for a background check to pay. */
export function worthCheckingInBackground(store: Store, sources: readonly SourceSpec[], from = BACKGROUND_CHECK_FROM): boolean {
  if (!Number.isFinite(from) || !existsSync(workerFile) || sources.some((source) => source.feed)) return false;
  let count = 0;
  for (const source of sources) {
    count += storedUnder(store, sourceBase(source), from - count).length;
    if (count >= from) return true;
  }
  return false;
}

/** A check running in a worker thread; `stop` ends it early (its answer is then undefined). */
export interface BackgroundCheck {
  result: Promise<{ files: number } | undefined>;
  /** Aborted as soon as the worker finds the store not current, before its answer arrives. */
  changed: { readonly aborted: boolean };
  stop(): void;
}

/**
 * Runs checkCurrent in a worker thread on its own read-only connection to the store, so the
 * main thread can meanwhile read the store and analyse it. Any failure of the worker is "not
 * current".
 */
export function checkInBackground(storePath: string, sources: readonly SourceSpec[]): BackgroundCheck {
  // Raised by the worker itself: this thread, busy analysing, reads it without its event loop.
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerFile, { workerData: { storePath, sources, flag } });
  const result = new Promise<{ files: number } | undefined>((resolve) => {
    worker.once('message', (message: { files: number } | null) => resolve(message ?? undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  const changed = {
    get aborted() {
      return Atomics.load(flag, 0) === 1;
    },
  };
  return { result, changed, stop: () => void worker.terminate() };
}
