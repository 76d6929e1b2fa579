import type { EntityCatalog, EntityKind } from '../topics/topic.js';
import { aliasStarts } from './alias-starts.js';
import { tokenize } from './tokenize.js';

export interface Actor {
  name: string;
  kind: EntityKind;
  mentions: number;
}

/** A text and its tokens, as tokenize(text) gives them (a passage carries both). */
export interface TokenizedText {
  text: string;
  tokens: readonly string[];
}

const longestAliases = new WeakMap<EntityCatalog, number>();

/** The most tokens any alias of the catalog has (each topic counts its actors with the same catalog). */
function longestAlias(catalog: EntityCatalog): number {
  let longest = longestAliases.get(catalog);
  if (longest === undefined) {
    longest = Math.max(1, ...[...catalog.aliases.keys()].map((alias) => tokenize(alias).length));
    longestAliases.set(catalog, longest);
  }
  return longest;
}

/** Mentions of catalog entities (any alias, merged to the canonical name) across texts, each given with its tokens. */
export function countActors(texts: readonly TokenizedText[], catalog: EntityCatalog, limit: number): Actor[] {
  const counts = new Map<string, number>();
  const longest = longestAlias(catalog);
  const starts = aliasStarts(catalog);
  for (const { text, tokens } of texts) {
    let plain: string | undefined;
    for (let i = 0; i < tokens.length; i++) {
      if (!starts.has(tokens[i]!)) continue;
      for (let length = Math.min(longest, tokens.length - i); length >= 1; length--) {
        const name = catalog.aliases.get(tokens.slice(i, i + length).join(' '));
        if (!name) continue;
        // Short all-caps aliases (US, PP) only count in capitals.
        if (length === 1 && tokens[i]!.length <= 3) {
          plain ??= text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/\./g, '');
          if (!new RegExp(`\\b${tokens[i]!.toUpperCase()}\\b`).test(plain)) continue;
        }
        counts.set(name, (counts.get(name) ?? 0) + 1);
        i += length - 1;
        break;
      }
    }
  }
  return [...counts]
    .map(([name, mentions]) => ({ name, kind: catalog.kinds.get(name)!, mentions }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, limit);
}
