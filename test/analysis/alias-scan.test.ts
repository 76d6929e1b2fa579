import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { surnamesOfOthers } from '../../src/analysis/alias-starts.js';
import { countActors } from '../../src/analysis/count-actors.js';
import { extractQuotes, peopleIn } from '../../src/analysis/extract-quotes.js';
import { splitSentences } from '../../src/analysis/segment.js';
import { tokenize, tokenizeBoth } from '../../src/analysis/tokenize.js';
import { buildEntityCatalog, loadEntityCatalog } from '../../src/topics/load-topics.js';
import { aliasKey, type EntityCatalog } from '../../src/topics/topic.js';
import { repoRoot } from '../helpers.js';

/** The scans as first written: every span from every token joined and looked up, longest first. */
function joinedSpans(tokens: readonly string[], at: number, longest: number, catalog: EntityCatalog): { name: string; length: number }[] {
  const found: { name: string; length: number }[] = [];
  for (let length = Math.min(longest, tokens.length - at); length >= 1; length--) {
    const name = catalog.aliases.get(tokens.slice(at, at + length).join(' '));
    if (name) found.push({ name, length });
  }
  return found;
}

/** Which words of an alias every spelling of it in the catalog writes with a capital. */
function capitalsOf(alias: string, catalog: EntityCatalog): boolean[] {
  const spellings = [...catalog.spellings.values()].flat().filter((spelling) => aliasKey(spelling) === alias);
  return spellings.map((spelling) => tokenize(spelling, true).map((word) => /^\p{Lu}/u.test(word))).reduce((all, one) => all.map((capital, k) => capital && one[k]!));
}

function referenceActors(texts: readonly string[], catalog: EntityCatalog): Map<string, number> {
  const longest = Math.max(1, ...[...catalog.aliases.keys()].map((alias) => tokenize(alias).length));
  const acronyms = new Set([...catalog.spellings.values()].flat().filter((spelling) => /^[A-Z]{2,3}$/.test(spelling)).map((spelling) => spelling.toLowerCase()));
  const counts = new Map<string, number>();
  for (const text of texts) {
    const tokens = tokenize(text);
    const cased = tokenize(text, true);
    for (let i = 0; i < tokens.length; i++) {
      for (const { name, length } of joinedSpans(tokens, i, longest, catalog)) {
        if (length === 1 && acronyms.has(tokens[i]!) && cased[i] !== tokens[i]!.toUpperCase()) continue;
        if (capitalsOf(tokens.slice(i, i + length).join(' '), catalog).some((capital, k) => capital && !/^\p{Lu}/u.test(cased[i + k]!))) continue;
        counts.set(name, (counts.get(name) ?? 0) + 1);
        i += length - 1;
        break;
      }
    }
  }
  return counts;
}

/** The people a sentence names, each once, in order. */
function referencePeople(tokens: readonly string[], cased: readonly string[], catalog: EntityCatalog): string[] {
  const people = new Set<string>();
  const written = (length: number, at: number) => !capitalsOf(tokens.slice(at, at + length).join(' '), catalog).some((capital, k) => capital && !/^\p{Lu}/u.test(cased[at + k]!));
  for (let i = 0; i < tokens.length; i++) {
    const person = joinedSpans(tokens, i, 3, catalog).find(({ name, length }) => catalog.kinds.get(name) === 'person' && written(length, i));
    if (person) people.add(person.name);
  }
  return [...people];
}

const sentencesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').flatMap((line) => splitSentences(line)));

