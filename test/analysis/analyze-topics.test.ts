import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTopics, type Analysis, type Development, type TopicAnalysis } from '../../src/analysis/analyze-topics.js';
import { ASSIGN_THRESHOLD, CONTEXT_WEIGHT } from '../../src/analysis/assign-passages.js';
import { buildPassages, type NotAReport } from '../../src/analysis/passages.js';
import { formatExplanation } from '../../src/analysis/format-explanation.js';
import { refersBack } from '../../src/analysis/refers-back.js';
import { splitSentences } from '../../src/analysis/segment.js';
import { buildTopicMatcher, scorePassage } from '../../src/analysis/match-topic.js';
import { tokenize } from '../../src/analysis/tokenize.js';
import { resolvePeriod } from '../../src/period/period.js';
import type { Article } from '../../src/sources/article.js';
import { readMarkdownArticle } from '../../src/sources/read-markdown.js';
import { loadEntityCatalog, loadTopicLibrary } from '../../src/topics/load-topics.js';
import { repoRoot } from '../helpers.js';

const library = await loadTopicLibrary([join(repoRoot, 'briefs', 'topics')]);
const catalog = await loadEntityCatalog(join(repoRoot, 'briefs', 'entities.yaml'));
const topic = (id: string) => library.get(id)!.topic;
const period = resolvePeriod({ week: '2026-W04' }, new Date(0));

async function fixtureArticles(dir: string, names: string[]): Promise<Article[]> {
  return Promise.all(
    names.map(async (name) => {
      const fields = readMarkdownArticle(await readFile(join(repoRoot, 'test', 'fixtures', 'analysis', dir, name), 'utf8'), name);
      return { ...fields, id: name.replace('.md', ''), file: name, publisher: fields.publisher!, published: fields.published! };
    }),
  );
}

/** The sample corpus's articles, both weeks. */
async function sampleCorpus(): Promise<Article[]> {
  const dirs = ['2026-W03', '2026-W04'];
  const weeks = await Promise.all(
    dirs.map(async (dir) => {
      const names = (await readdir(join(repoRoot, 'corpus', dir))).filter((name) => name.endsWith('.md')).sort();
      return Promise.all(
        names.map(async (name) => {
          const fields = readMarkdownArticle(await readFile(join(repoRoot, 'corpus', dir, name), 'utf8'), name);
          return { ...fields, id: name.replace('.md', ''), file: name, publisher: fields.publisher!, published: fields.published! };
        }),
      );
    }),
  );
  return weeks.flat();
}

function article(id: string, text: string, published = '2026-01-21'): Article {
  return { id, title: '', publisher: 'Test', url: '', published, author: '', paragraphs: [text], file: `${id}.md` };
}

const score = (text: string, id: string) => scorePassage({ tokens: tokenize(text), cased: tokenize(text, true) }, buildTopicMatcher(topic(id), catalog));

describe('developments across sources', () => {
  it('the same event reported by three articles is one development with three sources', async () => {
    const articles = await fixtureArticles('same-event', ['nordic-wire.md', 'baltic-wire.md', 'continental-desk.md']);
    const analysis = analyzeTopics(articles, [topic('battlefield-technology')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) });
    const section = analysis.topics[0]!;
    const airDefence = section.developments.filter((d) => /air defence package|air defence aid/.test(d.text));
    expect(airDefence).toHaveLength(1);
    expect(airDefence[0]!.articleIds.sort()).toEqual(['baltic-wire', 'continental-desk', 'nordic-wire']);
    expect(airDefence[0]!.parts.corroboration).toBe(3);
    // The other event in the same articles stays a development of its own.
    expect(section.developments.some((d) => d.text.includes('long-range strike drones'))).toBe(true);
  });
});

