import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SourceSpec } from '../brief/brief.js';
import { CHANGES_POSTED_UP_TO, changeMatters, scanSources, type BackgroundScan, type ScanMessage } from './scan-sources.js';

/**
 * The worker thread of scanInBackground (scan-sources.ts), bundled on its own as
 * dist/scan-sources-worker.cjs: scans the sources it is given (scanSources), posting each change
 * as it is found (up to CHANGES_POSTED_UP_TO), counted first in the shared flag, and raising the
 * flag at the first change that matters to the period (changeMatters; any, without a period). It answers a current store's file
 * count and touched files (the listing stays here), the whole scan of one that is not, and null
 * for a brief with feeds and any failure.
 */
const { storePath, sources, flag, window } = workerData as { storePath: string; sources: SourceSpec[]; flag: Int32Array; window?: { from: string; to: string } };
const post = (message: ScanMessage) => parentPort!.postMessage(message);
const raise = () => Atomics.store(flag, 0, 1);

async function answer(): Promise<BackgroundScan | null> {
  const store = new Database(storePath, { readonly: true, fileMustExist: true });
  const matters = window ? changeMatters(store, window) : () => true;
  // Once a change that is not a file's is posted, or CHANGES_POSTED_UP_TO are, the main thread
  // reads no change ahead: the rest are counted (as mattering, unasked), not posted.
  let posted = 0;
  let other = false;
  const change = (file?: string) => {
    Atomics.add(flag, 1, 1);
    const telling = !other && posted < CHANGES_POSTED_UP_TO;
    if (!telling || file === undefined || matters(file)) {
      Atomics.add(flag, 2, 1);
      raise();
    }
    if (!telling) return;
    other = file === undefined;
    posted += 1;
    post({ change: file ?? null });
  };
  try {
    const scan = await scanSources(store, sources, change);
    if (!scan) return null;
    return scan.current ? { current: true, files: scan.files, touched: scan.touched } : { ...scan, current: false };
  } finally {
    store.close();
  }
}

void answer().then(
  (scan) => {
    if (!scan) raise();
    post({ answer: scan });
  },
  () => {
    raise();
    post({ answer: null });
  },
);
