import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differentEvents, mayNegate, negation, sameReport } from '../../src/analysis/cluster-developments.js';
import { speakerNames } from '../../src/analysis/extract-quotes.js';
import { tokenize } from '../../src/analysis/tokenize.js';
import { buildIdf, cosine, vectorize, Vocabulary } from '../../src/analysis/vectors.js';

describe('negations in grouping reports', () => {
  it('a negated report is another event than the same words unnegated', () => {
    expect(differentEvents({ text: 'Spain will not join the Board of Peace.' }, { text: 'Spain will join the Board of Peace.' })).toBe(true);
    expect(differentEvents({ text: 'Spain declined to join the Board of Peace.' }, { text: 'Spain will not join the Board of Peace.' })).toBe(false);
    expect(differentEvents({ text: 'Madrid RULED OUT joining the board.' }, { text: 'Madrid will join the board.' })).toBe(true);
  });

  // The cheap test must pass wherever the pattern matches, or a negation would go unseen. Texts
  // are made of the pattern's words in any case (Unicode folding included: ſ folds to s, K to k).
  it('property: whatever the negation pattern matches, the cheap test first passes', () => {
    const piece = fc.constantFrom('not', 'NOT', 'Never', 'no longer', 'No  longer', "don't", 'won’t', 'n’T', 'refuses', 'REFUSED', 'refuſe', 'declined to join', 'Declining to', 'rules out', 'RULED OUT', 'ruling', 'noted', 'knot', 'Kelvin', 'nothing', ' ', ' ', ',', '.', 'join', 'é', 'ı');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(fc.constantFrom('', ' ', '-'), { maxLength: 10 }), (pieces, gaps) => {
        const text = pieces.map((p, i) => p + (gaps[i] ?? ' ')).join('');
        if (negation.test(text)) expect(mayNegate.test(text), text).toBe(true);
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});

describe('dates in grouping reports', () => {
  it('are read as news writes them, the month in full or cut short, the day before or after it, with or without "th"', () => {
    const opened = (day: string) => ({ text: `The EU opened the first cluster of accession talks with Ukraine on ${day}.` });
    expect(differentEvents(opened('Feb. 24'), opened('February 25th'))).toBe(true);
    expect(differentEvents(opened('Feb. 24'), opened('24 February'))).toBe(false);
    expect(differentEvents(opened('February 24th'), opened('24th Feb.'))).toBe(false);
    expect(differentEvents(opened('Sept. 3'), opened('September 4'))).toBe(true);
  });
});

describe('reports alike in words, attributed to two named speakers', () => {
  it('are two statements, each its speaker’s; unnamed sources or one named speaker set nothing apart', () => {
    const spain = 'Spain will spend €1 billion on defence aid for Ukraine this year, Sánchez said.';
    expect(differentEvents({ text: spain }, { text: 'Italy will spend €1 billion on defence aid for Ukraine this year, Meloni said.' })).toBe(true);
    expect(differentEvents({ text: spain }, { text: 'Spain will spend €1 billion on defence aid for Ukraine this year, said Pedro Sánchez.' })).toBe(false);
    expect(differentEvents({ text: spain }, { text: 'Spain will spend €1 billion on defence aid for Ukraine this year, officials said.' })).toBe(false);
    // One name as outlets spell it.
    expect(differentEvents({ text: spain }, { text: 'Spain will spend €1 billion on defence aid for Ukraine this year, Sanchez said.' })).toBe(false);
    const ready = (name: string) => ({ text: `${name} said on Sunday that the guarantees text was ready.` });
    expect(differentEvents(ready('Zelenskyy'), ready('Zelenskiy'))).toBe(false);
    expect(differentEvents(ready('Zelensky'), ready('Zelenskyy'))).toBe(false);
    expect(differentEvents(ready('Zelensky'), ready('Yermak'))).toBe(true);
    expect(differentEvents(ready('Xi'), { text: 'Xi said on Sunday the guarantees text was ready.' })).toBe(false);
    expect(differentEvents({ text: 'Officials said Spain will spend €1 billion on defence aid.' }, { text: 'Diplomats said Spain will spend €1 billion on defence aid.' })).toBe(false);
  });

  it('a speaker is named before the verb, or after it once the report is given ("…, said Pedro Sánchez"); what is said names none', () => {
    const cases: [string, string[]][] = [
      ['Spain will spend €1 billion, Sánchez said.', ['Sánchez']],
      ['Spain will spend €1 billion, said Pedro Sánchez.', ['Sánchez']],
      ['“We will spend it,” said Pedro Sánchez.', ['Sánchez']],
      ['Ukraine said it shot down 40 drones.', ['Ukraine']],
      ['Officials said Spain will spend €1 billion on defence aid.', []],
      ['He said the talks would resume.', []],
    ];
    expect(cases.map(([text]) => [text, [...speakerNames(text)]])).toEqual(cases);
  });
});

/**
 * How alike two texts are (cosine) and whether they report the same event, with word weights
 * from a small week of sentences.
 */
function comparedIn(week: readonly string[]) {
  const idf = buildIdf(week.map((text) => tokenize(text)));
  const vocabulary = new Vocabulary();
  const report = (text: string) => ({ vector: vectorize(tokenize(text), idf, Math.log(1 + week.length), vocabulary), passage: { text } });
  return (a: string, b: string) => {
    const [x, y] = [report(a), report(b)];
    return { likeness: cosine(x.vector, y.vector), same: sameReport(x.vector, x.passage, y.vector, y.passage) };
  };
}

/** Two reports compared (comparedIn) that are one event though less alike than the bar for words alone (0.4), and more than `floor`. */
function expectOneBelowTheBar({ likeness, same }: { likeness: number; same: boolean }, floor: number): void {
  expect(likeness).toBeGreaterThan(floor);
  expect(likeness).toBeLessThan(0.4);
  expect(same).toBe(true);
}

describe('two outlets’ wordings of one report', () => {
  // A small week: the two reports, and sentences that make the shared words less than unique.
  const week = [
    'Last Tuesday, envoys of the Coalition of the Willing met in Paris to discuss a reassurance force of up to 20,000 troops.',
    'Western envoys meeting in Paris last week discussed a reassurance force for Ukraine that could number 20,000 troops, according to two diplomats.',
    'Britain and France would lead the force, while the United States would provide a backstop.',
    'The talks will resume in Abu Dhabi, officials said.',
    'Envoys in Paris said the force would need air cover.',
    'Inflation in Spain fell to 2.3% in January.',
  ];
  const same = comparedIn(week);

  it('are one event when they give the same count, though they share fewer words than the bar for words alone', () => {
    expectOneBelowTheBar(same(week[0]!, week[1]!), 0.25);
  });

  it('are not, at the same likeness, without a figure in common, or with only a percentage in common, or with another count', () => {
    expect(same(week[0]!.replace('20,000', '15,000'), week[1]!).same).toBe(false);
    expect(same(week[0]!.replace('up to 20,000 troops', 'troops'), week[1]!).same).toBe(false);
    expect(same(week[0]!.replace('up to 20,000 troops', 'troops, 2.3% of them', ), week[1]!.replace('20,000 troops', 'troops, 2.3% of them')).same).toBe(false);
  });

  it('are not when the count is all they share, or nearly: the same number of troops sent elsewhere, the same sum from another donor', () => {
    const poland = 'The United States will send 20,000 troops to Poland.';
    const force = 'A reassurance force of 20,000 troops would deploy to Ukraine.';
    const { likeness, same: one } = same(poland, force);
    expect(likeness).toBeGreaterThan(0.25);
    expect(one).toBe(false);
    // Nor one or two words more: Ukraine's money from two donors.
    const germany = same('Germany pledged $500 million in air defence aid to Ukraine, Chancellor Merz said.', 'Ukraine received $500 million from the World Bank for energy repairs.');
    expect(germany.likeness).toBeGreaterThan(0.25);
    expect(germany.likeness).toBeLessThan(0.4);
    expect(germany.same).toBe(false);
  });

  it('are not when one is far from the other in its words, whatever figure they share', () => {
    const { likeness, same: one } = same('Cold weather kept 20,000 troops indoors on the front line overnight.', week[1]!);
    expect(likeness).toBeLessThan(0.25);
    expect(one).toBe(false);
  });
});

describe('strikes on two cities, on one day, with one toll', () => {
  it('are two events however the outlets name the city: "in the centre of", "struck", "an attack on"', () => {
    const week = [
      'Russian drones hit residential buildings in the centre of Kharkiv on Tuesday, killing two people and wounding 15, the governor said.',
      'Russian drones hit residential buildings in the centre of Odesa on Tuesday, killing two people and wounding 15, the governor said.',
      'Russian drones struck Odesa on Tuesday, killing two people and damaging residential buildings, the mayor said.',
      'A drone attack on Odesa on Tuesday killed two people and damaged residential buildings, the mayor said.',
      'The talks will resume in Abu Dhabi, officials said.',
    ];
    const same = comparedIn(week);
    for (const odesa of week.slice(2, 4)) {
      expect(same(week[0]!, odesa).same, odesa).toBe(false);
      expect(same(week[1]!, odesa).same, odesa).toBe(true);
    }
  });
});

describe('two outlets’ wordings of one event on one day', () => {
  const week = [
    'Gazprom and China National Petroleum Corporation signed a legally binding agreement on Tuesday to build the Power of Siberia 2 pipeline, Russian state media reported.',
    'Russia and China signed a binding contract for the Power of Siberia 2 gas pipeline on Tuesday, ending years of talks in which Beijing held out for cheaper gas.',
    'Russia and China signed a binding agreement on visa-free travel for tour groups on Tuesday, officials told reporters.',
    'Putin told Xi that relations between Russia and China were at their best in history.',
    'China’s exports of machine tools to Russia rose 22 per cent in 2025, customs data showed on Monday.',
    'Analysts said China had pressed for a price close to Russia’s domestic rate.',
    'The line would carry 50 billion cubic metres of gas a year from western Siberia to northern China through Mongolia.',
    'Xi said Beijing and Moscow should firmly support each other on core interests, state broadcaster CCTV reported.',
    'The two leaders agreed that Putin would visit China in May, the Kremlin’s foreign policy aide told reporters.',
    'Beijing denies supplying weapons and says it controls exports of dual-use goods strictly.',
    'Trade between the two countries fell 7 per cent last year to $228bn, its first fall since 2020.',
  ];
  const same = comparedIn(week);

  it('are one event when they name the same day and share many words besides, though less alike than the bar for words alone', () => {
    expectOneBelowTheBar(same(week[0]!, week[1]!), 0.2);
    // The same date, as written either way round.
    expect(same(week[0]!.replace('on Tuesday', 'on 20 January'), week[1]!.replace('on Tuesday', 'on January 20')).same).toBe(true);
  });

  it('are not when each gives a number the other does not: one outlet would be cited for the other’s count', () => {
    const killing = (count: string) => `A Russian ballistic missile hit a residential building in Dnipro on Monday night, killing ${count}, regional governor Serhiy Lysak said.`;
    const later = 'Rescuers searching the rubble in Dnipro on Monday night found more bodies, raising the number killed by the Russian strike to 14, Serhiy Lysak said, as sirens sounded again across the region.';
    expect(same(killing('12'), later).likeness).toBeGreaterThan(0.2);
    expect(same(killing('12'), later).likeness).toBeLessThan(0.4);
    expect(same(killing('12'), later).same).toBe(false);
    // The same number, or one only the other does not give, sets nothing apart.
    expect(same(killing('14'), later).same).toBe(true);
    expect(same(killing('dozens'), later).same).toBe(true);
  });

  it('are not without the day, or on another day', () => {
    expect(same(week[0]!.replace(' on Tuesday', ''), week[1]!.replace(' on Tuesday', '')).same).toBe(false);
    expect(same(week[0]!.replace('Tuesday', 'Wednesday'), week[1]!).same).toBe(false);
  });

  it('are not when the day and words of any deal are all they share: another deal signed by the same two on the same day', () => {
    for (const pipeline of [week[0]!, week[1]!]) {
      const visas = same(week[2]!, pipeline);
      expect(visas.same).toBe(false);
    }
    // Many words in common, but no name: a bridge is not a pipeline.
    const bridge = same('Russia and China signed a binding agreement on Tuesday to build a road bridge over the Amur, a state broadcaster reported.', week[0]!);
    expect(bridge.likeness).toBeGreaterThan(0.2);
    expect(bridge.likeness).toBeLessThan(0.4);
    expect(bridge.same).toBe(false);
    // "On Tuesday" is no name, though both open with it.
    const opening = same(
      'On Tuesday, Russia and China signed a binding agreement to build a road bridge over the river, state media reported.',
      'On Tuesday, Russia and China signed a binding contract to build a gas pipeline under the river, ending years of talks in which Beijing held out for cheaper gas.',
    );
    expect(opening.likeness).toBeGreaterThan(0.2);
    expect(opening.likeness).toBeLessThan(0.4);
    expect(opening.same).toBe(false);
  });
});
