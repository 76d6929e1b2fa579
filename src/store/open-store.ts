import { mkdirSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import Database from 'better-sqlite3';
import { BriefError, ExitCode } from '../errors.js';
import type { Format } from '../sources/detect-format.js';

export type Store = Database.Database;

/** Default store location, relative to the working folder. */
export const DEFAULT_STORE = '.brief/corpus.db';

const SCHEMA_VERSION = 1;

/** A format's reader: its version, and which stored files the last change to it can read differently. */
interface Reader {
  /** Raised when the reader gives different articles from the same bytes (a fix). */
  version: number;
  /**
   * Of the files read by the version before, those this one can read differently (an SQL
   * condition on `files`); absent: all of them. A store more than one version behind forgets all.
   */
  changed?: string;
}

/** Stored files with an article NewsAPI removed ("[Removed]" for its title or text). */
const withRemoved = "key IN (SELECT file FROM articles WHERE title = '[Removed]' OR paragraphs LIKE '%[Removed]%')";

/**
 * Each format's reader (forgetStaleReadings): stored files of a format whose reader changed are
 * read again once. Stores made before versions were kept read them as version 1.
 * - html 2, feed 2: the site's name taken off headlines; an aggregator's item is its <source>'s.
 * - feed 3: a feed title that adds a section to the site's name ("Eastern Desk — World") gives the
 *   name its headlines end with as the publisher, and it is taken off them.
 * - json 2, jsonl 2: character references decoded ("Putin &amp; Xi"): only articles with an "&".
 * - json 3, jsonl 3: a record NewsAPI removed ("[Removed]") is no article: only files with one.
 * - markdown 2: front matter fields by other names (date, link, site, source…): only articles that
 *   lacked a title, date, address or publisher can gain one.
 */
export const READERS: Readonly<Record<Format, Reader>> = {
  markdown: { version: 2, changed: "key IN (SELECT file FROM articles WHERE title = '' OR published_raw IS NULL OR url = '' OR publisher IS NULL)" },
  text: { version: 1 },
  html: { version: 2 },
  feed: { version: 3 },
  json: { version: 3, changed: withRemoved },
  jsonl: { version: 3, changed: withRemoved },
};

/** Which version of each format's reader read the stored files of that format. */
const readersTable = 'CREATE TABLE IF NOT EXISTS readers (format TEXT PRIMARY KEY, version INTEGER NOT NULL);';

const schema = `
CREATE TABLE files (
  key TEXT PRIMARY KEY,            -- absolute path, or the feed URL
  size INTEGER, mtime_ms REAL,     -- a file whose size and mtime are unchanged is not read again
  sha256 TEXT,                     -- a file whose bytes are unchanged is not parsed again
  format TEXT,
  warning TEXT                     -- why the file gave no articles, or what was skipped
);
-- The few files with a warning, read at every refresh without reading every file's row.
CREATE INDEX files_warned ON files(key, warning) WHERE warning IS NOT NULL;
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  file TEXT NOT NULL REFERENCES files(key) ON DELETE CASCADE,
  item INTEGER NOT NULL,           -- position within the file (feeds and dumps hold many)
  title TEXT NOT NULL, url TEXT NOT NULL, author TEXT NOT NULL,
  publisher TEXT,                  -- from the article's own metadata or an outlet line
  published_raw TEXT,              -- as the source gave it (date or date-time)
  published_utc TEXT,              -- its UTC civil date, for range queries
  date_source TEXT,                -- metadata | dateline
  paragraphs TEXT NOT NULL,        -- JSON array
  url_key TEXT, text_hash TEXT NOT NULL, minhash BLOB NOT NULL,
  duplicate_of INTEGER,            -- the same story reached twice: stored once, found via the primary
  syndicated_of INTEGER,           -- a copy (>= 90% same text) under another outlet
  UNIQUE (file, item)
);
CREATE INDEX articles_published ON articles(published_utc);
CREATE INDEX articles_url ON articles(url_key);
CREATE INDEX articles_text ON articles(text_hash);
CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_syndicated ON articles(syndicated_of) WHERE syndicated_of IS NOT NULL;
CREATE TABLE bands (band TEXT NOT NULL, article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE);
CREATE INDEX bands_band ON bands(band);
CREATE INDEX bands_article ON bands(article);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
${readersTable}
`;

/**
 * Opens (or creates) the corpus store. `:memory:` gives a throwaway store. A store written by a
 * newer Briefwright is refused rather than misread.
 */
export function openStore(path: string): Store {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL keeps the store consistent; a power cut can lose only the last commits,
    // which the next ingest redoes (it compares files, not a log). FULL would fsync every file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      db.exec(schema);
      recordReaders(db);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    } else if (version === SCHEMA_VERSION) {
      // Stores made before these indexes existed get them now: syndication look-ups stay linear,
      // finding dangling duplicate links reads only the linked rows, not the whole store, and
      // reading the files' warnings only the files with one (100,000 rows scanned took 40–60 ms).
      db.exec(`CREATE INDEX IF NOT EXISTS bands_article ON bands(article);
        CREATE INDEX IF NOT EXISTS files_warned ON files(key, warning) WHERE warning IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_syndicated ON articles(syndicated_of) WHERE syndicated_of IS NOT NULL;`);
      forgetStaleReadings(db);
    } else {
      throw new BriefError('store-version', `store ${path} has schema version ${version}; this Briefwright reads ${SCHEMA_VERSION}`, {
        exitCode: ExitCode.config,
        hint: 'delete the store to rebuild it from the sources (brief ingest)',
      });
    }
    return db;
  } catch (error) {
    if (error instanceof BriefError) throw error;
    throw new BriefError('store-open', `cannot open the corpus store ${path}: ${(error as Error).message}`, {
      exitCode: ExitCode.cantCreate,
      hint: 'pass --store <file> for another location, or --no-store to read the sources directly',
      cause: error,
    });
  }
}

