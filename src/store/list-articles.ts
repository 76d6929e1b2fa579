import type { Period } from '../period/period.js';
import type { Store } from './open-store.js';

/** One stored article as `brief sources` shows it. */
export interface StoredArticle {
  file: string;
  item: number;
  title: string;
  publisher: string;
  url: string;
  /** As the source gave it; '' when undated. */
  published: string;
  dateSource: string;
  /** Other copies of the same story folded into this one. */
  duplicates: number;
  /** Title of the original, for a syndicated copy. */
  syndicatedFrom: string;
}

export interface ListOptions {
  period?: Period;
  undatedOnly?: boolean;
  /** Full-text query (FTS5 syntax), accents ignored. */
  search?: string;
}

/** Articles in the store (duplicates folded), newest first, and files that gave none. */
export function listArticles(store: Store, options: ListOptions = {}): { articles: StoredArticle[]; problems: { file: string; warning: string }[] } {
  const where = ['a.duplicate_of IS NULL'];
  const params: string[] = [];
  if (options.undatedOnly) where.push('a.published_utc IS NULL');
  else if (options.period) {
    where.push('a.published_utc BETWEEN ? AND ?');
    params.push(options.period.from, options.period.to);
  }
  if (options.search) {
    where.push('a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    params.push(options.search);
  }
  const articles = store
    .prepare<string[], StoredArticle>(
      `SELECT a.file, a.item, a.title, COALESCE(a.publisher, '') AS publisher, a.url, COALESCE(a.published_raw, '') AS published,
              COALESCE(a.date_source, '') AS dateSource,
              (SELECT COUNT(*) FROM articles d WHERE d.duplicate_of = a.rowid) AS duplicates,
              COALESCE((SELECT o.title FROM articles o WHERE o.rowid = a.syndicated_of), '') AS syndicatedFrom
       FROM articles a WHERE ${where.join(' AND ')}
       ORDER BY a.published_utc IS NULL DESC, a.published_utc DESC, a.file, a.item`,
    )
    .all(...params);
  const problems = store.prepare<[], { file: string; warning: string }>('SELECT key AS file, warning FROM files WHERE warning IS NOT NULL ORDER BY key').all();
  return { articles, problems };
}
