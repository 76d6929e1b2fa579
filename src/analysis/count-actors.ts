import type { EntityCatalog, EntityKind } from '../topics/topic.js';
import { aliasAt, aliasesByStart } from './alias-starts.js';

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

/** Mentions of catalog entities (any alias, merged to the canonical name) across texts, each given with its tokens. */
export function countActors(texts: readonly TokenizedText[], catalog: EntityCatalog, limit: number): Actor[] {
  const counts = new Map<string, number>();
  const byStart = aliasesByStart(catalog);
  for (const { text, tokens } of texts) {
    let plain: string | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const aliases = byStart.get(tokens[i]!);
      if (!aliases) continue;
      // The longest alias that starts here wins, and the scan goes on after it.
      for (const alias of aliases) {
        if (!aliasAt(tokens, i, alias)) continue;
        const length = alias.words.length;
        // Short all-caps aliases (US, PP) only count in capitals.
        if (length === 1 && tokens[i]!.length <= 3) {
          plain ??= text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/\./g, '');
          if (!new RegExp(`\\b${tokens[i]!.toUpperCase()}\\b`).test(plain)) continue;
        }
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
