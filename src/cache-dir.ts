import { accessSync, closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
 * Only its owner may read or write it (readOwnFile ignores one that others could change).
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${threadId}`;
  try {
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch (error) {
    // A full disk leaves no half-written temp file behind (no cache's sweep would remove it).
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * A cache file's bytes, if it may be trusted: the code cache's is bytecode that runs, and the YAML
 * cache's and shaping cache's decide a brief's settings and glyphs. So (where the system has users)
 * a file that another user owns or could write is ignored, as ssh ignores a key file others can change.
 */
export function readOwnFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { uid, mode } = fstatSync(fd);
    if (process.getuid && (uid !== process.getuid() || (mode & 0o022) !== 0)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The shaping cache's files (src/pdf/shaping-cache.ts): one per font face, format and fontkit version. */
export const isShapingFile = (name: string): boolean => /^shaping-v\d+-.*\.(bin|json)$/.test(name);
/** The subset cache's files (src/pdf/subset-cache.ts): a few per font face, format and fontkit version. */
export const isSubsetFile = (name: string): boolean => /^subset-v\d+-.*\.bin$/.test(name);
/** The compiled-code cache's files (src/code-cache.ts): one per bundle, build and command. */
export const isCodeFile = (name: string): boolean => /^code-.*\.bin$/.test(name);
/** The analyses kept (src/memoize-analysis.ts): one per brief's inputs, build and format. */
export const isAnalysisFile = (name: string): boolean => /^analysis-v\d+-.*\.bin$/.test(name);
/** The YAML cache's file (src/yaml/yaml-cache.ts): one per format and parser version. */
export const isYamlFile = (name: string): boolean => /^yaml-v\d+-.*\.json$/.test(name);
/** The template cache's files (src/markdown/template-cache.ts): compiled templates and templates linted clean. */
export const isTemplateFile = (name: string): boolean => /^template-v\d+-.*\.(js|ok)$/.test(name);

/**
 * A dependency's version, part of the names of cache files whose contents it decides (Briefwright's
 * own is paths.ts's packageVersion). Its package.json sits one folder above its entry point's (the
 * exports of fontkit and yaml do not include package.json).
 */
export function dependencyVersion(name: string): string {
  const entry = createRequire(import.meta.url).resolve(name);
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** A temp file of writeCacheFile's: the name it is written for, and its writer's process and thread. */
const TEMP_FILE = /^(.+)\.tmp-\d+-\d+$/;
/** A cache file takes milliseconds to write: a temp file this old was left by a writer killed before its rename. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Whether `name` is a temp file writeCacheFile left, over an hour ago, for a file that `kind` names. */
function isAbandonedTemp(dir: string, name: string, kind: (name: string) => boolean): boolean {
  const target = TEMP_FILE.exec(name)?.[1];
  if (target === undefined || !kind(target)) return false;
  try {
    return Date.now() - statSync(join(dir, name)).mtimeMs > ABANDONED_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Removes the cache files of one kind whose names do not start with `current`: an earlier build's,
 * format's or version's, which no run will read again; and the kind's temp files left by a killed
 * writer. A folder that cannot be listed or changed costs only disk space.
 */
export function removeStale(dir: string, kind: (name: string) => boolean, current: string): void {
  try {
    for (const name of readdirSync(dir)) if ((kind(name) && !name.startsWith(current)) || isAbandonedTemp(dir, name, kind)) rmSync(join(dir, name), { force: true });
  } catch {
    // Left for a later run.
  }
}

/**
 * Keeps the `count` most recently used of the files `kept` names (a use sets a file's time), up to
 * `bytes` in all but always the most recent one, and removes the others, and their temp files left
 * by a killed writer. A file gone meanwhile (a concurrent run's sweep) is passed over; a folder that
 * cannot be listed or changed costs only disk space.
 */
export function keepRecent(dir: string, kept: (name: string) => boolean, count: number, bytes = Infinity): void {
  try {
    const names = readdirSync(dir);
    for (const name of names) if (isAbandonedTemp(dir, name, kept)) rmSync(join(dir, name), { force: true });
    const files = names
      .filter(kept)
      .flatMap((name) => {
        try {
          const { mtimeMs, size } = statSync(join(dir, name));
          return [{ name, time: mtimeMs, size }];
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.time - a.time || a.name.localeCompare(b.name));
    let total = 0;
    for (const [i, { name, size }] of files.entries()) {
      total += size;
      if (i > 0 && (i >= count || total > bytes)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // Left for a later run.
  }
}

/** Marks a cache file used now, for keepRecent; a folder that cannot be changed only keeps an older order. */
export function touchCacheFile(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Only the order of removal depends on it.
  }
}

/**
 * What `brief doctor` says of the cache folder: where it is, what it holds (the shaping cache's
 * font faces, src/pdf/shaping-cache.ts, and their subsets, src/pdf/subset-cache.ts, the compiled
 * code of each command, src/code-cache.ts, the values of YAML files, src/yaml/yaml-cache.ts, the
 * compiled templates, src/markdown/template-cache.ts, and the analyses of briefs,
 * src/memoize-analysis.ts)
 * and whether it can be written.
 */
export function describeCache(dir: string | undefined): string {
  if (!dir) return 'off (BRIEF_CACHE_DIR=off): every PDF shapes its words and encodes its fonts, every start compiles the CLI afresh and parses its YAML and templates, every brief is analysed afresh';
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
  const yaml = names.filter(isYamlFile);
  const subsets = names.filter(isSubsetFile);
  const analyses = names.filter(isAnalysisFile);
  const templates = names.filter(isTemplateFile);
  const commands = [...new Set(code.map((name) => /-([a-z]+)\.bin$/.exec(name)?.[1] ?? 'other'))].sort();
  const held = [
    ...(shaping.length ? [`${shaping.length} font face(s) shaped, ${size(shaping)} MiB`] : []),
    ...(subsets.length ? [`${subsets.length} font subset(s), ${size(subsets)} MiB`] : []),
    ...(code.length ? [`compiled code for ${commands.join(', ')}, ${size(code)} MiB`] : []),
    ...(yaml.length ? [`parsed YAML, ${size(yaml)} MiB`] : []),
    ...(templates.length ? [`compiled templates, ${size(templates)} MiB`] : []),
    ...(analyses.length ? [`${analyses.length} brief ${analyses.length === 1 ? 'analysis' : 'analyses'}, ${size(analyses)} MiB`] : []),
  ];
  return `${dir}: ${held.join('; ') || 'empty'}`;
}
