import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { articleRemover, type Store } from './open-store.js';

/** Removes stored files under `base` that no longer exist on disk (their articles go with them). */
export function pruneMissing(store: Store, base: string, found: readonly string[]): number {
  const present = new Set(found);
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  // The keys under the folder are a range of the primary key: [prefix, prefix with its separator + 1).
  const end = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  const stored = store.prepare<[string, string, string], string>('SELECT key FROM files WHERE key = ? OR (key >= ? AND key < ?)').pluck().all(base, prefix, end);
  const gone = stored.filter((key) => !present.has(key) && !existsSync(key));
  if (gone.length === 0) return 0;
  const removeArticles = articleRemover(store);
  const deleteFile = store.prepare('DELETE FROM files WHERE key = ?');
  store.transaction(() => {
    for (const key of gone) {
      removeArticles(key);
      deleteFile.run(key);
    }
  })();
  return gone.length;
}
