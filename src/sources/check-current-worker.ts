import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SourceSpec } from '../brief/brief.js';
import { checkCurrent } from './check-current.js';

/**
 * The worker thread of checkInBackground (check-current.ts), bundled on its own as
 * dist/check-current-worker.cjs: answers checkCurrent for the store and sources it is given,
 * with null for "not current" and for any failure, raising the shared flag first.
 */
const { storePath, sources, flag } = workerData as { storePath: string; sources: SourceSpec[]; flag: Int32Array };

async function answer(): Promise<{ files: number } | null> {
  const store = new Database(storePath, { readonly: true, fileMustExist: true });
  try {
    return (await checkCurrent(store, sources)) ?? null;
  } finally {
    store.close();
  }
}

function reply(files: { files: number } | null): void {
  if (!files) Atomics.store(flag, 0, 1);
  parentPort!.postMessage(files);
}

void answer().then(reply, () => reply(null));
