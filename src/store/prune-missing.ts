import { existsSync } from 'node:fs';
import { articleRemover, storedUnder, type Store } from './open-store.js';

/** Removes stored files under `base` that no longer exist on disk (their articles go with them). */
export function pruneMissing(store: Store, base: string, found: readonly string[]): number {
  const present = new Set(found);
  return removeFiles(store, storedUnder(store, base).filter((key) => !present.has(key) && !existsSync(key)));
}

/** Removes these stored files and their articles, in one transaction. */
export function removeFiles(store: Store, keys: readonly string[]): number {
  if (keys.length === 0) return 0;
  const removeArticles = articleRemover(store);
  const deleteFile = store.prepare('DELETE FROM files WHERE key = ?');
  store.transaction(() => {
    for (const key of keys) {
      removeArticles(key);
      deleteFile.run(key);
    }
  })();
  return keys.length;
}
