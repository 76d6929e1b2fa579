import type { EntityCatalog } from '../topics/topic.js';

const cache = new WeakMap<EntityCatalog, Set<string>>();

/**
 * The first words of the catalog's aliases. Scans for names try every span starting at every
 * token; a token that starts no alias can be skipped without building a single span.
 */
export function aliasStarts(catalog: EntityCatalog): Set<string> {
  let starts = cache.get(catalog);
  if (!starts) {
    starts = new Set([...catalog.aliases.keys()].map((alias) => alias.split(' ')[0]!));
    cache.set(catalog, starts);
  }
  return starts;
}
