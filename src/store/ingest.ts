import { createHash } from 'node:crypto';
import { mebibytes, sha256 } from '../bytes.js';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ArticleFields, Warning } from '../sources/article.js';
import { findDateline } from '../sources/dateline.js';
import { isBinary } from '../sources/detect-format.js';
import { readArticles } from '../sources/read-articles.js';
import type { FieldMap } from '../sources/read-json.js';
import { toCivilDate } from '../sources/to-civil-date.js';
import { foldDuplicates } from './fold-duplicates.js';
import { articleRemover, sameStats, statsRecorder, storedHashes, storedStats, storedWarnings, type Store } from './open-store.js';
import { bandKeys, comparableWords, minhash, shingles } from './similarity.js';

/** Files looked at (stat, read) concurrently and written in one transaction. */
const INGEST_BATCH = 64;

/** Files larger than this are skipped, or truncated when the source says so. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** One thing to ingest: a file on disk, or a feed already fetched. */
export interface IngestItem {
  key: string;
  /** How the file is named in messages (relative to the brief or the working folder). */
  shown: string;
  fields?: FieldMap;
  oversize?: 'skip' | 'truncate';
  /** For feeds: the fetched body (files are read here, only when they changed). */
  body?: Uint8Array;
}

/**
 * Files named by key, each one's item made only when it is looked at: the refresh after a
 * background scan names every file of the archive (100,000) and reads the few the scan found
 * changed (IngestOptions.changed). Files only: a feed's item carries its fetched body.
 */
export interface KeyedItems {
  keys: readonly string[];
  item: (index: number) => IngestItem;
}

function isKeyed(items: readonly IngestItem[] | KeyedItems): items is KeyedItems {
  return !Array.isArray(items);
}

export interface IngestOptions {
  /** Reference for datelines without a year. */
  now: Date;
  maxArticleBytes?: number;
  /** Told at each tenth of a large ingest (PROGRESS_MIN_ITEMS or more) once files are being parsed. */
  onProgress?: (progress: IngestProgress) => void;
  /**
   * The files a scan just made (scanSources) found new or changed by size and mtime: the other
   * files are unchanged without a stat of their own here.
   */
  changed?: ReadonlySet<string>;
  /**
   * false: the articles are not added to the full-text index, which only `brief sources --search`
   * reads. For a throwaway store (`--no-store`), which nothing searches: ~3% of a brief over 1,000
   * files. Default true.
   */
  fullText?: boolean;
}

/** How far an ingest has come: files (and feeds) looked at, of how many, and how many were parsed. */
export interface IngestProgress {
  done: number;
  total: number;
  parsed: number;
}

/** Ingests of fewer items finish in about a second and report no progress. */
export const PROGRESS_MIN_ITEMS = 1000;

/** "40,000 of 100,000 files looked at, 1,200 parsed": a progress line's words. */
export function describeProgress({ done, total, parsed }: IngestProgress): string {
  const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${grouped(done)} of ${grouped(total)} files looked at, ${grouped(parsed)} parsed`;
}

export interface IngestCounts {
  /** Files (or feeds) read and parsed because they were new or changed. */
  parsed: number;
  /** Files skipped because size and mtime, or their bytes, were unchanged. */
  unchanged: number;
  /** Files that gave no article (binary, invalid UTF-8, unreadable); each has a warning. */
  failed: number;
}

export interface IngestResult extends IngestCounts {
  warnings: Warning[];
}

function normalizeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) if (/^utm_|^fbclid$|^gclid$/.test(key)) parsed.searchParams.delete(key);
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.hostname.replace(/^www\./, '').toLowerCase()}${path}${parsed.search}`;
  } catch {
    return null;
  }
}

interface Prepared {
  fields: ArticleFields;
  published: string | null;
  dateSource: string | null;
  words: string[];
}

/** Fills the date from a dateline when the metadata gave none; warns when the year was assumed. */
function prepare(fields: ArticleFields, now: Date, shown: string, warnings: Warning[]): Prepared {
  let published = fields.published ?? null;
  let dateSource = published ? 'metadata' : null;
  if (!published && fields.paragraphs[0]) {
    const dateline = findDateline(fields.paragraphs[0], now);
    if (dateline) {
      published = dateline.date;
      dateSource = 'dateline';
      if (!dateline.hasYear) warnings.push({ code: 'dateline-year', file: shown, message: `dateline gives no year; assumed ${dateline.date.slice(0, 4)} (the closest past date)` });
    }
  }
  return { fields, published, dateSource, words: comparableWords(fields.title, fields.paragraphs) };
}

