import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTopicMatcher, indexMatchers, scorePassage, scoreTopics } from '../../src/analysis/match-topic.js';
import { splitSentences } from '../../src/analysis/segment.js';
import { tokenize, tokenizeBoth } from '../../src/analysis/tokenize.js';
import { buildEntityCatalog, loadEntityCatalog, loadTopicLibrary } from '../../src/topics/load-topics.js';
import { repoRoot } from '../helpers.js';
import type { Topic } from '../../src/topics/topic.js';

const catalog = buildEntityCatalog({ people: { 'Xi Jinping': ['Xi'] }, places: { 'United States': ['US', 'U.S.'] } });
const topic = (extra: Partial<Topic>): Topic => ({ id: 't', title: 'T', description: '', terms: [], entities: [], anchors: [], exclude: [], ...extra });
const score = (text: string, t: Topic) => scorePassage({ tokens: tokenize(text), cased: tokenize(text, true) }, buildTopicMatcher(t, catalog));

describe('scorePassage', () => {
  it('counts a longer phrase once, not again for the phrase inside it', () => {
    const t = topic({ terms: [{ phrase: 'security guarantees', weight: 3 }, { phrase: 'guarantees', weight: 1.5 }] });
    expect(score('The security guarantees are ready.', t).terms).toEqual(['security guarantees']);
    expect(score('The guarantees are ready.', t).terms).toEqual(['guarantees']);
  });

  it('matches a term written with a hyphen after a common prefix, or joined, as the other: one spelling counted once', () => {
    const t = topic({ terms: [{ phrase: 'multinational force', weight: 2 }, { phrase: 'Shanghai Cooperation Organisation', weight: 3 }, { phrase: 'cease-fire', weight: 1 }, { phrase: 'coalition', weight: 1 }] });
    expect(score('A multi-national force would deploy.', t).terms).toEqual(['multinational force']);
    expect(score('Leaders of the Shanghai Co-operation Organisation met.', t).terms).toEqual(['Shanghai Cooperation Organisation']);
    expect(score('The ceasefire held.', t).terms).toEqual(['cease-fire']);
    // Only where the hyphen is written: "coalition" is no "co-alition", nor "cease fire" a "ceasefire".
    expect(score('The co alition met.', t).terms).toEqual([]);
    expect(score('The ceasefire held.', topic({ terms: [{ phrase: 'cease fire', weight: 1 }] })).terms).toEqual([]);
    // Listed in both spellings, each is one phrase: "cease-fire" scores as before.
    const both = topic({ terms: [{ phrase: 'ceasefire', weight: 1.5 }, { phrase: 'cease-fire', weight: 1.5 }] });
    const alone = topic({ terms: [{ phrase: 'cease-fire', weight: 1.5 }] });
    expect(score('The cease-fire held overnight.', both).score).toBe(score('The cease-fire held overnight.', alone).score);
  });

  it('matches short acronyms only in capitals (US, not "us")', () => {
    const t = topic({ terms: [{ phrase: 'sanctions', weight: 2 }], anchors: [['United States']] });
    expect(score('The US imposed sanctions.', t).anchored).toBe(true);
    expect(score('The U.S. imposed sanctions.', t).anchored).toBe(true);
    expect(score('Let us impose sanctions.', t).anchored).toBe(false);
  });

  it('needs every anchor group', () => {
    const t = topic({ terms: [{ phrase: 'talks', weight: 2 }], anchors: [['China', 'Beijing'], ['Russia', 'Moscow']] });
    expect(score('Beijing and Moscow held talks.', t).anchored).toBe(true);
    expect(score('Beijing held talks with Paris.', t).anchored).toBe(false);
  });

  it('zeroes a passage with an excluded phrase', () => {
    const t = topic({ terms: [{ phrase: 'China', weight: 2 }], exclude: ['Greenland'] });
    expect(score('China watched the Greenland dispute.', t).score).toBe(0);
  });

  it('scores a passage naming nothing of the topic as zero, anchored only when the topic has no anchors', () => {
    const anchored = topic({ terms: [{ phrase: 'sanctions', weight: 2 }], anchors: [['United States']] });
    expect(score('Nothing in this sentence concerns the topic.', anchored)).toEqual({ score: 0, terms: [], entities: [], anchored: false });
    expect(score('Nothing in this sentence concerns the topic.', topic({ terms: [{ phrase: 'sanctions', weight: 2 }] }))).toEqual({ score: 0, terms: [], entities: [], anchored: true });
    // A name found only as written (the acronym US) is still looked for.
    expect(score('The US acted quickly.', topic({ terms: [{ phrase: 'sanctions', weight: 2 }], entities: ['United States'] })).entities).toEqual(['United States']);
  });

  it("counts a name only where its words have the catalog's capitals (NATO's \"the Alliance\", not Moscow and Beijing's alliance)", () => {
    const withNato = buildEntityCatalog({ organizations: { NATO: ['the Alliance'] } });
    const t = topic({ terms: [{ phrase: 'alliance', weight: 1 }], entities: ['NATO'], anchors: [['China']] });
    const scored = (text: string) => scorePassage({ tokens: tokenize(text), cased: tokenize(text, true) }, buildTopicMatcher(t, withNato));
    expect(scored('The Alliance met in Brussels.').entities).toEqual(['NATO']);
    expect(scored('the Alliance met in Brussels.').entities).toEqual(['NATO']);
    expect(scored('China said the alliance with Moscow would grow.')).toMatchObject({ entities: [], terms: ['alliance'], anchored: true });
    // An anchor the topic writes with a capital binds it too: porcelain is not the country.
    expect(scored('Fine china and porcelain.').anchored).toBe(false);
  });

  it('adds entities by any alias, once each', () => {
    const t = topic({ terms: [{ phrase: 'summit', weight: 2 }], entities: ['Xi Jinping'] });
    expect(score('Xi went to the summit; Xi Jinping spoke.', t).entities).toEqual(['Xi Jinping']);
  });
});

