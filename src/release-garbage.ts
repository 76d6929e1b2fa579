import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, for the one point where a run drops a large heap it will not use
 * again: after checking a large archive for changes. At 100,000 files that check holds ~70 MB
 * (the listing, the stored sizes and times, per-file maps) long enough to be promoted, and V8
 * would carry it, dead, through analysis and the PDF: peak RSS 330–350 MB instead of ~265 MB.
 * Node has no API for this; exposing V8's gc() at run time is what Jest's leak detector does. The
 * flag is switched off again at once: V8's flags are part of every code cache's key, and the CLI's
 * (src/code-cache.ts) is written at exit. If gc() cannot be had, nothing happens.
 */
export function releaseGarbage(): void {
  // V8's flags are process-wide: they are not switched while `brief run`'s other threads compile.
  if (!isMainThread) return;
  if (collect === undefined && typeof globalThis.gc === 'function') collect = globalThis.gc;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  collect?.();
}
