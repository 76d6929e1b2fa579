import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { articleRemover, type Store } from './open-store.js';

/** Removes stored files under `base` that no longer exist on disk (their articles go with them). */
export function pruneMissing(store: Store, base: string, found: readonly string[]): number {
  const present = new Set(found);
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  const stored = store.prepare<[string, number, string], { key: string }>('SELECT key FROM files WHERE key = ? OR substr(key, 1, ?) = ?').all(base, prefix.length, prefix);
  const gone = stored.filter(({ key }) => !present.has(key) && !existsSync(key));
  if (gone.length === 0) return 0;
  const removeArticles = articleRemover(store);
  const deleteFile = store.prepare('DELETE FROM files WHERE key = ?');
  store.transaction(() => {
    for (const { key } of gone) {
      removeArticles(key);
      deleteFile.run(key);
    }
  })();
  return gone.length;
}
