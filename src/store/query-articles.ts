import { basename, dirname, extname } from 'node:path';
import type { SourceSpec } from '../brief/brief.js';
import { addDays, isInPeriod, type Period } from '../period/period.js';
import type { Article, Warning } from '../sources/article.js';
import { hostOf } from '../sources/known-outlets.js';
import { toCivilDate } from '../sources/to-civil-date.js';
import type { Store } from './open-store.js';

interface Row {
  rowid: number;
  file: string;
  item: number;
  items: number;
  title: string;
  url: string;
  author: string;
  publisher: string | null;
  published_raw: string | null;
  published_utc: string | null;
  paragraphs: string;
  syndicated_of: number | null;
}

export interface QueryOptions {
  /** For a stored file (or feed URL): the brief's source entry it belongs to and its shown name, or undefined (called once or twice a row: keep it cheap). */
  sourceOf: (key: string) => { source: SourceSpec; shown: string } | undefined;
  period: Period;
  timeZone: string;
  includeUndated: boolean;
}

export interface QueryResult {
  articles: Article[];
  warnings: Warning[];
  counts: { outsidePeriod: number; undated: number };
  /** The stored files (or feed URLs) of the articles, in the same order. */
  keys: string[];
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'article'
  );
}

/**
 * The UTC dates between which a period's dated rows are read: the UTC date may differ from the
 * brief's by a day either way (the exact filter follows the read).
 */
export function storedDateWindow(period: Pick<Period, 'from' | 'to'>): { from: string; to: string } {
  return { from: addDays(period.from, -1), to: addDays(period.to, 1) };
}

/**
 * The period's articles from the brief's sources: duplicates folded into their primary,
 * syndicated copies kept but marked with their original. Dates are read in the brief's time
 * zone; a source's default date fills in for files without one.
 */
export function queryArticles(store: Store, options: QueryOptions): QueryResult {
  // The period's rows come from the date index (with the undated ones), then are kept when their
  // file is one of the brief's: a week of a 100,000-file archive is read without listing the archive.
  const columns = `a.rowid, a.file, a.item, (SELECT COUNT(*) FROM articles c WHERE c.file = a.file) AS items, a.title, a.url, a.author, a.publisher,
              a.published_raw, a.published_utc, a.paragraphs, a.syndicated_of`;
  const window = storedDateWindow(options.period);
  const dated = store.prepare<[string, string], Row>(`SELECT ${columns} FROM articles a WHERE a.published_utc BETWEEN ? AND ? AND a.duplicate_of IS NULL`).all(window.from, window.to);
  const undated = store.prepare<[], Row>(`SELECT ${columns} FROM articles a WHERE a.published_utc IS NULL AND a.duplicate_of IS NULL`).all();
  const { sourceOf } = options;
  const rows = [...dated, ...undated].filter((row) => sourceOf(row.file)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.item - b.item));
  const warnings: Warning[] = [];
  const counts = { outsidePeriod: 0, undated: 0 };
  const kept: { row: Row; article: Omit<Article, 'id'> }[] = [];
  /** Folders whose articles name no publisher anywhere: cited under the folder's name, which the analyst is told. */
  const unnamedByFolder = new Map<string, { name: string; articles: number }>();
  for (const row of rows) {
    const { source, shown } = sourceOf(row.file)!;
    const published = row.published_raw ? toCivilDate(row.published_raw, options.timeZone) : source.published;
    if (!published) {
      counts.undated += 1;
      warnings.push({ code: 'undated', file: shown, message: `no publication date${row.items > 1 ? ` for "${row.title}"` : ''}; left out of the period (give the source a published: date, or use --include-undated)` });
      if (!options.includeUndated) continue;
    } else if (!isInPeriod(published, options.period)) {
      counts.outsidePeriod += 1;
      continue;
    }
    const named = row.publisher ?? source.publisher ?? hostOf(row.url) ?? (source.feed ? hostOf(source.feed) : undefined);
    const publisher = named ?? basename(dirname(row.file));
    if (named === undefined) {
      const folder = unnamedByFolder.get(dirname(shown)) ?? { name: publisher, articles: 0 };
      folder.articles += 1;
      unnamedByFolder.set(dirname(shown), folder);
    }
    kept.push({
      row,
      article: { title: row.title, url: row.url, author: row.author, publisher, published: published ?? '', paragraphs: JSON.parse(row.paragraphs) as string[], file: shown },
    });
  }
  for (const [folder, { name, articles }] of unnamedByFolder) {
    const some = articles === 1 ? '1 article here names no publisher: it is' : `${articles} articles here name no publisher: they are`;
    warnings.push({ code: 'publisher-from-folder', file: folder, message: `${some} cited as "${name}", the folder's name (give the source a publisher:, or each file a publisher field)` });
  }
  kept.sort((a, b) => a.article.published.localeCompare(b.article.published) || a.row.file.localeCompare(b.row.file) || a.row.item - b.row.item);
  // Readable ids from file names (or titles, for feeds and dumps), unique within the brief.
  const ids = new Map<number, string>();
  const taken = new Set<string>();
  for (const { row } of kept) {
    const stem = row.items > 1 ? slug(row.title) : slug(basename(row.file, extname(row.file)));
    let id = stem;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
    taken.add(id);
    ids.set(row.rowid, id);
  }
  const originOf = new Map(kept.map(({ row }) => [row.rowid, row.syndicated_of]));
  /** The first article of a syndication chain that is in this brief (copies of copies resolve to it). */
  const rootOf = (rowid: number): number => {
    let current = rowid;
    for (let hops = 0; hops < 16; hops++) {
      const next = originOf.get(current);
      if (next === null || next === undefined || !ids.has(next)) return current;
      current = next;
    }
    return current;
  };
  const articles = kept.map(({ row, article }) => {
    const root = rootOf(row.rowid);
    const original = root !== row.rowid ? ids.get(root) : undefined;
    return { ...article, id: ids.get(row.rowid)!, ...(original && { syndicatedFrom: original }) };
  });
  return { articles, warnings, counts, keys: kept.map(({ row }) => row.file) };
}