/** The warning a refresh repeats for an unchanged file that gave no article: why, as stored when it was read. */
export function repeatedWarning(file: string, message: string): Warning {
  return { code: 'article-unreadable', file, message };
}

/** Decodes and parses a file's bytes; every failure is a warning naming the file. */
async function parse(bytes: Uint8Array, item: IngestItem, warnings: Warning[]): Promise<{ format: string; articles: ArticleFields[] } | undefined> {
  const warn = (message: string) => warnings.push({ code: 'article-unreadable', file: item.shown, message: `skipped: ${message}` });
  if (isBinary(bytes)) return void warn('binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return void warn('not valid UTF-8 (save it as UTF-8; Latin-1 and UTF-16 are not read)');
  }
  try {
    const result = await readArticles(text.replace(/^\uFEFF/, ''), item.shown, item.fields);
    for (const problem of result.problems.slice(0, 5)) warnings.push({ code: 'record-skipped', file: item.shown, message: `skipped ${problem}` });
    if (result.problems.length > 5) warnings.push({ code: 'record-skipped', file: item.shown, message: `skipped ${result.problems.length - 5} more records` });
    return { format: result.format, articles: result.articles };
  } catch (error) {
    const where = (error as { problems?: { line?: number; col?: number }[] }).problems?.[0];
    warnings.push({ code: 'article-unreadable', file: item.shown, ...(where?.line !== undefined && { line: where.line, col: where.col ?? 1 }), message: `skipped: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/**
 * Brings files and feeds into the store. A file whose size and mtime are unchanged is not read;
 * one whose bytes are unchanged is not parsed. Changed files replace their articles; duplicates
 * and syndicated copies are then folded.
 */
export async function ingestItems(store: Store, items: readonly IngestItem[] | KeyedItems, options: IngestOptions): Promise<IngestResult> {
  const limit = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const fullText = options.fullText ?? true;
  const result: IngestResult = { parsed: 0, unchanged: 0, failed: 0, warnings: [] };
  const upsertFile = store.prepare('INSERT INTO files (key, size, mtime_ms, sha256, format, warning) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256, format = excluded.format, warning = excluded.warning');
  const touchFile = statsRecorder(store);
  const removeArticles = articleRemover(store);
  const insertArticle = store.prepare(
    'INSERT INTO articles (file, item, title, url, author, publisher, published_raw, published_utc, date_source, paragraphs, url_key, text_hash, minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBand = store.prepare('INSERT INTO bands (band, article) VALUES (?, ?)');
  const insertFts = store.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)');
  const touched: number[] = [];

  // Called inside its batch's transaction. A savepoint of its own per file (a nested transaction)
  // made FTS5 flush its pending terms at each: a segment per file, merged over and over (a cold
  // ingest of 10,000 files 1.22× slower), for a rollback the batch's own already gives.
  const replace = (item: IngestItem, info: { size: number; mtime: number; sha: string; format: string; warning: string | null }, prepared: Prepared[]) => {
    removeArticles(item.key);
    upsertFile.run(item.key, info.size, info.mtime, info.sha, info.format, info.warning);
    prepared.forEach(({ fields, published, dateSource, words }, index) => {
      const signature = minhash(shingles(words));
      const { lastInsertRowid } = insertArticle.run(
        item.key,
        index,
        fields.title,
        fields.url,
        fields.author,
        fields.publisher ?? null,
        published,
        published ? (toCivilDate(published, 'UTC') ?? null) : null,
        dateSource,
        JSON.stringify(fields.paragraphs),
        fields.url ? normalizeUrl(fields.url) : null,
        createHash('sha1').update(words.join(' ')).digest('hex'),
        Buffer.from(signature.buffer),
      );
      const rowid = Number(lastInsertRowid);
      for (const band of bandKeys(signature)) insertBand.run(band, rowid);
      if (fullText) insertFts.run(rowid, fields.title, fields.paragraphs.join('\n'));
      touched.push(rowid);
    });
  };

  // Files are looked at 64 at a time, each batch one transaction. The size-and-mtime check is a
  // synchronous stat (a third of the cost of a promise per file over 100,000 unchanged files);
  // the files that changed are then read concurrently.
  // Size and mtime of every stored file; the hash only for files that changed, the few warnings apart.
  // Not needed when a scan already compared them: the files it names (options.changed) are read.
  const known = options.changed ? undefined : storedStats(store);
  const warned = storedWarnings(store);
  const storedHash = storedHashes(store);
  const { keys, itemAt, total } = isKeyed(items) ? { keys: items.keys, itemAt: items.item, total: items.keys.length } : { keys: undefined, itemAt: (index: number) => items[index]!, total: items.length };
  // Told when a batch [start, end) crosses a tenth of the items. Looking at unchanged files is quick
  // (0.3 s for 10,000); parsing is what takes minutes.
  const reportProgress = (start: number, end: number) => {
    const tenth = Math.floor((end * 10) / total);
    if (options.onProgress && total >= PROGRESS_MIN_ITEMS && result.parsed > 0 && tenth > Math.floor((start * 10) / total) && end < total) {
      options.onProgress({ done: end, total, parsed: result.parsed });
    }
  };
  // A batch of keyed files that a scan found unchanged, none with a warning to repeat, is only
  // counted: its items are not even made.
  const onlyCounted = (start: number, end: number) => {
    if (!keys || !options.changed) return false;
    for (let index = start; index < end; index++) if (options.changed.has(keys[index]!) || warned.has(keys[index]!)) return false;
    return true;
  };
  for (let start = 0; start < total; start += INGEST_BATCH) {
    const end = Math.min(start + INGEST_BATCH, total);
    if (onlyCounted(start, end)) {
      result.unchanged += end - start;
      reportProgress(start, end);
      continue;
    }
    const batch = Array.from({ length: end - start }, (_, offset) => itemAt(start + offset));
    const loaded = batch.map((item): { item: IngestItem; bytes: Uint8Array | undefined; size: number; mtime: number; changed: boolean } => {
      if (item.body) return { item, bytes: item.body, size: item.body.length, mtime: 0, changed: true };
      if (options.changed && !options.changed.has(item.key)) return { item, bytes: undefined, size: 0, mtime: 0, changed: false };
      const info = statSync(item.key);
      const changed = !known || !sameStats(known.get(item.key), info);
      return { item, bytes: undefined, size: info.size, mtime: info.mtimeMs, changed };
    });
    const toRead = loaded.filter((entry) => entry.changed && !entry.bytes);
    if (toRead.length) await Promise.all(toRead.map(async (entry) => void (entry.bytes = await readFile(entry.item.key))));
    const writes: (() => void)[] = [];
    for (const { item, size, mtime, ...rest } of loaded) {
      let bytes = rest.bytes;
      if (!bytes) {
        result.unchanged += 1;
        const warning = warned.get(item.key);
        if (warning) result.warnings.push(repeatedWarning(item.shown, warning));
        continue;
      }
      const before = result.warnings.length;
      if (bytes.length > limit) {
        if (item.oversize === 'truncate') {
          result.warnings.push({ code: 'article-too-large', file: item.shown, message: `truncated: ${mebibytes(bytes.length)} MiB exceeds the ${mebibytes(limit)} MiB limit` });
          bytes = bytes.subarray(0, limit);
          // Do not cut a UTF-8 sequence in half.
          while (bytes.length > 0 && (bytes[bytes.length - 1]! & 0xc0) === 0x80) bytes = bytes.subarray(0, bytes.length - 1);
          if (bytes.length > 0 && bytes[bytes.length - 1]! >= 0xc0) bytes = bytes.subarray(0, bytes.length - 1);
        } else {
          const message = `skipped: ${mebibytes(bytes.length)} MiB exceeds the ${mebibytes(limit)} MiB limit (set oversize: truncate on the source to read the start)`;
          result.warnings.push({ code: 'article-too-large', file: item.shown, message });
          writes.push(() => replace(item, { size, mtime, sha: '', format: 'oversize', warning: message }, []));
          result.failed += 1;
          continue;
        }
      }
      const sha = sha256(bytes);
      if (storedHash(item.key) === sha) {
        writes.push(() => touchFile(item.key, size, mtime));
        result.unchanged += 1;
        continue;
      }
      const parsed = await parse(bytes, item, result.warnings);
      result.parsed += 1;
      if (!parsed) result.failed += 1;
      const prepared = (parsed?.articles ?? []).map((fields) => prepare(fields, options.now, item.shown, result.warnings));
      const warning = parsed ? null : (result.warnings[before]?.message ?? null);
      writes.push(() => replace(item, { size, mtime, sha, format: parsed?.format ?? 'unreadable', warning }, prepared));
    }
    if (writes.length > 0) store.transaction(() => writes.forEach((write) => write()))();
    reportProgress(start, end);
  }
  foldDuplicates(store, touched);
  return result;
}
