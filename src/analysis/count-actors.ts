import type { EntityCatalog, EntityKind } from '../topics/topic.js';
import { aliasMayNameAt, aliasAt, aliasesByStart, writtenWithCapitals } from './alias-starts.js';

export interface Actor {
  name: string;
  kind: EntityKind;
  mentions: number;
}

/** A text's tokens, lower-cased and as written (tokenizeBoth; a passage carries both). */
export interface TokenizedText {
  tokens: readonly string[];
  cased: readonly string[];
  /** Surnames that name someone else in the text's article (surnamesOfOthers): no mention of the catalog's person. */
  surnamesOfOthers?: ReadonlySet<string>;
}

/** Mentions of catalog entities (any alias, merged to the canonical name) across texts given as their tokens. */
export function countActors(texts: readonly TokenizedText[], catalog: EntityCatalog, limit: number): Actor[] {
  const counts = new Map<string, number>();
  const byStart = aliasesByStart(catalog);
  const mayName = aliasMayNameAt(catalog);
  for (const { tokens, cased, surnamesOfOthers } of texts) {
    for (let i = 0; i < tokens.length; i++) {
      const aliases = byStart.get(tokens[i]!);
      if (!aliases) continue;
      // The longest alias that starts here wins, and the scan goes on after it.
      for (const alias of aliases) {
        if (!aliasAt(tokens, i, alias) || !writtenWithCapitals(cased, i, alias.capitals)) continue;
        const length = alias.words.length;
        // Acronyms (US, PP, EU) count only where they are written in capitals ("U.S." is US as
        // written): "told us" is not the United States, even beside "the US".
        if (length === 1 && (!mayName(tokens, cased, i) || surnamesOfOthers?.has(tokens[i]!))) continue;
        counts.set(alias.name, (counts.get(alias.name) ?? 0) + 1);
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
