import type { Store } from './open-store.js';
import { comparableWords, containment, sortedShingles } from './similarity.js';

/** A copy under another outlet sharing at least this share of its text is syndicated. */
export const SYNDICATION_CONTAINMENT = 0.9;

interface Row {
  rowid: number;
  file: string;
  item: number;
  title: string;
  url: string;
  publisher: string | null;
  published_utc: string | null;
  url_key: string | null;
  text_hash: string;
  duplicate_of: number | null;
  syndicated_of: number | null;
}

// The text is not among them: rows stay in memory for the whole fold, shingles are read on demand.
const columns = 'rowid, file, item, title, url, publisher, published_utc, url_key, text_hash, duplicate_of, syndicated_of';

/** The row that represents a group: the most complete metadata, then the earliest, then by path. */
function rank(a: Row, b: Row): number {
  const score = (row: Row) => (row.published_utc ? 4 : 0) + (row.publisher ? 2 : 0) + (row.url ? 1 : 0);
  return score(b) - score(a) || (a.published_utc ?? '9999').localeCompare(b.published_utc ?? '9999') || a.file.localeCompare(b.file) || a.item - b.item;
}

class UnionFind {
  private parent = new Map<number, number>();
  find(x: number): number {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function sameOutlet(a: Row, b: Row): boolean {
  return a.publisher === null || b.publisher === null || a.publisher.toLowerCase() === b.publisher.toLowerCase();
}

/**
 * Articles whose duplicate or syndication link names an article that no longer exists (its file
 * changed or went), in rowid order. Two look-ups, each on its partial index (one OR query scans
 * the whole store).
 */
export function danglingLinks(store: Store): number[] {
  const dangling = (column: 'duplicate_of' | 'syndicated_of') =>
    store
      .prepare<[], { rowid: number }>(`SELECT rowid FROM articles a WHERE ${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.rowid = a.${column})`)
      .all()
      .map((row) => row.rowid);
  return [...new Set([...dangling('duplicate_of'), ...dangling('syndicated_of')])].sort((a, b) => a - b);
}

/**
 * Recomputes duplicate and syndication links around the touched articles. The same story reached
 * twice (same URL, or the same text from the same outlet) folds into one primary; a copy of
 * >= 90% of a story's text under another outlet is linked to the original (the earliest).
 */
export function foldDuplicates(store: Store, touched: readonly number[]): void {
  const byId = store.prepare<[number], Row>(`SELECT ${columns} FROM articles WHERE rowid = ?`);
  const byKey = store.prepare<[string | null, string], Row>(
    `SELECT ${columns} FROM articles WHERE url_key = ? OR text_hash = ?`,
  );
  const textOf = store.prepare<[number], { title: string; paragraphs: string }>('SELECT title, paragraphs FROM articles WHERE rowid = ?');
  const sharingBands = store.prepare<[number, number], { article: number }>('SELECT DISTINCT b2.article FROM bands b1 JOIN bands b2 ON b1.band = b2.band WHERE b1.article = ? AND b2.article != ?');
  // Links to articles that no longer exist (their file changed) are recomputed too.
  const seeds = [...new Set([...touched, ...danglingLinks(store)])];
  // Each article's shingles are computed once per fold, however many candidates it meets, and only
  // for articles that meet one (a cold ingest of 100,000 files held a set for every article).
  const shingleCache = new Map<number, Uint32Array>();
  const shinglesOf = (row: Row): Uint32Array => {
    let list = shingleCache.get(row.rowid);
    if (!list) {
      const text = textOf.get(row.rowid);
      list = text ? sortedShingles(comparableWords(text.title, JSON.parse(text.paragraphs) as string[])) : new Uint32Array(0);
      shingleCache.set(row.rowid, list);
    }
    return list;
  };
  const reevaluated = new Set(seeds);
  const rows = new Map<number, Row>();
  const duplicates = new UnionFind();
  const copies = new UnionFind();
  /** Loads a row; a row that is not being re-evaluated keeps its links as trusted edges. */
  const load = (id: number, found?: Row): Row | undefined => {
    const cached = rows.get(id);
    if (cached) return cached;
    const row = found ?? byId.get(id);
    if (!row) return undefined;
    rows.set(row.rowid, row);
    if (!reevaluated.has(row.rowid)) {
      if (row.duplicate_of !== null && load(row.duplicate_of)) duplicates.union(row.duplicate_of, row.rowid);
      if (row.syndicated_of !== null && load(row.syndicated_of)) copies.union(row.syndicated_of, row.rowid);
    }
    return row;
  };
  for (const id of seeds) {
    const row = load(id);
    if (!row) continue;
    for (const other of byKey.all(row.url_key, row.text_hash)) {
      load(other.rowid, other);
      if ((row.url_key !== null && other.url_key === row.url_key) || sameOutlet(row, other)) duplicates.union(row.rowid, other.rowid);
      else copies.union(row.rowid, other.rowid);
    }
    for (const { article } of sharingBands.all(id, id)) {
      const other = load(article);
      if (!other || sameOutlet(row, other)) continue;
      if (containment(shinglesOf(row), shinglesOf(other)) >= SYNDICATION_CONTAINMENT) copies.union(row.rowid, other.rowid);
    }
  }
  /** Groups worth writing: any with two or more members, and re-evaluated rows on their own. */
  const groups = (uf: UnionFind) => {
    const map = new Map<number, Row[]>();
    for (const row of rows.values()) {
      const root = uf.find(row.rowid);
      const group = map.get(root);
      if (group) group.push(row);
      else map.set(root, [row]);
    }
    return [...map.values()].filter((group) => group.length > 1 || reevaluated.has(group[0]!.rowid)).map((group) => group.sort(rank));
  };
  const setDuplicate = store.prepare('UPDATE articles SET duplicate_of = ? WHERE rowid = ?');
  const setSyndicated = store.prepare('UPDATE articles SET syndicated_of = ? WHERE rowid = ?');
  store.transaction(() => {
    const primaries = new Map<number, number>();
    for (const group of groups(duplicates)) {
      const [primary] = group;
      for (const row of group) {
        setDuplicate.run(row === primary ? null : primary!.rowid, row.rowid);
        primaries.set(row.rowid, primary!.rowid);
      }
    }
    for (const group of groups(copies)) {
      // Among primaries only: the earliest is the original, the others are its syndicated copies.
      const members = [...new Map(group.map((row) => [primaries.get(row.rowid) ?? row.rowid, rows.get(primaries.get(row.rowid) ?? row.rowid)!])).values()];
      members.sort((a, b) => (a.published_utc ?? '9999').localeCompare(b.published_utc ?? '9999') || a.file.localeCompare(b.file) || a.item - b.item);
      const [original] = members;
      for (const row of members) setSyndicated.run(row === original ? null : original!.rowid, row.rowid);
    }
  })();
}
