import { aliasKey, type EntityCatalog } from '../topics/topic.js';
import { tokenize } from './tokenize.js';

/** An alias of the catalog as the words a scan compares with tokens, and the name it stands for. */
export interface AliasWords {
  readonly words: readonly string[];
  readonly name: string;
  /**
   * Which words the catalog writes with a capital: they name the entity only where a text writes
   * them with one too (writtenWithCapitals). A word one spelling of the alias writes in lower case
   * binds nothing.
   */
  readonly capitals: readonly boolean[];
}

const cache = new WeakMap<EntityCatalog, ReadonlyMap<string, readonly AliasWords[]>>();

/**
 * The catalog's aliases by their first word, longest first. Scans for names try the aliases that
 * start at a token, comparing their words with the tokens in place: a token that starts no alias
 * costs one look-up, and a span is never joined into a string to be looked up. An alias whose key
 * could not be a span of tokens joined by spaces (punctuation, capitals) never matches either way.
 */
export function aliasesByStart(catalog: EntityCatalog): ReadonlyMap<string, readonly AliasWords[]> {
  let index = cache.get(catalog);
  if (!index) {
    const capitals = aliasCapitals(catalog);
    const byStart = new Map<string, AliasWords[]>();
    for (const [alias, name] of catalog.aliases) {
      const words = alias.split(' ');
      const entry = { words, name, capitals: capitals.get(alias) ?? words.map(() => false) };
      const list = byStart.get(words[0]!);
      if (list) list.push(entry);
      else byStart.set(words[0]!, [entry]);
    }
    for (const list of byStart.values()) list.sort((a, b) => b.words.length - a.words.length);
    cache.set(catalog, (index = byStart));
  }
  return index;
}

const capitalsCache = new WeakMap<EntityCatalog, ReadonlyMap<string, readonly boolean[]>>();

/**
 * Each alias's words that the catalog writes with a capital, by the alias's key (aliasKey): a word that
 * any spelling of it writes in lower case binds nothing ("the" in "the Alliance").
 */
export function aliasCapitals(catalog: EntityCatalog): ReadonlyMap<string, readonly boolean[]> {
  let capitalsOf = capitalsCache.get(catalog);
  if (!capitalsOf) {
    const found = new Map<string, boolean[]>();
    for (const spellings of catalog.spellings.values()) {
      for (const spelling of spellings) {
        // A capital per token, as aliasKey splits the spelling.
        const capitals = tokenize(spelling, true).map(isCapitalized);
        const key = aliasKey(spelling);
        const known = found.get(key);
        found.set(key, known ? known.map((capital, k) => capital && capitals[k]!) : capitals);
      }
    }
    capitalsCache.set(catalog, (capitalsOf = found));
  }
  return capitalsOf;
}

/** Whether a token, as written, starts with a capital letter. */
export function isCapitalized(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}

/** Whether the text (its tokens as written, from `at`) gives a capital to each word that `capitals` says has one. */
export function writtenWithCapitals(cased: readonly string[], at: number, capitals: readonly boolean[] | undefined): boolean {
  if (capitals) for (let k = 0; k < capitals.length; k++) if (capitals[k] && !isCapitalized(cased[at + k] ?? '')) return false;
  return true;
}

/** Whether the alias's words are the tokens from `at` on. */
export function aliasAt(tokens: readonly string[], at: number, alias: AliasWords): boolean {
  const { words } = alias;
  if (at + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[at + k] !== words[k]) return false;
  return true;
}

const acronymCache = new WeakMap<EntityCatalog, ReadonlySet<string>>();

/**
 * The aliases the catalog writes as short acronyms (US, PP, EU: two or three capitals), as keys.
 * They name their entity only where a text writes them in capitals too: "told us" is not the
 * United States. Other short aliases (Xi) are matched as any alias is, whatever their case.
 */
function acronymsOf(catalog: EntityCatalog): ReadonlySet<string> {
  let keys = acronymCache.get(catalog);
  if (!keys) {
    const found = new Set<string>();
    for (const spellings of catalog.spellings.values()) for (const spelling of spellings) if (/^\p{Lu}{2,3}$/u.test(spelling)) found.add(spelling.toLowerCase());
    acronymCache.set(catalog, (keys = found));
  }
  return keys;
}

/**
 * Whether the one-word alias at `at` may name its entity there: not when the catalog writes it as
 * an acronym and the text (its cased tokens, "U.S." read as US) does not write it in capitals.
 */
export function aliasMayNameAt(catalog: EntityCatalog): (tokens: readonly string[], cased: readonly string[], at: number) => boolean {
  const acronyms = acronymsOf(catalog);
  return (tokens, cased, at) => !acronyms.has(tokens[at]!) || cased[at] === tokens[at]!.toUpperCase();
}
