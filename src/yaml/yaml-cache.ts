import { join } from 'node:path';
import { sha256 } from '../bytes.js';
import { cacheDir, dependencyVersion, isYamlFile, readOwnFile, removeStale, writeCacheFile } from '../cache-dir.js';

/**
 * Values of YAML files parsed before, kept between runs. A run reads a dozen small YAML files (the
 * brief, the topic library, the entities, the theme), and the YAML parser, on a cold start, takes
 * 15–30 ms for them; the same values read back as JSON take well under a millisecond. Files are
 * keyed by their text's SHA-256, so an edited file is parsed afresh; only files that parsed
 * without a problem are kept, so every error and its position still come from the parser.
 */

/** Kept values, in the order they were first kept; past this many, the first kept are dropped. */
const MAX_ENTRIES = 500;
const VERSION = 1;

interface CacheFile {
  readonly dir: string;
  /** The file's name up to the version numbers' end: files of other versions are stale. */
  readonly prefix: string;
  readonly path: string;
  /** Text hash → the value as JSON text (parsed per use: each caller gets its own copy). */
  readonly entries: Map<string, string>;
  /** Stale files (another format's or parser version's) were removed, at the first write. */
  swept: boolean;
}

let opened: { dir: string | undefined; file: CacheFile | undefined } | undefined;

function open(): CacheFile | undefined {
  const dir = cacheDir();
  if (opened && opened.dir === dir) return opened.file;
  let file: CacheFile | undefined;
  if (dir) {
    const prefix = `yaml-v${VERSION}-yaml${dependencyVersion('yaml')}.`;
    const path = join(dir, `${prefix}json`);
    file = { dir, prefix, path, entries: new Map(), swept: false };
    try {
      const parsed = JSON.parse(readOwnFile(path)?.toString('utf8') ?? '{}') as { version?: unknown; entries?: unknown };
      if (parsed.version === VERSION && parsed.entries && typeof parsed.entries === 'object' && !Array.isArray(parsed.entries)) {
        for (const [key, value] of Object.entries(parsed.entries)) if (typeof value === 'string') file.entries.set(key, value);
      }
    } catch {
      // No file yet, or a damaged one: it is rewritten at the next value kept.
    }
  }
  opened = { dir, file };
  return file;
}

/** True when JSON gives the value back unchanged: no -0, NaN or infinities, only plain objects. */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && survivesJson(item));
}

/** A text's key in the cache, its SHA-256: computed once, for the look-up and then the keeping. */
export function yamlKey(text: string): string {
  return sha256(text);
}

/** The value kept for the text of `key` (yamlKey), as a fresh copy, if any. */
export function cachedValue(key: string): { value: unknown } | undefined {
  const file = open();
  const json = file?.entries.get(key);
  if (json === undefined) return undefined;
  try {
    return { value: JSON.parse(json) as unknown };
  } catch {
    return undefined;
  }
}

/** Keeps the value the text of `key` (yamlKey) parsed to, when JSON can hold it; an unwritable cache folder costs only speed. */
export function keepValue(key: string, value: unknown): void {
  const file = open();
  if (!file || !survivesJson(value)) return;
  file.entries.set(key, JSON.stringify(value));
  for (const oldest of file.entries.keys()) {
    if (file.entries.size <= MAX_ENTRIES) break;
    file.entries.delete(oldest);
  }
  try {
    writeCacheFile(file.path, JSON.stringify({ version: VERSION, entries: Object.fromEntries(file.entries) }));
    if (!file.swept) removeStale(file.dir, isYamlFile, file.prefix);
    file.swept = true;
  } catch {
    // Best effort.
  }
}