describe('scoreTopics', () => {
  it('gives each topic the score scorePassage gives it, with one index for the passage', () => {
    const topics = [
      topic({ id: 'a', terms: [{ phrase: 'security guarantees', weight: 3 }, { phrase: 'guarantees', weight: 1.5 }] }),
      topic({ id: 'b', terms: [{ phrase: 'sanctions', weight: 2 }], anchors: [['United States']] }),
      topic({ id: 'c', terms: [{ phrase: 'talks', weight: 2 }], exclude: ['football'] }),
      topic({ id: 'd', terms: [{ phrase: 'grain', weight: 2 }], anchors: [['Odesa']] }),
    ];
    const matchers = topics.map((t) => buildTopicMatcher(t, catalog));
    for (const text of ['The US imposed sanctions after talks on security guarantees.', 'Football talks went on.', 'Nothing of note happened.', 'Guarantees, guarantees and more security guarantees.']) {
      const passage = { tokens: tokenize(text), cased: tokenize(text, true) };
      expect(scoreTopics(passage, indexMatchers(matchers)), text).toEqual(matchers.map((matcher) => scorePassage(passage, matcher)));
    }
    // A passage no phrase of a topic reaches shares one score object: nothing, anchored or not.
    const none = { tokens: tokenize('Nothing of note happened.'), cased: tokenize('Nothing of note happened.', true) };
    const [first, , , withAnchor] = scoreTopics(none, indexMatchers(matchers));
    expect(first).toBe(scoreTopics(none, indexMatchers(matchers))[0]);
    expect(first).toEqual({ score: 0, terms: [], entities: [], anchored: true });
    expect(withAnchor).toEqual({ score: 0, terms: [], entities: [], anchored: false });
  });

  it('gives every sentence of the sample corpus the scores scorePassage gives, for every topic of the library', async () => {
    const library = await loadTopicLibrary([join(repoRoot, 'briefs', 'topics')]);
    const entities = await loadEntityCatalog(join(repoRoot, 'briefs', 'entities.yaml'));
    const matchers = [...library.values()].map(({ topic: t }) => buildTopicMatcher(t, entities));
    const indexed = indexMatchers(matchers);
    const files = readdirSync(join(repoRoot, 'corpus'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
    let scored = 0;
    let matched = 0;
    for (const file of files) {
      for (const line of readFileSync(join(repoRoot, 'corpus', file), 'utf8').split('\n')) {
        for (const sentence of splitSentences(line)) {
          const passage = tokenizeBoth(sentence);
          const scores = scoreTopics(passage, indexed);
          expect(scores, sentence).toEqual(matchers.map((matcher) => scorePassage(passage, matcher)));
          scored++;
          if (scores.some((s) => s.score > 0)) matched++;
        }
      }
    }
    // The comparison covered sentences that score, not only ones that do not.
    expect(scored).toBeGreaterThan(300);
    expect(matched).toBeGreaterThan(100);
  });
});