describe('names found by their aliases', () => {
  it('on the sample corpus: the actors counted and the person named are what joining every span finds', async () => {
    const catalog = await loadEntityCatalog(join(repoRoot, 'briefs', 'entities.yaml'));
    const sentences = sentencesOf(join(repoRoot, 'corpus'));
    const texts = sentences.map((text) => ({ text, ...tokenizeBoth(text) }));
    const actors = countActors(texts, catalog, 1000);
    expect(new Map(actors.map((actor) => [actor.name, actor.mentions]))).toEqual(referenceActors(sentences, catalog));
    expect(actors.length, 'the corpus names many of the catalog').toBeGreaterThan(20);
    let named = 0;
    let several = 0;
    for (const { text, tokens, cased } of texts) {
      const people = peopleIn({ tokens, cased }, catalog);
      expect(people, text).toEqual(referencePeople(tokens, cased, catalog));
      if (people.length === 1) named++;
      if (people.length > 1) several++;
    }
    expect(named).toBeGreaterThan(30);
    expect(several).toBeGreaterThan(0);
  });

  it('with or without their accents, as the catalog or the text writes them (before, "María Jesús Montero" was found in neither)', () => {
    const catalog = buildEntityCatalog({ people: { 'María Jesús Montero': [], 'Volodymyr Zelensky': ['Зеленський'] }, pronouns: { she: ['María Jesús Montero'] } });
    for (const text of ['Finance Minister María Jesús Montero said the government would not fall.', 'Finance Minister Maria Jesus Montero said the government would not fall.']) {
      expect(peopleIn(tokenizeBoth(text), catalog), text).toEqual(['María Jesús Montero']);
    }
    expect(peopleIn(tokenizeBoth('Зеленський заявив, що документ готовий.'), catalog)).toEqual(['Volodymyr Zelensky']);
    expect(extractQuotes('María Jesús Montero said: “We will govern with the accounts we have.”', catalog)).toEqual([{ text: 'We will govern with the accounts we have.', speaker: 'María Jesús Montero' }]);
  });

  it('longest alias first, acronyms only where written in capitals, persons only for referentIn', () => {
    const catalog = buildEntityCatalog({
      people: { 'Xi Jinping': ['Xi', 'President Xi Jinping'], 'Pedro Sánchez': ['Sanchez'], 'Donald Trump': ['Trump'], 'Donald Tusk': ['Donald'] },
      organizations: { 'Partido Popular': ['PP'], 'European Union': ['EU', 'the European Union'], 'Trump Organization': [], Vox: [] },
      places: { 'United States': ['US', 'U.S.'] },
    });
    const texts = [
      'President Xi Jinping met Sanchez, and the PP replied.',
      'The US and the European Union spoke about Xi Jinping.',
      'Support fell 3 pp. in March.',
      'The Trump Organization denied it.',
      'The U.S. envoy told us nothing.',
      // Short aliases that are not acronyms count as written: Xi and Vox are not XI and VOX.
      'Xi called; Vox abstained.',
    ].map((text) => tokenizeBoth(text));
    expect(countActors(texts, catalog, 10)).toEqual([
      { name: 'Xi Jinping', kind: 'person', mentions: 3 },
      { name: 'United States', kind: 'place', mentions: 2 },
      { name: 'European Union', kind: 'organization', mentions: 1 },
      { name: 'Partido Popular', kind: 'organization', mentions: 1 },
      { name: 'Pedro Sánchez', kind: 'person', mentions: 1 },
      { name: 'Trump Organization', kind: 'organization', mentions: 1 },
      { name: 'Vox', kind: 'organization', mentions: 1 },
    ]);
    // Xi Jinping and Sánchez: "he" after it could be either.
    expect(peopleIn(texts[0]!, catalog)).toEqual(['Xi Jinping', 'Pedro Sánchez']);
    expect(peopleIn(tokenizeBoth('Donald Trump spoke.'), catalog)).toEqual(['Donald Trump']);
    expect(peopleIn(tokenizeBoth('President Xi Jinping spoke, and Xi left.'), catalog)).toEqual(['Xi Jinping']);
    expect(peopleIn(tokenizeBoth('The United States and the EU.'), catalog)).toEqual([]);
  });

  it('with an apostrophe, full stops or a hyphen in them, split as the text is (before, "People\'s Party" was never found)', () => {
    const catalog = buildEntityCatalog({
      people: { 'JD Vance': ['J.D. Vance'], 'Jean-Noël Barrot': [] },
      organizations: { 'Partido Popular': ["People's Party"], PSOE: ["Spanish Socialist Workers' Party"] },
    });
    const texts = ["The People's Party and the Spanish Socialist Workers' Party voted.", 'J.D. Vance met Jean-Noël Barrot; Jean Noel Barrot left.'].map((text) => tokenizeBoth(text));
    expect(countActors(texts, catalog, 10)).toEqual([
      { name: 'Jean-Noël Barrot', kind: 'person', mentions: 2 },
      { name: 'JD Vance', kind: 'person', mentions: 1 },
      { name: 'Partido Popular', kind: 'organization', mentions: 1 },
      { name: 'PSOE', kind: 'organization', mentions: 1 },
    ]);
    expect(peopleIn(texts[1]!, catalog)).toEqual(['JD Vance', 'Jean-Noël Barrot']);
  });

  it("a catalog surname is someone else's in an article that gives it, in full, only to someone else", () => {
    const catalog = buildEntityCatalog({ people: { 'Mykhailo Fedorov': ['Fedorov'], 'Sergei Lavrov': ['Lavrov'], 'Volodymyr Zelensky': ['Zelensky'] } });
    const others = (...sentences: string[]) => [...surnamesOfOthers(sentences, catalog)];
    expect(others('Regional governor Ivan Fedorov said nine people were killed.', 'Fedorov said rescuers were at work.')).toEqual(['fedorov']);
    // The catalog's person named in full too, or in a spelling of the given name of their own: theirs.
    expect(others('Ivan Fedorov said nine people were killed.', 'Minister Mykhailo Fedorov visited the site.')).toEqual([]);
    expect(others('Minister Mikhailo Fedorov visited the site.')).toEqual([]);
    // Titles, possessives and words that open a sentence are no given names.
    expect(others("Russia's Lavrov met Governor Fedorov.", 'Meanwhile Zelensky said the talks would go on.', 'On Monday Zelensky left.')).toEqual([]);
  });

  it('a name counts only where the text gives its words the capitals the catalog gives them', () => {
    const catalog = buildEntityCatalog({
      people: { 'Donald Trump': ['Trump'] },
      organizations: { NATO: ['the Alliance'], PSOE: ['Socialists'], Vox: [] },
    });
    const texts = [
      'Officials said the alliance between Moscow and Beijing would grow.',
      'The Alliance said its members would meet; NATO envoys agreed.',
      'Playing a trump card, the socialists abstained with vox populi behind them.',
      'Trump spoke. Socialists and Vox voted against.',
    ].map((text) => tokenizeBoth(text));
    expect(peopleIn(tokenizeBoth('Playing a trump card, Trump smiled.'), catalog)).toEqual(['Donald Trump']);
    expect(peopleIn(tokenizeBoth('Playing a trump card.'), catalog)).toEqual([]);
    expect(countActors(texts, catalog, 10)).toEqual([
      { name: 'NATO', kind: 'organization', mentions: 2 },
      { name: 'Donald Trump', kind: 'person', mentions: 1 },
      { name: 'PSOE', kind: 'organization', mentions: 1 },
      { name: 'Vox', kind: 'organization', mentions: 1 },
    ]);
  });

  it("a quote is attributed to a catalog name only as the catalog writes it: an acronym in capitals, a name with its capitals", () => {
    const nato = buildEntityCatalog({ organizations: { NATO: ['the Alliance'] } });
    expect(extractQuotes('"We stand ready to defend every ally," the Alliance spokesman said.', nato)).toEqual([{ text: 'We stand ready to defend every ally', speaker: 'NATO' }]);
    expect(extractQuotes('"We stand ready to defend every ally," the alliance spokesman said.', nato)).not.toContainEqual(expect.objectContaining({ speaker: 'NATO' }));
    const catalog = buildEntityCatalog({ organizations: { 'Partido Popular': ['PP'] } });
    expect(extractQuotes('"We will vote against this budget," the PP spokesman said.', catalog)).toEqual([{ text: 'We will vote against this budget', speaker: 'Partido Popular' }]);
    expect(extractQuotes('"We will vote against this budget," the pp spokesman said.', catalog)).toEqual([]);
  });
});
