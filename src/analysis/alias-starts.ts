import { aliasKey, type EntityCatalog } from '../topics/topic.js';
import { editDistance } from '../text/closest.js';
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

const NONE: ReadonlySet<string> = new Set();

/** The catalog's one-word spellings of people, found in text, and the given names its longer spellings put before them. */
interface Surnames {
  /** Any one-word spelling, as written ("Fedorov", "Zelenskyy"): one pattern over a sentence finds them faster than a look at each word. */
  pattern: RegExp;
  /** Each spelling's key (aliasKey). */
  keys: ReadonlyMap<string, string>;
  /** By a surname's key, the keys of the given names before it in the person's longer spellings ("mykhailo"). */
  givenNames: ReadonlyMap<string, readonly string[]>;
}

const surnamesCache = new WeakMap<EntityCatalog, Surnames>();

function surnamesOf(catalog: EntityCatalog): Surnames {
  let found = surnamesCache.get(catalog);
  if (!found) {
    const keys = new Map<string, string>();
    const givenNames = new Map<string, string[]>();
    for (const [name, spellings] of catalog.spellings) {
      if (catalog.kinds.get(name) !== 'person') continue;
      for (const spelling of spellings) if (/^\p{L}[\p{L}-]*$/u.test(spelling)) keys.set(spelling, aliasKey(spelling));
    }
    for (const [name, spellings] of catalog.spellings) {
      if (catalog.kinds.get(name) !== 'person') continue;
      for (const spelling of spellings) {
        const words = tokenize(spelling);
        const surname = words.at(-1)!;
        if (words.length > 1 && catalog.aliases.get(surname) === name) givenNames.set(surname, [...(givenNames.get(surname) ?? []), words.at(-2)!]);
      }
    }
    const spellings = [...keys.keys()];
    const pattern = new RegExp(`(?<![\\p{L}])(?:${spellings.length > 0 ? spellings.join('|') : '(?!)'})(?![\\p{L}])`, 'gu');
    surnamesCache.set(catalog, (found = { pattern, keys, givenNames }));
  }
  return found;
}

/**
 * The capitalised word right before `at` after whitespace, as written, when it is a word of its
 * own: not a possessive ("Russia's") nor the end of an abbreviation's run. Looked for backwards.
 */
function wordBefore(text: string, at: number): string | undefined {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === at) return undefined;
  let start = end;
  while (start > 0 && /[\p{L}.-]/u.test(text[start - 1]!)) start--;
  if (start > 0 && /[\p{L}'’]/u.test(text[start - 1]!)) return undefined;
  const word = text.slice(start, end);
  return /^\p{Lu}/u.test(word) ? word : undefined;
}

/** Capitalised words before a surname that are no given name: titles, and words that open a sentence. */
const notGivenNames = new Set(
  `president vice prime minister secretary chancellor commissioner general gen senator sen rep governor mayor chief director
  ambassador envoy spokesman spokeswoman spokesperson premier speaker chairman chairwoman chair leader king queen prince pope
  judge colonel admiral dr mr mrs ms prof former acting deputy foreign defence defense finance economy interior the a an in on
  at by but and as after before when while for with from to of monday tuesday wednesday thursday friday saturday sunday today
  yesterday meanwhile later earlier separately instead still yet so then now here there also both neither only even since until
  if though although because once however moreover`.split(/\s+/),
);

/**
 * The one-word aliases of catalog people (surnames, as keys: "fedorov") that name someone else in
 * an article, given its sentences: it gives the surname in full to a person the catalog does not
 * know ("regional governor Ivan Fedorov", not the catalog's Mykhailo Fedorov) and never names the
 * catalog's person in full. There "Fedorov said" is the governor, and no mention of the catalog's
 * person. A given name the catalog's spells alike ("Mikhailo" for Mykhailo, two edits or fewer) is
 * the catalog's person. Read from sentences, not a headline's title case ("Trump Hosts Zelensky").
 */
export function surnamesOfOthers(texts: readonly string[], catalog: EntityCatalog): ReadonlySet<string> {
  const { pattern, keys, givenNames } = surnamesOf(catalog);
  let others: Map<string, string> | undefined;
  const inFull = new Set<string>();
  for (const text of texts) {
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
      const given = wordBefore(text, found.index);
      if (given === undefined) continue;
      const first = /^[\x00-\x7f]*$/.test(given) ? given.toLowerCase().replaceAll('.', '') : aliasKey(given);
      if (first.length < 2 || notGivenNames.has(first)) continue;
      const surname = keys.get(found[0])!;
      const name = catalog.aliases.get(surname)!;
      // The catalog's given name, or one two edits from it ("Mikhailo" for Mykhailo): the catalog's person.
      if ((givenNames.get(surname) ?? []).some((known) => known === first || editDistance(known, first) <= 2)) inFull.add(name);
      else (others ??= new Map()).set(surname, name);
    }
  }
  if (others === undefined) return NONE;
  return new Set([...others].filter(([, name]) => !inFull.has(name)).map(([surname]) => surname));
}