function recordReaders(db: Store): void {
  const record = db.prepare('INSERT INTO readers (format, version) VALUES (?, ?) ON CONFLICT(format) DO UPDATE SET version = excluded.version');
  for (const [format, { version }] of Object.entries(READERS)) record.run(format, version);
}

/**
 * Stored files of a format whose reader has changed since they were read lose their size, mtime
 * and hash, so the next ingest or refresh reads and parses them again, once: otherwise a fixed
 * reader would only reach files that change. So do the files no reader could read, which one may
 * now. One short look when nothing changed. A store this process cannot write keeps its readings
 * until one that can opens it.
 */
function forgetStaleReadings(db: Store): void {
  try {
    db.exec(readersTable);
    const read = db.prepare<[], [string, number]>('SELECT format, version FROM readers').raw();
    const staleIn = (stored: Map<string, number>) => Object.entries(READERS).filter(([format, { version }]) => (stored.get(format) ?? 1) !== version);
    const first = new Map(read.all());
    if (first.size > 0 && staleIn(first).length === 0) return;
    const forget = (where: string, ...params: string[]) => db.prepare(`UPDATE files SET size = -1, mtime_ms = -1, sha256 = NULL WHERE ${where}`).run(...params);
    db.transaction(() => {
      // Read again under the write lock: of two runs opening the store at once, one forgets.
      const stored = new Map(read.all());
      const stale = staleIn(stored);
      if (stored.size > 0 && stale.length === 0) return;
      for (const [format, { version, changed }] of stale) {
        const oneBehind = (stored.get(format) ?? 1) === version - 1;
        forget(`format = ?${oneBehind && changed ? ` AND (${changed})` : ''}`, format);
      }
      if (stale.length > 0) forget("format = 'unreadable'");
      recordReaders(db);
    }).immediate();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_READONLY') throw error;
  }
}

/**
 * Deletes a file's articles with their rows in the full-text index: the index is contentless,
 * so its rows must be deleted by rowid before the articles go.
 */
export function articleRemover(store: Store): (file: string) => void {
  const rows = store.prepare<[string], { rowid: number }>('SELECT rowid FROM articles WHERE file = ?');
  const deleteFts = store.prepare('DELETE FROM articles_fts WHERE rowid = ?');
  const deleteArticles = store.prepare('DELETE FROM articles WHERE file = ?');
  return (file) => {
    for (const { rowid } of rows.all(file)) deleteFts.run(rowid);
    deleteArticles.run(file);
  };
}

/** The SHA-256 a stored file had when last read, by key; undefined for a key not stored. */
export function storedHashes(store: Store): (key: string) => string | undefined {
  const hashOf = store.prepare<[string], string>('SELECT sha256 FROM files WHERE key = ?').pluck();
  return (key) => hashOf.get(key);
}

/**
 * The SHA-256s the given stored files had when last read, by key, in one query: a month's brief
 * names 10,000 files, and a lookup a file took ~0.1 s.
 */
export function storedHashesOf(store: Store, keys: readonly string[]): Map<string, string> {
  const rows = store.prepare<[string], [string, string]>('SELECT key, sha256 FROM files WHERE key IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(keys));
  return new Map(rows);
}

/** Why each stored file that gave no article gave none (or what was skipped), by key: the few with a warning (index files_warned). */
export function storedWarnings(store: Store): Map<string, string> {
  return new Map(store.prepare<[], [string, string]>('SELECT key, warning FROM files WHERE warning IS NOT NULL').raw().all());
}

/** A stored file's size and mtime: [key, size, mtime_ms]. */
export type StoredStats = [string, number, number];

/**
 * Size and mtime of every stored file, by key: what says a file is unchanged without reading it.
 * Rows are arrays (a third less memory than objects over 100,000 rows).
 */
export function storedStats(store: Store): Map<string, StoredStats> {
  return new Map(store.prepare<[], StoredStats>('SELECT key, size, mtime_ms FROM files').raw().all().map((row) => [row[0], row]));
}

/** Whether a file on disk has the size and mtime it had when stored (so it is not read again). */
export function sameStats(stored: StoredStats | undefined, info: { size: number; mtimeMs: number }): boolean {
  return stored !== undefined && stored[1] === info.size && stored[2] === info.mtimeMs;
}

/** Records a file's new size and mtime, its bytes being the ones stored (a refresh's "unchanged"). */
export function statsRecorder(store: Store): (...row: StoredStats) => void {
  const update = store.prepare('UPDATE files SET size = ?, mtime_ms = ? WHERE key = ?');
  return (key, size, mtime) => void update.run(size, mtime, key);
}

/** Records the new stats of files whose bytes are the ones stored, in one transaction. */
export function recordStats(store: Store, rows: readonly StoredStats[]): void {
  if (rows.length === 0) return;
  const record = statsRecorder(store);
  store.transaction(() => rows.forEach((row) => record(...row)))();
}

/**
 * Stored keys that are `base` itself or lie under it (a folder's files): a range of the primary
 * key, [base/, base0), read through its index. `limit` stops early (to ask whether there are any).
 */
export function storedUnder(store: Store, base: string, limit = -1): string[] {
  const prefix = folderPrefix(base);
  const end = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  return store.prepare<[string, string, string, number], string>('SELECT key FROM files WHERE key = ? OR (key >= ? AND key < ?) LIMIT ?').pluck().all(base, prefix, end, limit);
}

/** `base` as the prefix of the keys under it: ending in one path separator. */
export function folderPrefix(base: string): string {
  return base.endsWith(sep) ? base : `${base}${sep}`;
}
