/** A topic, resolved: weighted phrases, signal entities, exclusions. */
export interface Topic {
  id: string;
  title: string;
  description: string;
  terms: { phrase: string; weight: number }[];
  entities: string[];
  /** When not empty, a passage must mention one of these to belong to the topic. */
  anchors: string[];
  exclude: string[];
}

/** Named entities with their aliases, from `briefs/entities.yaml`. */
export interface EntityCatalog {
  /** Canonical name → kind. */
  kinds: Map<string, EntityKind>;
  /** Lower-cased alias (and canonical name) → canonical name. */
  aliases: Map<string, string>;
  /** Canonical name → every spelling as written (the name itself first). */
  spellings: Map<string, string[]>;
}

export type EntityKind = 'person' | 'organization' | 'place';