describe('one statement as two outlets spell its speaker', () => {
  it('is one development citing both: Zelenskyy and Zelenskiy are the catalog’s one person', () => {
    const a = 'Zelenskyy said on a visit to Vilnius that the security guarantees document was ready.';
    const b = 'The security guarantees text is ready, Zelenskiy told reporters in Vilnius.';
    const section = analyzeTopics([article('a', a), article('b', b)], [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics[0]!;
    expect(section.developments.map((d) => d.articleIds.sort())).toEqual([['a', 'b']]);
  });
});

describe('reports alike in words but not in their details are different events', () => {
  it.each([
    ['another place and day', 'A Russian drone and missile attack damaged a thermal power plant in Kharkiv on Monday, Ukrenergo said.', 'A Russian drone and missile attack damaged a thermal power plant in Odesa on Tuesday, Ukrenergo said.'],
    ['another place', 'A Russian drone and missile attack damaged a thermal power plant in Kharkiv, Ukrenergo said on Monday.', 'A Russian drone and missile attack damaged a thermal power plant in Odesa, Ukrenergo said on Monday.'],
    ['another count', 'A Russian drone and missile attack damaged a thermal power plant and cut power to 200,000 homes, Ukrenergo said on Monday.', 'A Russian drone and missile attack damaged a thermal power plant and cut power to 50,000 homes, Ukrenergo said on Monday.'],
    ['a denial', 'Russia said on Monday its drones had destroyed a thermal power plant in Kharkiv.', 'Ukrenergo denied on Monday that Russian drones had destroyed a thermal power plant in Kharkiv.'],
    ['reports dismissed', 'Russian drones destroyed a thermal power plant in Kharkiv on Monday, Russian media reported.', 'Ukrenergo dismissed reports that Russian drones destroyed a thermal power plant in Kharkiv on Monday.'],
    ['a negation', 'Ukrenergo said on Monday that Russian drones had destroyed the thermal power plant in Kharkiv.', 'Ukrenergo said on Monday that Russian drones had not destroyed the thermal power plant in Kharkiv.'],
    ['a refusal', 'Ukrenergo said on Monday that scheduled power cuts in Kharkiv would end after the thermal power plant was repaired.', 'Ukrenergo refused on Monday to say when scheduled power cuts in Kharkiv would end after the thermal power plant was repaired.'],
  ])('%s: two developments, each citing only its own outlet', (_, first, second) => {
    const articles = [article('x', first), article('y', second)];
    const [section] = analyzeTopics(articles, [topic('energy-infrastructure')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(section!.developments.map((d) => d.articleIds)).toEqual(expect.arrayContaining([['x'], ['y']]));
    expect(section!.developments.every((d) => d.articleIds.length === 1)).toBe(true);
    // Nor is one dated event on the timeline.
    expect(section!.timeline.every((event) => event.articleIds.length === 1)).toBe(true);
  });

  it.each([
    ['A Russian drone and missile attack damaged a thermal power plant in Kharkiv on Monday, Ukrenergo said.', 'Ukrenergo said a Russian drone and missile attack had damaged a thermal power plant in Kharkiv on Monday.'],
    // Both report the denial; and a plain "not" is no denial.
    ['Ukrenergo denied on Monday that Russian drones had destroyed a thermal power plant in Kharkiv.', 'Ukrenergo on Monday denied Russian claims that drones had destroyed a thermal power plant in Kharkiv.'],
    ['Ukrenergo said on Monday that Russian drones had not destroyed the thermal power plant in Kharkiv.', 'Ukrenergo said on Monday the thermal power plant in Kharkiv was not destroyed by Russian drones.'],
    // "Ruled out" and "declined to" say no as "not" does.
    ['Ukrenergo said on Monday that it would not restore power to Kharkiv before the thermal power plant was repaired.', 'Ukrenergo on Monday ruled out restoring power to Kharkiv before the thermal power plant was repaired.'],
    // A fall is no refusal.
    ['Power output in Kharkiv fell to 40% of normal after the thermal power plant was damaged on Monday, Ukrenergo said.', 'Power output in Kharkiv declined to 40% of normal after the thermal power plant was damaged on Monday, Ukrenergo said.'],
    // A name that starts like a denial is none.
    ['Prime Minister Denys Shmyhal said Russian drones had destroyed a thermal power plant in Kharkiv on Monday.', 'Russian drones destroyed a thermal power plant in Kharkiv on Monday, the government said.'],
  ])('while the same report in other words, with the same details, stays one development with both sources: %s', (first, second) => {
    const articles = [article('x', first), article('y', second)];
    const [section] = analyzeTopics(articles, [topic('energy-infrastructure')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(section!.developments.map((d) => [...d.articleIds].sort())).toEqual([['x', 'y']]);
  });
});

describe('reports alike in words, of meetings with other people', () => {
  it('are two developments and two events, each cited to its outlet; a report naming one person more is the same one', () => {
    const call = (who: string) => `British Prime Minister Keir Starmer spoke to ${who} on Monday about security guarantees for Ukraine and the planned reassurance force, Downing Street said.`;
    const analyse = (texts: string[]) => {
      const [section] = analyzeTopics(texts.map((text, i) => article(`a${i}`, text)), [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
      const sources = (items: readonly { articleIds: readonly string[] }[]) => items.map((item) => [...item.articleIds].sort()).sort();
      return { developments: sources(section!.developments), timeline: sources(section!.timeline) };
    };
    expect(analyse([call('Volodymyr Zelensky'), call('Donald Trump')])).toEqual({ developments: [['a0'], ['a1']], timeline: [['a0'], ['a1']] });
    expect(analyse([call('Volodymyr Zelensky'), call('Volodymyr Zelensky and Emmanuel Macron')])).toEqual({ developments: [['a0', 'a1']], timeline: [['a0', 'a1']] });
  });
});

describe('topic scoring refuses passages that only share a name with a topic', () => {
  it.each([
    ['russia-china', 'Russia and China both watched as Denmark rejected the idea of selling Greenland to the United States.'],
    ['russia-china', 'Two seeded players from Russia and China went out early in Melbourne.'],
    ['security-guarantees', 'Leaders and chief executives arrived in Davos on Monday for the annual meeting of the World Economic Forum.'],
    ['us-policy', 'Donald Trump played golf at his Florida resort over the weekend.'],
    ['spain-politics', 'The Spanish world number one won his first-round match in straight sets.'],
  ])('%s: %s', (id, text) => {
    const result = score(text, id);
    expect(result.score >= 2 && result.terms.length > 0 && result.anchored).toBe(false);
  });

  it('but takes the passage that is about the topic', () => {
    expect(score('Western diplomats said the closer strategic alignment between Russia and China would complicate efforts to isolate Moscow.', 'russia-china')).toMatchObject({ anchored: true });
    expect(score('Western diplomats said the closer strategic alignment between Russia and China would complicate efforts to isolate Moscow.', 'russia-china').score).toBeGreaterThanOrEqual(2);
  });
});

describe("a topic's anchors", () => {
  const analyse = (id: string, title: string, paragraphs: string[]) =>
    analyzeTopics([{ ...article('a', paragraphs.join(' ')), title, paragraphs }], [topic(id)], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics[0]!.developments.map((d) => d.text);

  it("name Spain's ministers, whom reports name without Spain", () => {
    const montero = 'Finance Minister María Jesús Montero said the government would not call early elections.';
    expect(score(montero, 'spain-politics')).toMatchObject({ anchored: true });
    expect(analyse('spain-politics', 'Budget fails for a third year', [montero])).toEqual([montero]);
  });

  it("name Spain's regions, and its elections are the topic's terms, singular or plural", () => {
    const aragon = "The conservatives won 26 seats in Sunday's regional election in Aragon, six short of a majority.";
    const vox = 'Vox more than doubled its representation to 14 seats, while the Socialists fell to 18 seats from 23.';
    const castile = 'Voters in Castile and León go to the polls on March 15 in a regional election seen as a test for the government.';
    for (const report of [aragon, vox, castile]) expect(analyse('spain-politics', 'Regional vote', [report]), report).toEqual([report]);
  });

  it("name Russia's gas companies and Siberia, and the topic's terms its leaders' calls and China's supplies to Russia's war effort", () => {
    const reports = [
      'Vladimir Putin and Xi Jinping held a video call on Friday, the Kremlin said, their second conversation this year.',
      'Gas from western Siberia would reach China through Mongolia under the deal, Chinese state media said.',
      'Gazprom chief executive Alexei Miller said at the signing in Beijing that China would take its first gas in 2030.',
      'The EU\'s sanctions envoy said on Tuesday that Chinese firms were supplying "the backbone of Russia\'s arms industry".',
      'Between 70 and 80 per cent of the microelectronics found in Russian missiles were made in China, according to Ukrainian intelligence.',
    ];
    for (const report of reports) expect(analyse('russia-china', 'Weekly round-up', [report]), report).toEqual([report]);
    // One side alone is still no relationship.
    expect(analyse('russia-china', 'Weekly round-up', ['Gazprom said on Friday that gas flows to Hungary through TurkStream reached a record.'])).toEqual([]);
    expect(analyse('russia-china', 'Weekly round-up', ['Xi Jinping held a video call with the French president on Friday.'])).toEqual([]);
  });

  it('file a strike on a city under strikes on cities, and a later toll apart from the first: another count of the dead', () => {
    const first = 'A Russian ballistic missile hit a residential building in Dnipro on Monday night, killing at least 12 people and wounding 40, regional governor Serhiy Lysak said on Tuesday.';
    const later = "The death toll from Monday night's Russian missile strike on an apartment block in Dnipro has risen to 14, including two children, regional governor Serhiy Lysak said on Wednesday.";
    const articles = [article('x', first, '2026-01-20'), article('y', later, '2026-01-21')];
    const analysis = analyzeTopics(articles, [topic('strikes-on-cities'), topic('front-line')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) });
    const [strikes, front] = analysis.topics;
    const byArticle = <T extends { articleIds: readonly string[] }>(items: readonly T[]) => [...items].sort((a, b) => a.articleIds[0]!.localeCompare(b.articleIds[0]!));
    expect(byArticle(strikes!.developments).map((d) => [d.text, d.articleIds])).toEqual([
      [first, ['x']],
      [later, ['y']],
    ]);
    expect(byArticle(strikes!.figures).map((f) => [f.value, f.articleIds])).toEqual([
      ['at least 12 people', ['x']],
      ['14', ['y']],
    ]);
    expect(front!.developments).toEqual([]);
    // A strike on the grid stays the energy topic's, and weapons that harmed no one are no strike:
    // US missiles for Kyiv are US policy.
    expect(analyse('strikes-on-cities', 'Grid hit', ['Russian missiles hit the power grid in Kharkiv overnight, killing two people and cutting power to 200,000 homes.'])).toEqual([]);
    const tomahawks = 'The United States is considering supplying Ukraine with Tomahawk cruise missiles with a range of about 2,500 km, the Financial Times reported.';
    expect(analyse('strikes-on-cities', 'Long-range missiles', [tomahawks])).toEqual([]);
    expect(analyse('us-policy', 'Long-range missiles', [tomahawks])).toEqual([tomahawks]);
  });

  it('are not taken from the headline, where a passage on another actor would take them', () => {
    // A sentence that only the headline would anchor: an EU measure under a US headline.
    const eu = 'The European Union adopted its 20th package of sanctions and new tariffs on Russian steel on Tuesday.';
    expect(score(eu, 'us-policy')).toMatchObject({ anchored: false });
    expect(score(eu, 'us-policy').score).toBeGreaterThanOrEqual(2);
    expect(analyse('us-policy', 'Trump hosts Zelensky at the White House', [eu])).toEqual([]);
    // A relationship's two sides are stated where it is reported.
    const visit = 'Russian Security Council Secretary Sergei Shoigu arrived in Beijing on Monday for talks on the strategic partnership between Russia and China.';
    const washington = 'Separately, Beijing and Washington agreed to resume trade talks next month, the Chinese commerce ministry said.';
    expect(score(washington, 'russia-china').score).toBeGreaterThanOrEqual(2);
    expect(analyse('russia-china', 'Shoigu visits Beijing for talks with Wang Yi', [visit, washington])).toEqual([visit]);
  });
});

describe('a lead-in label before a colon', () => {
  it('is a headline when written as a title, and stays in the sentence when it is the sentence\'s own start', () => {
    const articles = [
      article('a', 'Guarantees Text Finished: President Volodymyr Zelensky said on Sunday that the US security guarantees document is ready.', '2026-01-25'),
      article('b', 'Zelensky told negotiators on Monday: "Finalise the US security guarantees document and submit it at the highest level."', '2026-01-19'),
      article('c', 'The message from Coalition of the Willing leaders in Paris was clear: a reassurance force will follow any ceasefire.', '2026-01-20'),
    ];
    const [section] = analyzeTopics(articles, [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    const byArticle = Object.fromEntries(section!.developments.map((d) => [d.articleIds[0], { headline: d.headline, text: d.text }]));
    expect(byArticle.a).toEqual({ headline: 'Guarantees Text Finished', text: expect.stringMatching(/^President Volodymyr Zelensky said/) });
    expect(byArticle.b).toEqual({ headline: '', text: expect.stringMatching(/^Zelensky told negotiators on Monday: /) });
    expect(byArticle.c).toEqual({ headline: '', text: expect.stringMatching(/^The message from Coalition/) });
  });
});

/** The quotes a security-guarantees section takes from these articles. */
const guaranteeQuotes = (articles: Article[]) => analyzeTopics(articles, [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 5 } }).topics[0]!.quotes;

describe('notable quotes', () => {
  it('leave out a fragment of a few words that the sentence works into its own, which says nothing alone', () => {
    const china = (text: string) => analyzeTopics([article('a', text)], [topic('russia-china')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics[0]!;
    const dollars = 'Kremlin spokesman Dmitry Peskov said the partnership with Beijing was "not measured in dollars".';
    expect(china(dollars).developments.map((d) => d.text)).toEqual([dollars]);
    expect(china(dollars).quotes).toEqual([]);
    const history = 'Kremlin spokesman Dmitry Peskov said ties between Moscow and Beijing were "at their best in all of history".';
    expect(china(history).quotes.map((q) => q.text)).toEqual(['at their best in all of history']);
    // A short quotation that is a sentence of its own stands.
    const whole = 'Kremlin spokesman Dmitry Peskov said of the partnership with Beijing: "Ties have never been better."';
    expect(china(whole).quotes.map((q) => q.text)).toEqual(['Ties have never been better.']);
  });
});

describe('quotes in single marks reach the section', () => {
  it('as double-quoted ones do', () => {
    const articles = [
      article('a', "Zelensky said on Sunday in Vilnius: 'The security guarantees document is ready for signing.'", '2026-01-25'),
      article('b', 'Zelensky said on Monday in Kyiv: “The security guarantees text must be binding on Congress.”', '2026-01-19'),
    ];
    expect(guaranteeQuotes(articles).map((q) => q.text).sort()).toEqual(['The security guarantees document is ready for signing.', 'The security guarantees text must be binding on Congress.']);
  });
});

describe('one quote citing several outlets', () => {
  const said = (speaker: string, words: string) => `${speaker} said on Monday in Kyiv: “${words}”`;
  const ready = 'The security guarantees document is ready for signing on Thursday.';
  const cited = (articles: Article[]) => guaranteeQuotes(articles).map(({ text, speaker, articleIds }) => ({ text, speaker, articleIds }));

  it('is the same words from the same speaker', () => {
    expect(cited([article('a', said('Zelensky', ready)), article('b', said('Volodymyr Zelenskyy', ready))])).toEqual([{ text: ready, speaker: 'Volodymyr Zelensky', articleIds: ['a', 'b'] }]);
  });

  it('or from unnamed sources, each outlet describing them its own way', () => {
    const quoted = (source: string) => `“${ready}” ${source} said on Monday in Kyiv.`;
    expect(cited([article('a', quoted('one of the diplomats')), article('b', quoted('a senior EU official'))])).toEqual([{ text: ready, speaker: 'one of the diplomats', articleIds: ['a', 'b'] }]);
    // A named speaker is not an unnamed one.
    expect(cited([article('a', quoted('one of the diplomats')), article('b', said('Zelensky', ready))]).map((q) => q.articleIds).sort()).toEqual([['a'], ['b']]);
  });

  it.each([
    ['another speaker', said('Zelensky', ready), said('Macron', ready)],
    ['a negation', said('Zelensky', ready), said('Zelensky', ready.replace('is ready', 'is not ready'))],
    ['another day', said('Zelensky', ready), said('Zelensky', ready.replace('Thursday', 'Friday'))],
  ])('not with %s: each outlet is cited for its own words', (_, first, second) => {
    expect(cited([article('a', first), article('b', second)]).map((q) => q.articleIds)).toEqual([['a'], ['b']]);
  });
});

describe('one figure citing several outlets', () => {
  const figures = (first: string, second: string) =>
    analyzeTopics([article('a', first), article('b', second)], [topic('energy-infrastructure')], catalog, { period, limits: { developments: 10, quotes: 3 } })
      .topics[0]!.figures.map(({ context, articleIds }) => ({ context, articleIds }));

  it('is the same count of the same thing', () => {
    const merged = figures('A Russian attack on a thermal power plant on Monday cut power to 200,000 homes in Kharkiv, Ukrenergo said.', 'Ukrenergo said power was cut to 200,000 homes in Kharkiv after a Russian attack on a thermal power plant on Monday.');
    expect(merged.map((f) => f.articleIds)).toEqual([['a', 'b']]);
  });

  it.each([
    ['another place', 'A Russian attack on a thermal power plant on Monday cut power to 200,000 homes in Kharkiv, Ukrenergo said.', 'A Russian attack on a thermal power plant on Monday cut power to 200,000 homes in Odesa, Ukrenergo said.'],
    ['a negation', 'Ukrenergo said on Monday that the Russian attack on a thermal power plant had cut power to 200,000 homes in Kharkiv.', 'Ukrenergo said on Monday that the Russian attack on a thermal power plant had not cut power to 200,000 homes in Kharkiv.'],
  ])('not in %s: each outlet is cited for its own', (_, first, second) => {
    expect(figures(first, second).map((f) => f.articleIds)).toEqual([['a'], ['b']]);
  });
});

describe('"he said" after a sentence that names two people', () => {
  it('is nobody\'s quote; after one that names one person, it is that person\'s', () => {
    const articles = [
      article('a', 'Zelensky said on Sunday that Trump had promised more help on security guarantees. He added: “The security guarantees document must be binding on Congress.”', '2026-01-25'),
      article('b', 'Zelensky spoke to reporters in Vilnius on Sunday about the security guarantees. He said: “The security guarantees document is ready for signing now.”', '2026-01-25'),
    ];
    expect(guaranteeQuotes(articles).map((q) => [q.text, q.speaker])).toEqual([['The security guarantees document is ready for signing now.', 'Volodymyr Zelensky']]);
  });

  it('is the one of them "he" or "she" fits, by the catalog\'s pronouns; nobody\'s when it fits none', () => {
    const articles = [
      article('a', 'Zelensky met Kaja Kallas in Brussels on Monday to discuss the security guarantees. She said: “The security guarantees document must be binding on every ally.”', '2026-01-19'),
      article('b', 'Kaja Kallas spoke to reporters in Brussels on Tuesday about the security guarantees. He said: “The security guarantees document is ready for signing now.”', '2026-01-20'),
      article('c', 'Ursula von der Leyen met Zelensky in Kyiv on Wednesday to discuss the security guarantees. He added: “The security guarantees text will be signed within weeks, not months.”', '2026-01-21'),
    ];
    expect(guaranteeQuotes(articles).map((q) => [q.text, q.speaker])).toEqual([
      ['The security guarantees document must be binding on every ally.', 'Kaja Kallas'],
      ['The security guarantees text will be signed within weeks, not months.', 'Volodymyr Zelensky'],
    ]);
  });
});

describe('a sentence that opens by referring back', () => {
  const text = (lines: string[]) => lines.join(' ');
  const visit = 'Russian Security Council Secretary Sergei Shoigu visited Beijing on Sunday for talks with Foreign Minister Wang Yi on the strategic partnership between Russia and China.';
  const follow = 'This visit underscores the strengthening strategic partnership between Moscow and Beijing, Russia and China, officials in both capitals said.';

  it('is shown after the sentence it refers to, when that sentence is shown', () => {
    const [section] = analyzeTopics([article('a', text([visit, follow]))], [topic('russia-china')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(section!.developments.map((d) => d.text)).toEqual([visit, follow]);
  });

  it('chosen as background, follows on from the development it refers to, under it, not under "Background"', () => {
    const other = 'China and Russia have expanded trade in energy and machinery since 2022, and their strategic partnership now covers joint military exercises.';
    // One development: "This visit…" is background, where it would seem to be about the item before it there.
    const [section] = analyzeTopics([article('a', text([visit, follow])), article('b', other)], [topic('russia-china')], catalog, { period, limits: { developments: 1, quotes: 3 } }).topics;
    const shown = (items: Development[]) => items.map(({ text, pick, continues, followsOn }) => ({ text, pick, continues, followsOn }));
    expect(shown(section!.developments)).toEqual([
      { text: visit, pick: 1, continues: false, followsOn: false },
      // Ranked after every development, so `strongest` never keeps it without what it refers to.
      { text: follow, pick: 2, continues: true, followsOn: true },
    ]);
    expect(section!.background.map((b) => b.text)).toEqual([other]);
    const explained = formatExplanation({ topics: [section!], bottomLine: [], notReports: [] }).split('\n');
    expect(explained.filter((line) => /^ *\d+\. strength/.test(line)).map((line) => /\(([^()]*)\)$/.exec(line)?.[1])).toEqual(['chosen 1 of 1', 'chosen as background; it refers back to the one above, so it follows it on']);
    // It counts against the background's limit, as chosen there.
    const [one] = analyzeTopics([article('a', text([visit, follow])), article('b', other)], [topic('russia-china')], catalog, { period, limits: { developments: 1, quotes: 3, background: 1 } }).topics;
    expect(one!.developments.map((d) => d.text)).toEqual([visit, follow]);
    expect(one!.background).toEqual([]);
  });

  it('chosen as background after what it refers to there, is listed right after it (background in reading order)', () => {
    const partnership = 'The strategic partnership between Russia and China has deepened since 2022, with Moscow and Beijing holding joint military exercises and expanding energy trade.';
    const worried = 'This has worried Western governments, which see Russia and China coordinating their positions at the United Nations.';
    const noLimits = 'China and Russia declared a friendship with no limits in February 2022, weeks before the invasion of Ukraine, and Beijing has since bought record volumes of Russian oil.';
    const articles = [article('a', visit), article('b', text([partnership, worried])), article('c', noLimits)];
    const [section] = analyzeTopics(articles, [topic('russia-china')], catalog, { period, limits: { developments: 1, quotes: 3 } }).topics;
    // Chosen in the order partnership, noLimits, worried: listed so, "This" would seem to be the no-limits pact.
    expect(section!.background.map(({ text, pick, continues }) => ({ text, pick, continues }))).toEqual([
      { text: partnership, pick: 1, continues: false },
      { text: worried, pick: 3, continues: true },
      { text: noLimits, pick: 2, continues: false },
    ]);
  });

  it('is no event on the timeline, where it would stand alone among dates', () => {
    const met = 'He met Foreign Minister Wang Yi on Monday to discuss the strategic partnership between Russia and China.';
    const [section] = analyzeTopics([article('a', text([visit, met]))], [topic('russia-china')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(section!.developments.map((d) => d.text)).toEqual([visit, met]);
    expect(section!.timeline.map((event) => event.text)).toEqual([visit]);
    // An article's first sentence leans on the headline, and stands there too.
    const [first] = analyzeTopics([article('a', met)], [topic('russia-china')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(first!.timeline.map((event) => event.text)).toEqual([met]);
  });

  it("stands as an article's first sentence, which leans on the headline", () => {
    const [section] = analyzeTopics([article('a', follow)], [topic('russia-china')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(section!.developments.map((d) => d.text)).toEqual([follow]);
  });

  it('is left out when nothing it could refer to is shown, and --explain says so', () => {
    const unrelated = 'The weather in Moscow was cold on Sunday, with snow expected in the evening across the region.';
    const [section] = analyzeTopics([article('a', text([unrelated, unrelated.replace('Sunday', 'Monday'), follow]))], [topic('russia-china')], catalog, { period, limits: { developments: 10, quotes: 3 }, explain: true }).topics;
    expect(section!.developments.map((d) => d.text)).not.toContain(follow);
    expect(section!.rejected.find((r) => r.text === follow)?.reason).toMatch(/^refers back/);
  });
});

describe('a quotation over several sentences and paragraphs, as news writes one', () => {
  const said = '“We are working around the clock to restore the power grid,” said Ukrenergo chief Vitaliy Zaichenko.';
  const goesOn = '“The damage at one substation is severe and the blackout may last days.';
  const added = '“Repairs to the power grid there will take at least three weeks,” he added.';
  const energy = (paragraphs: string[]) => analyzeTopics([{ ...article('a', paragraphs.join(' ')), paragraphs }], [topic('energy-infrastructure')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics[0]!;

  it('shows the sentences that go on with the words, or give them to "he", under the one that says whose they are', () => {
    const section = energy([`${said} ${goesOn}`, added]);
    expect(section.developments.map(({ text, continues }) => ({ text, continues }))).toEqual([
      { text: said, continues: false },
      { text: goesOn, continues: true },
      { text: added, continues: true },
    ]);
    expect(refersBack(goesOn)).toBe(true);
    expect(refersBack(added)).toBe(true);
    expect(refersBack('“Repairs to the power grid there will take at least three weeks,” Zaichenko added.')).toBe(false);
  });

  it('gives "he added" to the speaker of the quotation before it, though the catalog does not know him', () => {
    expect(energy([`${said} ${goesOn}`, added]).quotes.map(({ text, speaker }) => [text, speaker])).toEqual([
      ['We are working around the clock to restore the power grid', 'Vitaliy Zaichenko'],
      ['Repairs to the power grid there will take at least three weeks', 'Vitaliy Zaichenko'],
    ]);
    // Not to a group or an institution quoted before.
    const kremlin = '“There is nothing to discuss about the power grid at this stage,” the Kremlin said.';
    expect(energy([kremlin, added]).quotes.map(({ speaker }) => speaker)).toEqual(['the Kremlin']);
  });
});

describe("someone's words after the sentence that names them", () => {
  const montero = 'Finance Minister María Jesús Montero said the government would not call early elections.';
  const govern = "'We will govern with the accounts we have,' she told reporters in Madrid.";
  /** The topic's section of an article of these paragraphs, among every topic of the library. */
  const sectionOf = (id: string, paragraphs: string[]) =>
    analyzeTopics([{ ...article('a', paragraphs.join(' ')), paragraphs }], [topic(id)], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) }).topics[0]!;
  const spain = (paragraphs: string[]) => sectionOf('spain-politics', paragraphs);
  /** What a section shows: each development and whether it goes on from the one above, and each quote with its speaker. */
  const shown = (section: TopicAnalysis) => ({
    developments: section.developments.map(({ text, continues }) => [text, continues]),
    quotes: section.quotes.map(({ text, speaker }) => [text, speaker]),
  });
  /** A section of a sentence and the words that go on from it, quoted. */
  const goesOn = (first: string, words: string, quote: [string, string]) => ({ developments: [[first, false], [words, true]], quotes: [quote] });

  it('go on where it has the topic, though it lends less than the threshold', () => {
    expect(score(montero, 'spain-politics').score).toBeLessThan(4);
    expect(shown(spain([`${montero} ${govern}`]))).toEqual(goesOn(montero, govern, ['We will govern with the accounts we have', 'María Jesús Montero']));
  });

  it("go on despite a term of a topic they are not anchored for (Spain's \"parliament\" in London)", () => {
    const starmer = 'British Prime Minister Keir Starmer said the multinational force would deploy to Ukraine only after a ceasefire.';
    const parliament = '«We will not leave Ukraine to face this alone», he told Parliament on Tuesday.';
    expect(score(parliament, 'spain-politics')).toMatchObject({ terms: ['parliament'], anchored: false });
    const section = analyzeTopics([article('a', `${starmer} ${parliament}`)], [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) }).topics[0]!;
    expect(section.developments.map((d) => d.text)).toEqual([starmer, parliament]);
    expect(section.quotes.map(({ text, speaker }) => [text, speaker])).toEqual([['We will not leave Ukraine to face this alone', 'Keir Starmer']]);
  });

  it('go on though they have a term of that topic too few for it alone: no turn to another topic', () => {
    const called = 'Mr. Sánchez called the vote last month after the Catalan separatist party Junts withdrew its support for his minority government.';
    const serve = '"This government will serve until the last day of its term," Mr. Sánchez told lawmakers before the vote.';
    const own = score(serve, 'spain-politics').score;
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(ASSIGN_THRESHOLD);
    expect(shown(spain([called, serve]))).toEqual(goesOn(called, serve, ['This government will serve until the last day of its term', 'Pedro Sánchez']));
  });

  it('go on further into the article when a sentence of the topic named the speaker, until the article turns to another topic', () => {
    const endorsed = 'French President Emmanuel Macron said on Tuesday that the Coalition of the Willing had endorsed a text setting out security guarantees for Ukraine.';
    const force = 'The text provides for a multinational force that would deploy only after a ceasefire.';
    const snow = 'Snow fell on Paris during the afternoon.';
    const words = '"For the first time we have written down who will do what," Macron told a news conference.';
    const unnamed = '"For the first time we have written down who will do what," Keir Starmer told a news conference.';
    const election = 'Spanish Prime Minister Pedro Sánchez called a snap general election in Madrid on Monday.';
    for (const text of [words, unnamed, snow]) expect([...library.keys()].filter((id) => score(text, id).terms.length > 0)).toEqual([]);
    const guarantees = (paragraphs: string[]) => sectionOf('security-guarantees', paragraphs);
    // Past a sentence of no topic, and shown under the sentence of the topic before it.
    expect(shown(guarantees([endorsed, force, `${snow} ${words}`]))).toEqual({
      developments: [
        [endorsed, false],
        [force, false],
        [words, true],
      ],
      quotes: [['For the first time we have written down who will do what', 'Emmanuel Macron']],
    });
    // Someone no sentence of the topic named; an article turned to another topic.
    expect(guarantees([endorsed, force, unnamed]).quotes).toEqual([]);
    expect(guarantees([endorsed, election, words]).quotes).toEqual([]);
  });

  it('but a sentence that only refers back does not go on from so weak a sentence', () => {
    const decision = 'The decision leaves the accounts of the previous year in force.';
    expect(spain([`${montero} ${decision}`]).developments.map((d) => d.text)).toEqual([montero]);
  });
});

describe('a sentence with no topic term that goes on about the one before it', () => {
  const force = 'European defence ministers discussed on Wednesday a multinational reassurance force that would deploy to Ukraine only after a ceasefire, officials said.';
  const size = 'The force would number between 15,000 and 20,000 troops, according to two diplomats familiar with the planning.';
  const guarantees = (articles: Article[], limits: { developments: number; quotes: number; background?: number } = { developments: 10, quotes: 3 }) =>
    analyzeTopics(articles, [topic('security-guarantees')], catalog, { period, limits, competitors: [...library.values()].map((e) => e.topic) }).topics[0]!;

  it('takes its topic from it, is shown under it with its figure, and is no event on the timeline', () => {
    expect(score(size, 'security-guarantees').score).toBe(0);
    // In the next paragraph, as in a wire report.
    const section = guarantees([{ ...article('a', force), paragraphs: [force, size] }]);
    expect(section.developments.map(({ text, continues }) => ({ text, continues }))).toEqual([
      { text: force, continues: false },
      { text: size, continues: true },
    ]);
    expect(section.figures.map((f) => f.context)).toContainEqual(expect.stringContaining('15,000 and 20,000 troops'));
    expect(section.timeline.map((event) => event.text)).toEqual([force]);
    // --explain says where its topic came from.
    const explained = formatExplanation({ topics: [section], bottomLine: [], notReports: [] }).split('\n');
    expect(explained.filter((line) => line.startsWith('    terms:'))).toEqual([
      '    terms: reassurance force, ceasefire; entities: -',
      '    terms: none of its own (its topic is the sentence before it); entities: -',
    ]);
  });

  it('never stands alone, however it ranks: it is chosen only once the sentence it goes on from is', () => {
    // The general sentence ranks low (no date, figure or name); the one after it, high.
    const general = 'Security guarantees for Ukraine would rest on a multinational reassurance force deployed after a ceasefire, backed by security guarantees from allies.';
    const specific = 'The force would number between 15,000 and 20,000 troops, French President Emmanuel Macron said on Wednesday.';
    const one = guarantees([article('a', `${general} ${specific}`)], { developments: 1, quotes: 3, background: 0 });
    expect(one.developments.map((d) => d.text)).toEqual([general]);
    const two = guarantees([article('a', `${general} ${specific}`)], { developments: 2, quotes: 3 });
    expect(two.developments.map(({ text, parts, continues }) => ({ text, ranksAbove4: parts.rank > 4, continues }))).toEqual([
      { text: general, ranksAbove4: false, continues: false },
      { text: specific, ranksAbove4: true, continues: true },
    ]);
  });

  it('keeps no topic when it opens with a noun the sentence before did not match, or follows a sentence of no topic', () => {
    const other = 'The weather would turn colder by the weekend, according to forecasters in Kyiv familiar with the models.';
    expect(guarantees([article('a', `${force} ${other}`)]).developments.map((d) => d.text)).toEqual([force]);
    const unrelated = 'The weather in Kyiv was cold on Wednesday, with snow expected in the evening across the region.';
    expect(guarantees([article('a', `${unrelated} ${size}`)]).developments).toEqual([]);
  });

  it('opening with a pronoun, takes the topic too', () => {
    const ready = 'It would be ready to deploy within 30 days of a signature, a senior official said.';
    expect(guarantees([article('a', `${force} ${ready}`)]).developments.map(({ text, continues }) => [text, continues])).toEqual([
      [force, false],
      [ready, true],
    ]);
  });

  it('giving the words of someone the sentence before names, or of a "he", takes the topic, and its quote reaches the section', () => {
    const ready = 'Ukrainian President Volodymyr Zelensky said on Monday that the security guarantees document negotiated with the Coalition of the Willing was ready for signature.';
    const words = '"The document is ready, and we are waiting for our partners to set a date," Zelensky told reporters in Vilnius.';
    const more = '“Without a signature,” he said, “these are only words on paper.”';
    expect(score(words, 'security-guarantees').terms).toEqual([]);
    for (const quoted of [words, more]) {
      const section = guarantees([article('a', `${ready} ${quoted}`)]);
      expect(section.developments.map(({ text, continues }) => [text, continues])).toEqual([
        [ready, false],
        [quoted, true],
      ]);
      expect(section.quotes.map((q) => q.speaker)).toEqual(['Volodymyr Zelensky']);
    }
  });

  it('keeps none when its speaker is not named in the sentence before, or it is not one quotation and its speaker', () => {
    const ready = 'Ukrainian President Volodymyr Zelensky said on Monday that the security guarantees document negotiated with the Coalition of the Willing was ready for signature.';
    const others = [
      '"We will stand by our friends, whatever happens," Keir Starmer told reporters in London.',
      '"We will stand by our friends, whatever happens," an aide said.',
      'A report titled "Waiting for our partners to act" was published in Vilnius on Monday.',
      '"We are waiting for our partners," Zelensky said, adding that "the date is theirs to set" after talks.',
    ];
    for (const other of others) expect(guarantees([article('a', `${ready} ${other}`)]).developments.map((d) => d.text)).toEqual([ready]);
  });

  it('does not pass a topic on twice: a third sentence leaning on the second keeps none, however strong the first', () => {
    const strong = 'Security guarantees for Ukraine, a multinational reassurance force and a ceasefire monitored by allies were discussed by the Coalition of the Willing in Paris, with US security guarantees as the backstop and NATO-style Article 5 commitments.';
    // A quarter of its score would still reach the threshold.
    expect(score(strong, 'security-guarantees').score / 4).toBeGreaterThan(ASSIGN_THRESHOLD);
    const third = 'It would have a headquarters of its own, the diplomats added.';
    const texts = guarantees([article('a', `${strong} ${size} ${third}`)]).developments.map((d) => d.text);
    expect(texts).toEqual([strong, size]);
  });

  it('never leads a report it shares with a sentence that stands on its own', () => {
    const strong = 'Security guarantees for Ukraine, a multinational reassurance force and a ceasefire monitored by allies were discussed by the Coalition of the Willing in Paris, with US security guarantees as the backstop and NATO-style Article 5 commitments.';
    const own = 'A reassurance force would number between 15,000 and 20,000 troops, according to diplomats familiar with the planning.';
    // Ranked alike (relevance capped, the same figure): reading order alone would let article a's lead.
    const section = guarantees([article('a', `${strong} ${size}`), article('b', own)]);
    const report = section.developments.find((d) => d.text === own || d.text === size);
    expect(report).toMatchObject({ text: own, continues: false });
    expect(report!.articleIds.sort()).toEqual(['a', 'b']);
  });

  it('referring back with a term of that topic, takes the share lent and its own score together', () => {
    const lost = 'The government lost a vote on its tax reform in the Congress of Deputies on Wednesday, by 171 votes to 178.';
    const fourth = 'It was the fourth defeat for the minority government this year.';
    const bare = 'It was the fourth defeat this year.';
    expect(score(lost, 'spain-politics').score * CONTEXT_WEIGHT).toBeLessThan(ASSIGN_THRESHOLD);
    expect(score(fourth, 'spain-politics')).toMatchObject({ terms: ['minority government'], anchored: false });
    const spain = (paragraphs: string[]) => analyzeTopics([{ ...article('a', paragraphs.join(' ')), paragraphs }], [topic('spain-politics')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics[0]!;
    expect(spain([lost, fourth]).developments.map(({ text, continues }) => [text, continues])).toEqual([
      [lost, false],
      [fourth, true],
    ]);
    expect(spain([lost, bare]).developments.map((d) => d.text)).toEqual([lost]);
  });

  it('keeps none from a sentence whose lent share is below the threshold', () => {
    const weak = 'Ministers discussed a reassurance force on Wednesday, officials said.';
    expect(score(weak, 'security-guarantees').score).toBeLessThan(2 * ASSIGN_THRESHOLD);
    expect(guarantees([article('a', `${weak} ${size}`)]).developments.map((d) => d.text)).toEqual([weak]);
  });

  it('keeps none across a subheading: the sentence before must be the one just before', () => {
    expect(guarantees([{ ...article('a', force), paragraphs: [force, 'The planning', size] }]).developments.map((d) => d.text)).toEqual([force]);
  });

  it("keeps to its own terms when it has any, even too few for their topic: the library's score decides", () => {
    const spain = 'The decision came as Spanish Prime Minister Pedro Sánchez lost a budget vote in the Congress of Deputies in Madrid.';
    expect(guarantees([article('a', `${force} ${spain}`)]).developments.map((d) => d.text)).toEqual([force]);
    // "Spanish" alone is below Spain's threshold: no topic, not the guarantees'.
    const ships = 'The force would also draw on Spanish and Italian navy ships, the diplomats said.';
    expect(score(ships, 'spain-politics').terms).toEqual(['Spanish']);
    expect(guarantees([article('a', `${force} ${ships}`)]).developments.map((d) => d.text)).toEqual([force]);
  });
});

describe('the timeline', () => {
  const visit = 'Russian Security Council Secretary Sergei Shoigu visited Beijing on Sunday for talks with Foreign Minister Wang Yi on the strategic partnership between Russia and China.';
  /** The developments and the timeline of a week with the visit and `other`. */
  const withVisit = (other: string) => {
    const [section] = analyzeTopics([article('a', other), article('b', visit, '2026-01-19')], [topic('russia-china')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    return { developments: section!.developments.map((d) => d.text), timeline: section!.timeline.map((event) => [event.date, event.text]) };
  };

  it("dates a report by its own day, not by the day of an earlier event it names: a toll's rise on Thursday", () => {
    const toll = "The death toll from Tuesday's Russian missile strike on an apartment block in Zaporizhzhia rose to 12, regional governor Ivan Fedorov said on Thursday.";
    const [cities] = analyzeTopics([article('a', toll, '2026-01-22')], [topic('strikes-on-cities')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(cities!.timeline.map((event) => event.date)).toEqual(['2026-01-22']);
  });

  it('gives no day an event was due on and did not take place', () => {
    const postponed = 'Talks between Russia and China on the strategic partnership, due on Monday in Beijing, were postponed after Wang Yi fell ill.';
    const { developments, timeline } = withVisit(postponed);
    expect(developments).toContain(postponed);
    expect(timeline).toEqual([['2026-01-18', visit]]);
  });

  it('gives no day that only bounds a span ("since January 5")', () => {
    const since = 'It was the third visit by a Russian official to Beijing since January 5, and China called the strategic partnership between Russia and China a priority.';
    const { developments, timeline } = withVisit(since);
    expect(developments).toContain(since);
    expect(timeline).toEqual([['2026-01-18', visit]]);
  });
});

describe('a sentence given to a "she" that another topic\'s term would take', () => {
  const signed = 'The European Investment Bank on Thursday signed €1.5bn in loans and grants for the reconstruction of Ukrainian water, heating and transport networks.';
  const share = 'About 40 per cent of the money will go to municipalities near the front line, she said, and the rest to national operators.';

  it('is left out of that topic, figures and all, where what it goes on from is not shown', () => {
    expect(score(share, 'front-line').score).toBeGreaterThanOrEqual(2);
    const [front] = analyzeTopics([{ ...article('a', `${signed} ${share}`), paragraphs: [signed, share] }], [topic('front-line')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) }).topics;
    expect(front!.developments).toEqual([]);
    expect(front!.figures).toEqual([]);
  });
});

describe('the topic library', () => {
  it.each([
    'Half of Kharkiv was left without power after the overnight strike, the mayor said.',
    'The attack on the Odesa region was cutting power to 30,000 households, the governor said.',
  ])('files power lost under the energy topic: %s', (text) => {
    expect(score(text, 'energy-infrastructure').score).toBeGreaterThanOrEqual(2);
  });

  it.each([
    "EU leaders agreed on Thursday to lend Ukraine €90bn over the next two years, backed by the bloc's budget headroom rather than immobilised Russian assets.",
    'Belgium, which holds most of the frozen Russian central bank assets, had blocked the plan, citing legal risks.',
  ])('files Russia\'s assets with words between under reconstruction and financing: %s', (text) => {
    expect(score(text, 'reconstruction-finance').score).toBeGreaterThanOrEqual(2);
  });

  it.each([
    // A lender's gaps, programmes and assessments.
    ['reconstruction-finance', 'The fund said the programme depends on partners closing a financing gap it puts at $136.5 billion through 2029.'],
    ['reconstruction-finance', 'Hungary, Slovakia and the Czech Republic will not take part in the joint borrowing, officials said.'],
    ['reconstruction-finance', 'Zelensky welcomed the deal, saying the money would cover the budget gap through 2027.'],
    ['reconstruction-finance', 'The needs have grown to $588 billion over the next decade, the World Bank said in its latest damage assessment.'],
    ['reconstruction-finance', 'The plan would have drawn on about €185 billion held at Euroclear, the Brussels-based depository.'],
    ['reconstruction-finance', 'The IMF board approved a new 48-month lending programme worth $8.1 billion.'],
    // The two sides' trade, money, pipelines and partnership.
    ['russia-china', 'Almost all bilateral trade is now settled in yuan and roubles.'],
    ['russia-china', 'Novak will discuss the Power of Siberia 2 pipeline, which Gazprom hopes to start building this year.'],
    ['russia-china', 'Chinese exports to Russia dropped 11.2% as Russian buyers struggled to pay for cars and machinery.'],
    ['russia-china', 'Kremlin spokesman Dmitry Peskov said the partnership with Beijing was "not measured in dollars".'],
    ['russia-china', 'Gazprom said on Thursday it had signed a contract with CNPC for an additional 6 billion cubic metres of gas a year via the Far Eastern route from 2028.'],
    // Hungary's condition for lifting its veto.
    ['eu-accession', 'Prime Minister Viktor Orbán said Budapest had received "written guarantees" on the rights of the Hungarian minority in western Ukraine.'],
    ['eu-accession', 'Hungary says Kyiv must restore minority rights before the next cluster opens.'],
    // Talks, prisoners exchanged, and troops sent after the war.
    ['security-guarantees', 'Talks between Ukraine and Russia in Istanbul ended on Friday after less than two hours without agreement on a ceasefire, though the two sides agreed to exchange 500 prisoners each, Turkish Foreign Minister Hakan Fidan said.'],
    ['security-guarantees', 'The two sides agreed a prisoner swap and a new round of talks in June.'],
    ['security-guarantees', 'The Kremlin has said it will not accept Western troops in Ukraine.'],
    ['security-guarantees', 'Moscow rejects any deployment of European troops after a truce.'],
    // Ground taken, held and occupied.
    ['front-line', "Russia's defence ministry said on Tuesday its troops had taken full control of Kupiansk."],
    ['front-line', "Russian forces now occupy about 19% of Ukraine's territory, according to the DeepState monitoring group."],
    // Washington's help, in either word order.
    ['us-policy', 'The United States has resumed sharing intelligence with Ukraine after a two-week pause, CIA Director John Ratcliffe said on Wednesday.'],
    // A round-up's short reports, with no headline to help.
    ['spain-politics', 'The government lost a vote on its tax reform in the Congress of Deputies on Wednesday, by 171 votes to 178.'],
    ['energy-infrastructure', 'Ukrenergo said imports from the EU reached a record 2,300 megawatts on Friday during a heatwave.'],
  ])('files under %s, by its own words: %s', (id, text) => {
    expect(score(text, id)).toMatchObject({ anchored: true });
    expect(score(text, id).score).toBeGreaterThanOrEqual(2);
  });

  it("files the Popular Party, as American papers name it, under Spain's politics", () => {
    expect(score("Mr. Feijóo's Popular Party has led in most polls since last summer.", 'spain-politics')).toMatchObject({ anchored: true, entities: ['Alberto Núñez Feijóo', 'Partido Popular'] });
  });

  it('files a strike on the energy system under the energy topic, not under the drones that carried it out', () => {
    const strike = "Russia launched 92 drones and 14 missiles at Ukraine's energy system overnight, the Ukrainian air force said on Wednesday, and air defences shot down 80 of the drones.";
    const tech = 'Ukraine has begun fielding interceptor drones against Russian attack drones, and electronic warfare units are jamming their satellite navigation.';
    const analysis = analyzeTopics([article('a', strike), article('b', tech)], [topic('energy-infrastructure'), topic('battlefield-technology')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) });
    const texts = (id: string) => analysis.topics.find((t) => t.topic.id === id)!.developments.map((d) => d.text);
    expect(texts('energy-infrastructure')).toEqual([strike]);
    expect(texts('battlefield-technology')).toEqual([tech]);
  });
});

describe('what reports nothing', () => {
  it('is no passage: site furniture run on after the report in its paragraph, as a feed gives it', () => {
    const strike = 'Russian drones struck port infrastructure in Odesa overnight, cutting power to 30,000 households, the regional governor said.';
    const notReports: NotAReport[] = [];
    const passages = buildPassages([article('a', `${strike} The post Drones hit Odesa port appeared first on Eastern Desk. Read more: How Odesa keeps its port open`)], notReports).map((p) => p.text);
    expect(passages).toEqual([strike]);
    expect(notReports.map((r) => [r.reason, r.text])).toEqual([
      ['site furniture', 'The post Drones hit Odesa port appeared first on Eastern Desk.'],
      ['site furniture', 'Read more: How Odesa keeps its port open'],
    ]);
  });

  it('is no passage: an opinion piece, by its headline or its section, listed with its headline; a news headline about opinion is news', () => {
    const argument = 'A reassurance force that exists only on paper deters nobody, and Europe should say so now.';
    const piece = (title: string, url: string) => ({ ...article('a', argument), title, url });
    const read = (title: string, url = 'https://continental-desk.example/world/2026/01/22/x') => {
      const notReports: NotAReport[] = [];
      return { passages: buildPassages([piece(title, url)], notReports).map((p) => p.text), notReports: notReports.map((r) => [r.reason, r.text]) };
    };
    for (const title of ['Opinion: Europe must stop waiting for Washington', 'COMMENT | Europe must stop waiting', 'Op-ed — A force on paper', 'Europe must stop waiting | Opinion', 'The Herald view on Ukraine: a force on paper deters nobody']) {
      expect(read(title), title).toEqual({ passages: [], notReports: [['an opinion piece', title]] });
    }
    for (const url of ['https://continental-desk.example/opinion/2026/01/22/europe-must-stop-waiting', 'https://paper.example/commentisfree/2026/jan/22/europe', 'https://paper.example/news/editorials/ukraine-force', 'https://wire.example/breakingviews/ukraine-force-2026-01-22/', 'https://thinktank.example/publications/commentary/guarantees-on-paper', 'https://institute.example/viewpoints/2026/01/ukraine-force']) {
      expect(read('Europe must stop waiting', url), url).toEqual({ passages: [], notReports: [['an opinion piece', 'Europe must stop waiting']] });
    }
    // News about opinion, analysis that reports, and a comment someone made are news.
    for (const [title, url] of [
      ['Public opinion in Spain turns against early elections', 'https://iberialedger.example/politics/2026/01/22/public-opinion-early-elections'],
      ['Analysis: Why the guarantees text matters', 'https://continental-desk.example/analysis/2026/01/22/guarantees'],
      ['Kremlin declines comment on revised plan', 'https://balticwire.example/news/2026-01-21/kremlin-comment'],
      ['Letters of credit dry up for Russian importers', 'https://harbourstreet.example/markets/letters-of-credit'],
    ] as const) {
      expect(read(title, url).passages, title).toEqual([argument]);
    }
  });

  it("is no passage: the writer's own question; a question in quotation marks is someone's words, and is one", () => {
    const passages = (text: string) => buildPassages([article('a', text)]).map((p) => p.text);
    expect(passages('Will the Catalan parties still back the Spanish budget in the Congress of Deputies this spring?')).toEqual([]);
    expect(passages('What does the regional defeat mean for Pedro Sánchez (and his minority government)?')).toEqual([]);
    const asked = 'Sánchez asked the deputies: “Who will pay for a board that Spain never asked to join?”';
    expect(passages(asked)).toEqual([asked]);
    const reported = 'Sánchez told the Congress of Deputies that the budget would be presented in March.';
    expect(passages(reported)).toEqual([reported]);
  });

  it('is the writer speaking in the first person, which a brief would make the analyst\'s; the speakers\' "I" and "we" stand', () => {
    const passages = (text: string) => buildPassages([article('a', text)]).map((p) => p.text);
    for (const writer of [
      'In my view, the Spanish government has run out of road with its partners in Catalonia.',
      'I asked the minister whether Spain would meet the NATO spending target this year.',
      'We are getting reports of explosions in Kyiv, the capital of Ukraine, this morning.',
      // After a quotation that closes: the writer again.
      '“The budget will come in March,” Sánchez told us in an interview in Madrid.',
    ]) expect(passages(writer), writer).toEqual([]);
    for (const speaker of [
      '"We will bring a budget to parliament, and every party will have to say where it stands," Sánchez told reporters.',
      '“We will not join. Our place is the United Nations,” Sánchez said in Madrid on Tuesday.',
      "Rutte said the alliance's members were 'ready to do more for Ukraine' and would meet again.",
      "'We haven't received any proposals from Beijing about the agenda,' Kremlin spokesman Dmitry Peskov told reporters.",
      'Sánchez said: “My government will present the budget in March, whatever the Catalan parties decide.”',
      'Keir Starmer told Parliament on Tuesday: «We will not leave Ukraine to face this alone.»',
      // "US" is the United States; the "I" of "World War I" is nobody.
      'US officials said the security guarantees would be the strongest since the end of World War I in Europe.',
      // A mine is what a vehicle hits.
      'The armoured vehicle hit a mine near Pokrovsk on Tuesday, killing two soldiers, the brigade said.',
    ]) expect(passages(speaker), speaker).toEqual([speaker]);
  });

  it("is a live blog's time stamp or a flash: the entry after it is the passage", () => {
    const passages = (text: string) => buildPassages([article('a', text)]).map((p) => p.text);
    const entry = 'Spanish Prime Minister Pedro Sánchez told the Congress of Deputies that the budget would be presented in March.';
    expect(passages(`10:45 GMT – ${entry}`)).toEqual([entry]);
    expect(passages(`9.30am: ${entry}`)).toEqual([entry]);
    // A flash is no label for the entry either.
    expect(passages(`10:45 GMT – BREAKING: ${entry}`)).toEqual([entry]);
    expect(passages(`UPDATE – ${entry}`)).toEqual([entry]);
    // Not a time: a figure that opens a sentence.
    const figure = '10.50 euros a litre is what diesel cost in Madrid on Monday, the ministry said.';
    expect(passages(figure)).toEqual([figure]);
  });

  it("is the article's dateline: its first sentence is the passage", () => {
    const first = 'Spanish Prime Minister Pedro Sánchez said on Thursday the government would present its budget in March.';
    const second = 'Sánchez told reporters in Madrid that every party would have to say where it stands.';
    const dated = { ...article('a', `MADRID, Jan 22 (Reuters) - ${first}`), paragraphs: [`MADRID, Jan 22 (Reuters) - ${first}`, second] };
    expect(buildPassages([dated]).map((p) => p.text)).toEqual([first, second]);
  });

  it('is listed by --explain with its reason, as headings and fragments are not', () => {
    const paragraphs = [
      'Spanish Prime Minister Pedro Sánchez said on Wednesday he would not call an early general election.',
      'Sign up for our Europe newsletter to get the latest on Spanish politics and the Sánchez government.',
      'Will the Catalan parties still back the Spanish budget in the Congress of Deputies this spring?',
      'In my view, the Spanish government has run out of road with its partners in Catalonia.',
      'What the defeat means',
    ];
    const articles = [{ ...article('a', paragraphs[0]!), paragraphs }];
    const options = { period, limits: { developments: 10, quotes: 3 } };
    const explained = analyzeTopics(articles, [topic('spain-politics')], catalog, { ...options, explain: true });
    expect(explained.notReports.map((n) => [n.reason, n.text])).toEqual([
      ['site furniture', paragraphs[1]],
      ["the writer's own question", paragraphs[2]],
      ["the writer's own voice (first person outside quotation marks)", paragraphs[3]],
    ]);
    expect(formatExplanation(explained)).toContain("## not read as reports (site furniture: 1; the writer's own question: 1; the writer's own voice (first person outside quotation marks): 1)");
    // Only worked out when asked.
    expect(analyzeTopics(articles, [topic('spain-politics')], catalog, options).notReports).toEqual([]);
  });

  it('site furniture gives no development, though it names the topic', () => {
    const report = 'Spanish Prime Minister Pedro Sánchez said on Wednesday he would not call an early general election despite the Socialists losing the regional vote.';
    const newsletter = 'Sign up for our Europe newsletter to get the latest on Spanish politics and the Sánchez government.';
    const [section] = analyzeTopics([{ ...article('a', report), paragraphs: [report, newsletter] }], [topic('spain-politics')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics;
    expect(section!.developments.map((d) => d.text)).toEqual([report]);
  });
});

describe("an interview's answers", () => {
  const intro = "Finland's defence minister Antti Häkkänen spoke to Nordic Review in Helsinki on Wednesday about the reassurance force Europe is planning.";
  const question = 'What should the guarantees look like?';
  const answer = 'Häkkänen: They must be ready on day one. A security guarantee that takes six months to assemble is no guarantee.';
  const interview = (paragraphs: string[], explain = false) =>
    analyzeTopics([{ ...article('a', paragraphs.join(' ')), title: 'An interview with Finland\'s defence minister', publisher: 'Nordic Review', paragraphs }], [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 3 }, explain });

  it('are quotes of the person the label names, in full, and no report of the outlet', () => {
    const [section] = interview([intro, question, answer]).topics;
    expect(section!.quotes.map(({ text, speaker }) => [text, speaker])).toEqual([['A security guarantee that takes six months to assemble is no guarantee', 'Antti Häkkänen']]);
    expect(section!.developments.map((d) => d.text)).toEqual([intro]);
    // --explain says why it is no development.
    expect(interview([intro, question, answer], true).topics[0]!.rejected.map((r) => [r.reason, r.text])).toContainEqual([
      "an interview's answer: its speaker's quote, not a report",
      'A security guarantee that takes six months to assemble is no guarantee.',
    ]);
    // Its "I" is the speaker's, not the writer's.
    const first = 'Häkkänen: I see no ceasefire before Washington gives its own security guarantees.';
    expect(interview([intro, question, first]).topics[0]!.quotes.map(({ text, speaker }) => [text, speaker])).toEqual([['I see no ceasefire before Washington gives its own security guarantees', 'Antti Häkkänen']]);
  });

  it('given to "A:" are nobody\'s, and no report either', () => {
    const unnamed = answer.replace('Häkkänen:', 'A:');
    const analysis = interview([intro, `Q: ${question}`, unnamed], true);
    expect(analysis.topics[0]!.quotes).toEqual([]);
    expect(analysis.topics[0]!.developments.map((d) => d.text)).toEqual([intro]);
    expect(analysis.notReports.map((n) => [n.reason, n.text])).toContainEqual(["an interview's answer, its speaker unnamed", unnamed]);
  });

  it('are not a label no question comes before, nor one that names nobody the article names in full, nor the outlet', () => {
    const roundUp = 'Poland: Warsaw will send engineers to the reassurance force, with security guarantees from Washington as the backstop.';
    const poland = "Eastern Poland's airports would serve the force, Polish officials said on Tuesday.";
    const kyiv = 'Kyiv: Ukraine wants security guarantees that are ready on day one, as a reassurance force must be.';
    const outlet = 'Nordic Review: The security guarantees text was shown to us on Tuesday by a senior official of the coalition.';
    for (const [paragraphs, report] of [
      [[poland, roundUp], roundUp],
      [[intro, question, kyiv], kyiv],
      [[intro, question, outlet], outlet],
    ] as const) {
      const [section] = interview([...paragraphs]).topics;
      expect(section!.quotes).toEqual([]);
      // A development, its label a lead-in ("Poland", "Kyiv").
      if (report !== outlet) expect(section!.developments.map((d) => `${d.headline}: ${d.text}`)).toContain(report);
    }
  });
});

describe("a surname the catalog knows, that an article gives someone else", () => {
  const strike = (name: string) => `A Russian missile strike on a residential district of Zaporizhzhia killed nine people and wounded 30 on Tuesday, ${name} said.`;
  const words = '“There was no military target here. These were families at home,” Fedorov said on Telegram.';
  const section = (lead: string) =>
    analyzeTopics([{ ...article('a', `${lead} ${words}`), paragraphs: [lead, words] }], [topic('strikes-on-cities')], catalog, { period, limits: { developments: 10, quotes: 3 } }).topics[0]!;

  it('is that person: the quote is the governor\'s, and no mention of the catalog\'s minister', () => {
    const governor = section(strike('regional governor Ivan Fedorov'));
    expect(governor.quotes.map((q) => q.speaker)).toEqual(['Ivan Fedorov']);
    expect(governor.actors.map((a) => a.name)).not.toContain('Mykhailo Fedorov');
  });

  it("is the catalog's person where the article names them, in a spelling of their own or not", () => {
    for (const name of ['Digital Transformation Minister Mykhailo Fedorov', 'Deputy Prime Minister Fedorov', 'minister Mikhailo Fedorov']) {
      const minister = section(strike(name));
      expect(minister.quotes.map((q) => q.speaker), name).toEqual(['Mykhailo Fedorov']);
      expect(minister.actors.map((a) => a.name), name).toContain('Mykhailo Fedorov');
    }
  });
});

describe('a sentence that names people of a topic, with no term of it', () => {
  const feijoo = 'The conservative leader, Alberto Núñez Feijóo, accused Mr. Sánchez of "buying time with other people\'s money."';
  const spain = (title: string, text: string) =>
    analyzeTopics([{ ...article('a', text), title }], [topic('spain-politics')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) }).topics[0]!.developments.map((d) => d.text);

  it('takes the topic when it names two of its people or more and its score reaches the threshold: with a headline on the topic', () => {
    expect(score(feijoo, 'spain-politics')).toMatchObject({ terms: [], entities: ['Pedro Sánchez', 'Alberto Núñez Feijóo'] });
    expect(spain("Spain's Leader Survives a Confidence Vote, Barely", feijoo)).toEqual([feijoo]);
  });

  it('keeps none with one of them, or under a headline on something else', () => {
    expect(spain("Spain's Leader Survives a Confidence Vote, Barely", 'The conservative leader, Alberto Núñez Feijóo, accused his rivals of "buying time with other people\'s money."')).toEqual([]);
    expect(spain('A Weekend of Football', feijoo)).toEqual([]);
  });
});

describe('a section with nothing to list', () => {
  it('names no actors: its one sentence leans on a sentence of another topic', () => {
    const killed = 'Six people were killed in Kharkiv, where a Kh-101 missile hit a residential building, the regional governor said.';
    const damaged = 'The strikes damaged two thermal power plants, forcing emergency power cuts in five regions, Ukrenergo said.';
    const [energy, cities] = analyzeTopics([article('a', `${killed} ${damaged}`)], [topic('energy-infrastructure'), topic('strikes-on-cities')], catalog, {
      period,
      limits: { developments: 10, quotes: 3 },
      competitors: [...library.values()].map((e) => e.topic),
    }).topics;
    expect(cities!.developments.map((d) => d.text)).toEqual([killed]);
    expect(energy!.candidates).toBe(1);
    expect([energy!.developments, energy!.background, energy!.figures, energy!.actors]).toEqual([[], [], [], []]);
  });
});

describe('what happened weeks before the period', () => {
  it('is background, never a development, and --explain says why', () => {
    const cut = 'Russian drones hit energy facilities in the Odesa region on Wednesday, leaving more than 100,000 customers without power, DTEK said.';
    const earlier = 'A similar strike on the Odesa grid three weeks ago cut power to 250,000 customers in the city, DTEK said.';
    const [energy] = analyzeTopics([article('a', `${cut} ${earlier}`)], [topic('energy-infrastructure')], catalog, { period, limits: { developments: 10, quotes: 3 }, explain: true }).topics;
    expect(energy!.developments.map((d) => d.text)).toEqual([cut]);
    expect(energy!.background.map((d) => d.text)).toEqual([earlier]);
    // Alone, it is no development either.
    const [alone] = analyzeTopics([article('a', earlier)], [topic('energy-infrastructure')], catalog, { period, limits: { developments: 10, quotes: 3, background: 0 }, explain: true }).topics;
    expect(alone!.developments).toEqual([]);
    expect(alone!.rejected.map((r) => r.reason)).toEqual(['reports what happened more than 7 days before the period: background at most']);
  });
});

describe('"Congress" in a report on Spain', () => {
  it('is no US policy: Spain\'s lower house is the Congress too; an American order\'s critics in Congress are', () => {
    const defeat = 'The defeat, by 178 votes to 170, is the latest setback for Prime Minister Pedro Sánchez, who promised NATO allies that Spain would reach the spending target.';
    const revised = 'The government said it would bring a revised bill to Congress in September.';
    const signed = 'President Trump on Tuesday signed an executive order lifting sanctions on three Russian banks, a step the White House said would "build trust".';
    const criticism = 'The order drew criticism from Republicans and Democrats in Congress.';
    const [us] = analyzeTopics([{ ...article('es', defeat), paragraphs: [defeat, revised] }, { ...article('us', signed), paragraphs: [signed, criticism] }], [topic('us-policy')], catalog, {
      period,
      limits: { developments: 10, quotes: 3 },
      competitors: [...library.values()].map((e) => e.topic),
    }).topics;
    expect(us!.developments.map(({ text, continues }) => [text, continues])).toEqual([
      [signed, false],
      [criticism, true],
    ]);
  });
});

describe('the front line: a claim and its denial', () => {
  it('are filed under front-line, not the other topics, as two developments each citing its own outlet', () => {
    const articles = [
      article('ru', 'Russian forces captured the village of Pishchane in the Kharkiv region on Wednesday, the Russian defence ministry said.'),
      article('ua', "Ukraine's general staff denied on Wednesday that Russian forces had captured the village of Pishchane in the Kharkiv region."),
    ];
    const analysis = analyzeTopics(articles, [topic('front-line'), topic('battlefield-technology'), topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) });
    const [front, tech, guarantees] = analysis.topics;
    expect(front!.developments.map((d) => d.articleIds)).toEqual([['ru'], ['ua']]);
    expect([...tech!.developments, ...guarantees!.developments]).toEqual([]);
  });

  it('in one report, the denial goes on under the claim it answers', () => {
    const claim = "Russia's defence ministry said on Tuesday its troops had taken full control of Kupiansk, a railway hub in the Kharkiv region.";
    const denial = "Ukraine's military denied the claim, saying its forces still held the western part of the city and were evacuating the last civilians.";
    const [front] = analyzeTopics([{ ...article('a', claim), paragraphs: [claim, denial] }], [topic('front-line')], catalog, { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) }).topics;
    expect(front!.developments.map(({ text, continues }) => [text, continues])).toEqual([
      [claim, false],
      [denial, true],
    ]);
  });
});

describe('--explain names the quotations not taken as quotes, and why', () => {
  it('the words of another, and a "he said" with no single person before it', () => {
    const articles = [
      article('a', 'Zelensky said on Sunday that Putin had promised “no new offensive before the security guarantees talks”.', '2026-01-25'),
      article('b', 'Zelensky said on Sunday that Trump had promised more help on security guarantees. He added: “The security guarantees document must be binding on Congress.”', '2026-01-25'),
    ];
    const analysis = analyzeTopics(articles, [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 5 }, explain: true });
    expect(analysis.topics[0]!.quotes).toEqual([]);
    const lines = formatExplanation(analysis).split('\n');
    expect(lines).toContain('    - the words of another as the sentence reports them (Vladimir Putin, promised) [a]: “no new offensive before the security guarantees talks”');
    expect(lines).toContain('    - no speaker: none named, or a "he" or "she" that fits none or several of the people named before [b]: “The security guarantees document must be binding on Congress.”');
  });

  it('lists nothing without --explain', () => {
    const articles = [article('a', 'Zelensky said on Sunday that Putin had promised “no new offensive before the security guarantees talks”.', '2026-01-25')];
    expect(analyzeTopics(articles, [topic('security-guarantees')], catalog, { period, limits: { developments: 10, quotes: 5 } }).topics[0]!.quotesLeftOut).toEqual([]);
  });
});

describe('new since the last brief', () => {
  it('marks developments whose event was in the previous brief as not new', () => {
    const articles = [
      article('a', 'President Volodymyr Zelensky said on Sunday in Vilnius that the US security guarantees document is "100% ready".', '2026-01-25'),
      article('b', 'Leaders of the Coalition of the Willing agreed on Tuesday in Paris to draft a reassurance force plan for Ukraine.', '2026-01-20'),
    ];
    const analysis = analyzeTopics(articles, [topic('security-guarantees')], catalog, {
      period,
      limits: { developments: 10, quotes: 3 },
      previous: ['Coalition of the Willing leaders met on Tuesday in Paris to draft a plan for a reassurance force for Ukraine.'],
    });
    const byArticle = Object.fromEntries(analysis.topics[0]!.developments.map((d) => [d.articleIds[0], d.new]));
    expect(byArticle).toEqual({ a: true, b: false });
  });
});

describe('no section repeats an event, and quotes, figures and dates stay in their topic', () => {
  it('on the sample corpus', async () => {
    const { generateBrief } = await import('../../src/pipeline.js');
    const result = await generateBrief({ briefFile: join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), now: new Date(0), outDir: '/nonexistent', store: ':memory:', write: false });
    for (const section of result.analysis.topics) {
      const texts = section.developments.map((d) => d.text);
      expect(new Set(texts).size, section.topic.id).toBe(texts.length);
    }
    const spain = result.view.topics.find((t) => t.id === 'spain-politics')!;
    expect(spain.figures.map((f) => f.value)).toEqual(expect.arrayContaining(['2.3%', '4.8%', '153 secret documents']));
    expect(JSON.stringify(result.view.topics.filter((t) => t.id !== 'spain-politics'))).not.toContain('2.3%');
  });
});

describe('stopping an analysis done ahead of a check (options.signal)', () => {
  it('throws an AbortError at its next step once aborted, and changes nothing while not', async () => {
    const articles = await fixtureArticles('same-event', ['nordic-wire.md', 'baltic-wire.md', 'continental-desk.md']);
    const options = { period, limits: { developments: 10, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) };
    const topics = [topic('battlefield-technology'), topic('security-guarantees')];
    expect(analyzeTopics(articles, topics, catalog, { ...options, signal: { aborted: false } })).toEqual(analyzeTopics(articles, topics, catalog, options));
    expect(() => analyzeTopics(articles, topics, catalog, { ...options, signal: { aborted: true } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    // Aborted while under way (here: once the first step has looked), it stops before the next topic.
    let looks = 0;
    const midway = {
      get aborted() {
        return ++looks > 3;
      },
    };
    expect(() => analyzeTopics(articles, topics, catalog, { ...options, signal: midway })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(looks).toBe(4);
  });
});

describe('limits on quotes, figures and dated events', () => {
  it('keep the first of the unlimited lists, each with all its sources', async () => {
    const articles = await sampleCorpus();
    const topics = [...library.values()].map((entry) => entry.topic);
    const analyse = (limit: number) => analyzeTopics(articles, topics, catalog, { period, limits: { developments: 10, quotes: limit, figures: limit, timeline: limit } });
    const full = analyse(100);
    const merged = full.topics.flatMap((t) => [...t.quotes, ...t.figures, ...t.timeline]).filter((item) => item.articleIds.length > 1);
    expect(merged.length, 'the corpus has items reported by more than one article').toBeGreaterThan(0);
    for (const limit of [1, 2]) {
      analyse(limit).topics.forEach((section, i) => {
        const whole = full.topics[i]!;
        expect(section.quotes, section.topic.id).toEqual(whole.quotes.slice(0, limit));
        expect(section.figures, section.topic.id).toEqual(whole.figures.slice(0, limit));
        // The timeline is sorted by date after it is cut, so its events are looked up in the whole one.
        for (const event of section.timeline) expect(whole.timeline, section.topic.id).toContainEqual(event);
        expect(section.timeline.length).toBe(Math.min(limit, whole.timeline.length));
      });
    }
  });
});

describe('developments in reading order', () => {
  it("lists those quoted from one article together and in the article's order, so a sentence follows what it refers to", async () => {
    const articles = await sampleCorpus();
    const topics = ['security-guarantees', 'spain-politics', 'russia-china', 'energy-infrastructure', 'battlefield-technology'].map(topic);
    const twoWeeks = resolvePeriod({ from: '2026-01-12', to: '2026-01-25' }, new Date(0));
    const analysis = analyzeTopics(articles, topics, catalog, { period: twoWeeks, limits: { developments: 6, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic) });
    const byId = new Map(articles.map((a) => [a.id, a]));
    // Where a development's sentence stands in the article it is quoted from.
    const position = (text: string, id: string) => {
      const paragraphs = byId.get(id)!.paragraphs.map((p) => p.replace(/\s+/g, ' '));
      const paragraph = paragraphs.findIndex((p) => p.includes(text));
      return paragraph * 1000 + paragraphs[paragraph]!.indexOf(text);
    };
    let together = 0;
    for (const section of analysis.topics) {
      const quoted = section.developments.map((d) => d.articleIds[0]!);
      quoted.forEach((id, i) => {
        if (i === 0 || quoted[i - 1] !== id) {
          expect(quoted.slice(0, i), `${section.topic.id}: ${id} is listed in one run`).not.toContain(id);
          return;
        }
        together += 1;
        expect(position(section.developments[i]!.text, id), section.developments[i]!.text).toBeGreaterThan(position(section.developments[i - 1]!.text, id));
      });
    }
    expect(together, 'the corpus has topics with several developments from one article').toBeGreaterThan(3);
    // The sentence that says what "the measures" are comes first.
    const starlink = analysis.topics.find((t) => t.topic.id === 'battlefield-technology')!.developments.map((d) => d.text);
    expect(starlink.findIndex((t) => t.startsWith('SpaceX has begun blocking'))).toBeLessThan(starlink.findIndex((t) => t.includes('the measures had already')));
  });
});

describe('--explain accounts for each choice', () => {
  it("prints the factors that multiply out to a development's rank, and which rule left each passage out", async () => {
    const topics = ['security-guarantees', 'spain-politics', 'russia-china', 'energy-infrastructure', 'battlefield-technology'].map(topic);
    const twoWeeks = resolvePeriod({ from: '2026-01-12', to: '2026-01-25' }, new Date(0));
    const corpus = await sampleCorpus();
    const analysis = analyzeTopics(corpus, topics, catalog, { period: twoWeeks, limits: { developments: 4, quotes: 3 }, competitors: [...library.values()].map((e) => e.topic), explain: true });
    const lines = formatExplanation(analysis).split('\n');

    // Each printed factor and the relevance are rounded; the strength must lie within their bounds.
    const ranks = lines.map((line) => /^ *\d+\. strength ([\d.]+) = relevance ([\d.]+)(?: \(score [\d.]+, capped\))? × (.*)$/.exec(line)).filter((m) => m !== null);
    expect(ranks).toHaveLength(analysis.topics.reduce((sum, t) => sum + t.developments.length, 0));
    for (const [line, rank, relevance, rest] of ranks) {
      const factors = [...rest!.matchAll(/([\d.]+) (\w+) \([\d.]+\)/g)];
      expect(factors.map((f) => f[2]), line).toEqual(['sources', 'specificity', 'centrality', 'recency', 'newsiness']);
      const low = factors.reduce((product, f) => product * (Number(f[1]) - 0.0005), Number(relevance) - 0.005);
      const high = factors.reduce((product, f) => product * (Number(f[1]) + 0.0005), Number(relevance) + 0.005);
      expect(Number(rank) + 0.005, line).toBeGreaterThanOrEqual(low);
      expect(Number(rank) - 0.005, line).toBeLessThanOrEqual(high);
    }

    // A development left out either ranks below every chosen one, or outranks the weakest and lost
    // on likeness to one chosen before it (MMR), or opens by referring back to sentences not shown.
    const reasons = { below: 0, likeness: 0, refersBack: 0 };
    const sentences = (articleId: string) => corpus.find((a) => a.id === articleId)!.paragraphs.flatMap((p) => splitSentences(p));
    for (const section of analysis.topics) {
      // Numbered as shown; a background passage shown as a follow-on was not chosen by rank.
      const chosen = section.developments.map((d) => (d.followsOn ? Infinity : d.parts.rank));
      const weakest = chosen.indexOf(Math.min(...chosen));
      for (const left of section.rejected.filter((r) => r.rank !== undefined)) {
        if (left.reason.startsWith('refers back')) {
          reasons.refersBack += 1;
          expect(refersBack(left.text), left.text).toBe(true);
          const article = sentences(left.articleId);
          const before = article.slice(Math.max(0, article.indexOf(left.text) - 2), article.indexOf(left.text));
          expect(before.length, left.text).toBeGreaterThan(0);
          expect(section.developments.filter((d) => before.includes(d.text)), left.text).toEqual([]);
          continue;
        }
        const likeness = /^outranks development (\d+) but is too like development (\d+) \(cosine ([\d.]+)\)$/.exec(left.reason);
        if (likeness) {
          reasons.likeness += 1;
          expect(Number(likeness[1]), left.text).toBe(weakest + 1);
          expect(left.rank!, left.text).toBeGreaterThan(chosen[weakest]!);
          expect(Number(likeness[2]), left.text).not.toBe(weakest + 1);
          expect(Number(likeness[2]), left.text).toBeLessThanOrEqual(chosen.length);
        } else {
          reasons.below += 1;
          expect(left.reason).toBe(`ranked below the limit (${chosen.filter(Number.isFinite).length} developments)`);
          expect(left.rank!, left.text).toBeLessThanOrEqual(chosen[weakest]!);
        }
      }
    }
    expect(reasons.likeness, 'the corpus has a development dropped for likeness').toBeGreaterThan(0);
    expect(reasons.below, 'and one ranked below the limit').toBeGreaterThan(0);
    expect(reasons.refersBack, 'and one that refers back ("The release reopened…")').toBeGreaterThan(0);
  });

  it('says a passage another topic took "went to" it only when it scored here too; one that scored nothing lacks the anchors', () => {
    const ratified = 'The guarantees would be ratified by the Coalition of the Willing and by the parliament in Kyiv.';
    const [, spain] = analyzeTopics([article('a', ratified)], [topic('security-guarantees'), topic('spain-politics')], catalog, { period, limits: { developments: 3, quotes: 3 }, explain: true }).topics;
    expect(score(ratified, 'spain-politics')).toMatchObject({ terms: ['parliament'], anchored: false });
    expect(spain!.rejected.map((r) => [r.score, r.reason])).toEqual([[0, 'matches terms but lacks the topic anchors, or an exclusion applies']]);
  });

  it('prints a score just under the threshold as under it (cut, not rounded up to the threshold)', () => {
    const rejected = [{ text: 'A sentence.', articleId: 'a', alsoIn: 0, score: 1.996, reason: 'below the threshold 2' }];
    const analysis = { topics: [{ topic: { id: 't', title: 'T' }, candidates: 1, developments: [], background: [], rejected, quotesLeftOut: [] }], bottomLine: [], notReports: [] } as unknown as Analysis;
    expect(formatExplanation(analysis)).toContain('- score 1.99: below the threshold 2 [a]');
  });

  it('lists a text left out of several articles once, with how many more', () => {
    const text = 'Officials said the talks on a ceasefire would resume next month in Geneva.';
    const articles = ['a', 'b', 'c'].map((id) => article(id, text));
    const [section] = analyzeTopics(articles, [topic('security-guarantees')], catalog, { period, limits: { developments: 1, quotes: 3 }, explain: true }).topics;
    expect(section!.rejected.filter((r) => r.text === text)).toEqual([expect.objectContaining({ alsoIn: 2 })]);
  });
});
