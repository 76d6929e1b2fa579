import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** The cache folder: BRIEF_CACHE_DIR, else $XDG_CACHE_HOME/briefwright or ~/.cache/briefwright; "off" disables it. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BRIEF_CACHE_DIR === 'off') return undefined;
  if (env.BRIEF_CACHE_DIR) return env.BRIEF_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'briefwright');
}

/**
 * Writes a cache file whole: a temp file, then a rename, so a reader never sees half of one. The
 * process and thread id keep the temp files of concurrent writers (`brief run`'s threads) apart.
 */
export function writeCacheFile(file: string, data: string | Uint8Array, mode?: number): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${threadId}`;
  writeFileSync(temp, data, mode === undefined ? {} : { mode });
  renameSync(temp, file);
}
