import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Analysis, AnalyzeOptions } from './analysis/analyze-topics.js';
import { buildId } from './build-id.js';
import { sha256 } from './bytes.js';
import { cacheDir, isAnalysisFile, keepRecent, readOwnFile, removeStale, touchCacheFile, writeCacheFile } from './cache-dir.js';
import type { Article } from './sources/article.js';
import type { EntityCatalog, Topic } from './topics/topic.js';

/**
 * Analyses kept between runs. An analyst regenerates a brief many times while editing its
 * judgments, notes and templates, none of which the analysis reads: the period's articles, the
 * topics and the entity catalog are the same, and so is the analysis (a third of a long brief's
 * time). The analysis is a pure function of its arguments and of the code, so it is kept under the
 * SHA-256 of all of them: every field of every article, topic and catalog entry and every option,
 * the running bundle's own hash (src/build-id.ts), and what the runtime decides (Node's and ICU's
 * versions, the default locale and time zone). Anything that differs is a different key; nothing
 * has to be invalidated. Only the built bundle keeps analyses: code run from its modules (tsc
 * alone, the tests' sources) may change between two runs without a new identity.
 */

/** Analyses kept at most; past this many (or MAX_BYTES), the least recently used are removed. */
const MAX_FILES = 24;
const MAX_BYTES = 64 * 1024 * 1024;
/** The file format; part of every key, so files of another format are never read. */
const VERSION = 1;
/** Each file starts with the SHA-256 of the rest (the serialized analysis). */
const CHECKSUM_BYTES = 32;

/** What analyzeTopics reads: its arguments, without the abort signal and the run's readings (neither changes the analysis). */
export interface AnalysisInputs {
  articles: readonly Article[];
  topics: readonly Topic[];
  catalog: EntityCatalog;
  options: Omit<AnalyzeOptions, 'signal' | 'readings'>;
}

export interface MemoSettings {
  /** The cache folder (cacheDir); undefined keeps nothing. */
  dir: string | undefined;
  /** The running code's identity (buildId); undefined keeps nothing. */
  build: string | undefined;
}

/** What the runtime decides of an analysis: sorting by localeCompare, dates in the default zone. */
function runtime(): string {
  return [process.version, process.versions.icu, new Intl.Collator().resolvedOptions().locale, defaultZone()].join('\0');
}

/**
 * The default time zone, named where ICU finds it: TZ when set, else the zone /etc/localtime links
 * to (Linux, macOS), else as Intl resolves it. Intl.DateTimeFormat loads ICU's date formats, 12–50
 * ms of a start here, which the rest of a brief in UTC never needs. A zone named two ways (a link
 * and its target) only costs a kept analysis its reuse.
 */
export function defaultZone(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TZ !== undefined) return `TZ=${env.TZ}`;
  try {
    return `localtime=${readlinkSync('/etc/localtime')}`;
  } catch {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
}

/**
 * The key of an analysis: the SHA-256 of its inputs, the code and the runtime, as JSON with Maps
 * and Sets spelled out; undefined when the inputs hold any other kind of object (a RegExp, a class
 * instance), which JSON might not spell whole (a RegExp is "{}"). Not v8.serialize: it writes a
 * string as V8 happens to hold it (one or two bytes a character), so the same topic read from YAML
 * or from the YAML cache would differ.
 */
export function analysisKey(inputs: AnalysisInputs, build: string): string | undefined {
  try {
    // Article by article, so a month of 10,000 articles is never one string of tens of megabytes.
    // JSON escapes every newline inside a value, so one between values keeps them apart.
    const hash = createHash('sha256');
    hash.update(`${JSON.stringify([VERSION, build, runtime(), inputs.topics, inputs.catalog, inputs.options, inputs.articles.length], spelledOut)}\n`);
    for (const article of inputs.articles) hash.update(`${isStringsOnly(article) ? JSON.stringify(article) : JSON.stringify(article, spelledOut)}\n`);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * Whether an object is plain, its fields strings or lists of strings (an article as read): JSON
 * spells it as spelledOut would, without calling a replacer for each value, which takes the key of
 * a weekly brief's 1,151 articles from ~45 to ~20 ms in a run's first analysis.
 */
function isStringsOnly(value: object): boolean {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const field of Object.values(value)) {
    if (typeof field === 'string' || field === undefined) continue;
    if (!Array.isArray(field)) return false;
    for (const item of field) if (typeof item !== 'string') return false;
  }
  return true;
}

/** JSON.stringify's replacer for analysisKey: Maps and Sets as tagged lists of entries; other objects but plain ones refused. */
function spelledOut(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if (value instanceof Map) return { '\0map': [...value] };
  if (value instanceof Set) return { '\0set': [...value] };
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new TypeError('not plain data');
  return value;
}

/**
 * The analysis of `inputs`: the one kept under their key if there is one (`reused`), else
 * `analyze()`'s, then kept. A missing, damaged or unwritable cache costs only the time to analyse.
 */
export function memoizeAnalysis(inputs: AnalysisInputs, analyze: () => Analysis, settings: MemoSettings = { dir: cacheDir(), build: buildId }): { analysis: Analysis; reused: boolean } {
  const { dir, build } = settings;
  const key = dir && build ? analysisKey(inputs, build) : undefined;
  if (!dir || !key) return { analysis: analyze(), reused: false };
  const file = join(dir, `analysis-v${VERSION}-${key}.bin`);
  const kept = readKept(file);
  if (kept) return { analysis: kept, reused: true };
  const analysis = analyze();
  keep(dir, file, analysis);
  return { analysis, reused: false };
}

function readKept(file: string): Analysis | undefined {
  const bytes = readOwnFile(file);
  if (!bytes || bytes.length <= CHECKSUM_BYTES) return undefined;
  const payload = bytes.subarray(CHECKSUM_BYTES);
  if (sha256(payload) !== bytes.subarray(0, CHECKSUM_BYTES).toString('hex')) return undefined;
  let analysis: Analysis;
  try {
    analysis = deserialize(payload) as Analysis;
  } catch {
    return undefined;
  }
  // Used now: the last to be removed (prune).
  touchCacheFile(file);
  return analysis;
}

function keep(dir: string, file: string, analysis: Analysis): void {
  try {
    const payload = serialize(analysis);
    writeCacheFile(file, Buffer.concat([Buffer.from(sha256(payload), 'hex'), payload]));
    prune(dir);
  } catch {
    // Best effort: the next run analyses again.
  }
}

/** Removes the analyses of another format (removeStale) and the least recently used past MAX_FILES or MAX_BYTES (never the newest). */
function prune(dir: string): void {
  const current = `analysis-v${VERSION}-`;
  removeStale(dir, isAnalysisFile, current);
  keepRecent(dir, (name) => name.startsWith(current) && isAnalysisFile(name), MAX_FILES, MAX_BYTES);
}
