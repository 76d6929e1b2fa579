import { tokenize } from '../analysis/tokenize.js';

/** A topic, resolved: weighted phrases, signal entities, exclusions. */
export interface Topic {
  id: string;
  title: string;
  description: string;
  terms: { phrase: string; weight: number }[];
  entities: string[];
  /** A passage must mention a name from every group (none: no requirement). */
  anchors: string[][];
  exclude: string[];
}

/** Named entities with their aliases, from `briefs/entities.yaml`. */
export interface EntityCatalog {
  /** Canonical name → kind. */
  kinds: Map<string, EntityKind>;
  /** Alias (and canonical name) by its aliasKey → canonical name. */
  aliases: Map<string, string>;
  /** Canonical name → every spelling as written (the name itself first). */
  spellings: Map<string, string[]>;
  /** Person → the pronoun reports use for them ("she" for Kaja Kallas); a person not here may be either. */
  pronouns: Map<string, 'she' | 'he'>;
}

export type EntityKind = 'person' | 'organization' | 'place';

/**
 * How the catalog keys a spelling: its tokens as tokenize reads text (lower-cased, without accents,
 * split at punctuation), joined by spaces, so "María Jesús Montero" is found in "Maria Jesus
 * Montero", and "People's Party" in "the People's Party" (people, s, party).
 */
export function aliasKey(spelling: string): string {
  return tokenize(spelling).join(' ');
}
