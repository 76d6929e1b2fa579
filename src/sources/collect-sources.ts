import { stat } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { SourceSpec } from '../brief/brief.js';
import { BriefError, ExitCode, formatLocation } from '../errors.js';
import type { Period } from '../period/period.js';
import { displayPath } from '../paths.js';
import { ingestItems, type IngestCounts, type IngestItem } from '../store/ingest.js';
import type { Store } from '../store/open-store.js';
import { pruneMissing } from '../store/prune-missing.js';
import { queryArticles } from '../store/query-articles.js';
import type { Article, Warning } from './article.js';
import { describeFetchError, fetchFeed } from './fetch-feed.js';

export interface CollectedSources {
  /** Articles inside the period, sorted by date then source. */
  articles: Article[];
  warnings: Warning[];
  counts: IngestCounts & { files: number; outsidePeriod: number; undated: number };
  /** The files (and feeds) whose articles the brief used, with their content hashes, for the manifest. */
  inputs: { file: string; sha256: string }[];
}

export interface CollectOptions {
  period: Period;
  timeZone: string;
  /** Folder that article paths in outputs are relative to (the brief's). */
  baseDir: string;
  includeUndated?: boolean;
  now: Date;
  /** Injected for tests; the default uses fetch(). */
  fetchFeed?: (url: string) => Promise<Uint8Array>;
}

function missingSource(source: SourceSpec, what: string): BriefError {
  return new BriefError('source-missing', `source "${source.path}": ${what}`, {
    exitCode: ExitCode.noInput,
    location: source.location,
    hint: 'source paths are relative to the brief file; fix the path or create the folder',
  });
}

/** The fixed (non-glob) leading part of a pattern: the folder a glob searches. */
function fixedBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '/';
}

/** The files a source entry names: a file, a folder (read recursively) or a glob; and its base folder. */
export async function findFiles(source: SourceSpec & { resolved: string }): Promise<{ files: string[]; base: string }> {
  const pattern = source.resolved.split(sep).join('/');
  if (!isDynamicPattern(pattern)) {
    const info = await stat(source.resolved).catch(() => undefined);
    if (!info) throw missingSource(source, 'no such file or folder');
    if (info.isFile()) return { files: [source.resolved], base: source.resolved };
    return { files: (await glob(`${pattern}/**/*`, { absolute: true, onlyFiles: true, dot: false })).sort(), base: source.resolved };
  }
  const base = fixedBase(pattern);
  if (!(await stat(base).catch(() => undefined))) throw missingSource(source, `no such folder ${displayPath(base, source.location.file.replace(/[^/]+$/, ''))}`);
  return { files: (await glob(pattern, { absolute: true, onlyFiles: true, dot: false })).sort(), base };
}

/**
 * The collect stage: finds the brief's files and fetches its feeds, brings them into the store
 * (parsing only what changed), and returns the period's articles. A feed that fails is a warning
 * naming its URL; a missing source folder is an error (exit 66).
 */
export async function collectSources(store: Store, sources: readonly SourceSpec[], options: CollectOptions): Promise<CollectedSources> {
  const warnings: Warning[] = [];
  const items: IngestItem[] = [];
  const files = new Map<string, { source: SourceSpec; shown: string }>();
  const fetcher = options.fetchFeed ?? ((url: string) => fetchFeed(url));
  // Relative to the brief even when outside its folder (../corpus/…): outputs never hold machine
  // paths. Worked out once per folder: path.relative for each of 100,000 files costs ~0.1 s.
  const folders = new Map<string, string>();
  const shownPath = (file: string): string => {
    const folder = dirname(file);
    let prefix = folders.get(folder);
    if (prefix === undefined) {
      const rel = relative(options.baseDir, folder).split(sep).join('/');
      prefix = rel ? `${rel}/` : '';
      folders.set(folder, prefix);
    }
    return prefix + basename(file);
  };
  for (const source of sources) {
    if (source.feed) {
      try {
        const body = await fetcher(source.feed);
        items.push({ key: source.feed, shown: source.feed, body });
      } catch (error) {
        warnings.push({ code: 'feed-unreachable', file: source.feed, message: `feed not read (${describeFetchError(error)}); its articles already in the store are used` });
      }
      files.set(source.feed, { source, shown: source.feed });
      continue;
    }
    const { files: found, base } = await findFiles(source as SourceSpec & { resolved: string });
    pruneMissing(store, base, found);
    for (const file of found) {
      if (files.has(file)) continue;
      const shown = shownPath(file);
      files.set(file, { source, shown });
      items.push({ key: file, shown, ...(source.fields && { fields: source.fields }), ...(source.oversize && { oversize: source.oversize }) });
    }
  }
  const ingested = await ingestItems(store, items, { now: options.now });
  const query = queryArticles(store, { files, period: options.period, timeZone: options.timeZone, includeUndated: options.includeUndated ?? false });
  // The manifest names the files whose articles the brief used: the rest of a large archive did not go into it.
  const used = new Set(query.articles.map((article) => article.file));
  const hashOf = store.prepare<[string], { sha256: string }>('SELECT sha256 FROM files WHERE key = ?');
  const inputs = [...files].filter(([, { shown }]) => used.has(shown)).map(([key, { shown }]) => ({ file: shown, sha256: hashOf.get(key)?.sha256 ?? '' }));
  return {
    inputs,
    articles: query.articles,
    warnings: [...warnings, ...ingested.warnings, ...query.warnings],
    counts: { files: files.size, parsed: ingested.parsed, unchanged: ingested.unchanged, failed: ingested.failed, ...query.counts },
  };
}

/** `warning[code]: file:line:col: message` */
export function formatWarning(warning: Warning): string {
  return `warning[${warning.code}]: ${formatLocation(warning)}: ${warning.message}`;
}
