import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { mebibytes } from './bytes.js';

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

/** The shaping cache's files (src/pdf/shaping-cache.ts): one per font face, format and fontkit version. */
export const isShapingFile = (name: string): boolean => /^shaping-v\d+-.*\.json$/.test(name);
/** The compiled-code cache's files (src/code-cache.ts): one per bundle, build and command. */
export const isCodeFile = (name: string): boolean => /^code-.*\.bin$/.test(name);

/**
 * Removes the cache files of one kind whose names do not start with `current`: an earlier build's,
 * format's or version's, which no run will read again. A folder that cannot be listed or changed
 * costs only disk space.
 */
export function removeStale(dir: string, kind: (name: string) => boolean, current: string): void {
  try {
    for (const name of readdirSync(dir)) if (kind(name) && !name.startsWith(current)) rmSync(join(dir, name), { force: true });
  } catch {
    // Left for a later run.
  }
}

/**
 * What `brief doctor` says of the cache folder: where it is, what it holds (the shaping cache's
 * font faces, src/pdf/shaping-cache.ts, and the compiled code of each command, src/code-cache.ts)
 * and whether it can be written.
 */
export function describeCache(dir: string | undefined): string {
  if (!dir) return 'off (BRIEF_CACHE_DIR=off): every PDF shapes its words and every start compiles the CLI afresh';
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let writable = true;
  try {
    accessSync(existing, constants.W_OK);
    writable = statSync(existing).isDirectory();
  } catch {
    writable = false;
  }
  if (!writable) return `${dir} cannot be written; PDFs are the same without it, only slower (set BRIEF_CACHE_DIR to a writable folder, or off)`;
  const names = existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir) : [];
  const size = (files: string[]) => mebibytes(files.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0));
  const shaping = names.filter(isShapingFile);
  const code = names.filter(isCodeFile);
  const commands = [...new Set(code.map((name) => /-([a-z]+)\.bin$/.exec(name)?.[1] ?? 'other'))].sort();
  const held = [
    ...(shaping.length ? [`${shaping.length} font face(s) shaped, ${size(shaping)} MiB`] : []),
    ...(code.length ? [`compiled code for ${commands.join(', ')}, ${size(code)} MiB`] : []),
  ];
  return `${dir}: ${held.join('; ') || 'empty'}`;
}
