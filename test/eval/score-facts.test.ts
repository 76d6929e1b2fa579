import { describe, expect, it } from 'vitest';
import type { ViewModel } from '../../src/briefing/view-model.js';
import { numberStandsIn, scoreFacts } from '../../src/eval/score-facts.js';
import type { Article } from '../../src/sources/article.js';

describe('provenance of a figure', () => {
  const article = { id: 'a', title: 'Returns', paragraphs: ['About 2.3 million refugees have returned, officials said.'] } as Article;
  const viewWith = (value: string) =>
    ({ topics: [{ id: 't', developments: [], background: [], quotes: [], timeline: [], figures: [{ value, context: 'About 2.3 million refugees have returned', sources: [{ id: 'a' }] }] }] }) as unknown as ViewModel;

  it('needs its number written whole in its verbatim context', () => {
    expect(scoreFacts({ topics: {} }, viewWith('2.3 million refugees'), [article]).provenance).toMatchObject({ checked: 1, verified: 1 });
    // The context is verbatim, but "3 million" is not what the article says.
    expect(scoreFacts({ topics: {} }, viewWith('3 million refugees'), [article]).provenance).toMatchObject({ checked: 1, verified: 0, failures: [{ text: '3 million refugees: About 2.3 million refugees have returned' }] });
  });

  it.each([
    ['12.75%', 'rose 12.75 per cent', true],
    ['1,200 tonnes', 'rose to 1,200 tonnes', true],
    ['200 tonnes', 'rose to 1,200 tonnes', false],
    ['5 bn euros', 'received 2.5 bn euros', false],
    ['$500 billion', 'more than $500 billion for', true],
  ])('%s in "%s": %s', (value, context, stands) => {
    expect(numberStandsIn(value, context)).toBe(stands);
  });
});

describe('provenance of a quote', () => {
  const article = { id: 'a', title: 'Talks', paragraphs: ['“There is nothing to discuss at this stage,” Peskov told reporters.', 'Zelenskiy met Macron.'] } as Article;
  const viewWith = (speaker: string) =>
    ({ topics: [{ id: 't', developments: [], background: [], figures: [], timeline: [], quotes: [{ text: 'There is nothing to discuss at this stage', speaker, sources: [{ id: 'a' }] }] }] }) as unknown as ViewModel;
  const spellings = new Map([
    ['Dmitry Peskov', ['Dmitry Peskov', 'Peskov']],
    ['Volodymyr Zelensky', ['Volodymyr Zelensky', 'Zelensky', 'Zelenskiy']],
  ]);

  it('needs its speaker named in the cited article, under any spelling the catalog knows', () => {
    expect(scoreFacts({ topics: {} }, viewWith('Dmitry Peskov'), [article], spellings).provenance).toMatchObject({ checked: 1, verified: 1 });
    // Named in the article, though not as the speaker: the check proves the name is grounded, no more.
    expect(scoreFacts({ topics: {} }, viewWith('Volodymyr Zelensky'), [article], spellings).provenance).toMatchObject({ verified: 1 });
    // A speaker the article never names is not proven, though the words are verbatim.
    expect(scoreFacts({ topics: {} }, viewWith('Sergei Lavrov'), [article], spellings).provenance).toMatchObject({
      verified: 0,
      failures: [{ text: 'There is nothing to discuss at this stage — Sergei Lavrov' }],
    });
    // A speaker as written ("two diplomats") is looked for as written.
    expect(scoreFacts({ topics: {} }, viewWith('two diplomats'), [article], spellings).provenance).toMatchObject({ verified: 0 });
  });
});

describe('context: statements that lean on the sentence before them', () => {
  const refusal = 'Spain will not join the Board of Peace, Sánchez said on Tuesday.';
  const decision = 'The decision puts Madrid at odds with several European partners.';
  const article = { id: 'a', title: 'Board of Peace', paragraphs: [`${refusal} ${decision}`, 'Sánchez spoke in Madrid.'] } as Article;
  const item = (text: string) => ({ text, sources: [{ id: 'a' }] });
  const viewWith = (sections: { developments?: string[]; background?: string[]; timeline?: string[] }) =>
    ({ topics: [{ id: 't', quotes: [], figures: [], developments: (sections.developments ?? []).map(item), background: (sections.background ?? []).map(item), timeline: (sections.timeline ?? []).map(item) }] }) as unknown as ViewModel;
  const context = (sections: Parameters<typeof viewWith>[0]) => scoreFacts({ topics: {} }, viewWith(sections), [article]).context;

  it('stand after what they lean on, in their own section', () => {
    expect(context({ developments: [refusal, decision] })).toEqual({ checked: 1, standing: 1, failures: [] });
  });

  it('include items the brief marks as continuing, whatever their words ("The force would…")', () => {
    const force = 'Ministers discussed a multinational reassurance force on Wednesday.';
    const size = 'The force would number between 15,000 and 20,000 troops.';
    const reported = { id: 'a', title: 'Force', paragraphs: [force, size] } as Article;
    const view = (order: string[]) =>
      ({ topics: [{ id: 't', quotes: [], figures: [], background: [], timeline: [], developments: order.map((text) => ({ ...item(text), continues: text === size })) }] }) as unknown as ViewModel;
    expect(scoreFacts({ topics: {} }, view([force, size]), [reported]).context).toEqual({ checked: 1, standing: 1, failures: [] });
    expect(scoreFacts({ topics: {} }, view([size, force]), [reported]).context).toMatchObject({ checked: 1, standing: 0 });
  });

  it('are read without a lead-in label, as the analysis reads them', () => {
    const labelled = { id: 'a', title: 'Board of Peace', paragraphs: [`${refusal} Madrid Stays Out: ${decision}`] } as Article;
    expect(scoreFacts({ topics: {} }, viewWith({ background: [`Madrid Stays Out: ${decision}`] }), [labelled]).context).toMatchObject({ checked: 1, standing: 0 });
  });

  it.each([
    ['shown first', { developments: [decision, refusal] }],
    // Under "Background", "The decision…" would seem to be about whatever came before it there.
    ['under Background, after a development', { developments: [refusal], background: [decision] }],
    // Sorted by date, a timeline entry has nothing it can lean on.
    ['on the timeline', { timeline: [refusal, decision] }],
  ])('are counted alone when %s', (_, sections) => {
    expect(context(sections)).toEqual({ checked: 1, standing: 0, failures: [{ topic: 't', text: decision, source: 'a' }] });
  });
});

describe('provenance of a quotation its attribution split', () => {
  const article = { id: 'a', title: 'Interceptors', paragraphs: ['"We have scaled production," Fedorov said, "and we now make more than 1,000 interceptors a day."'] } as Article;
  const viewWith = (text: string) =>
    ({ topics: [{ id: 't', developments: [], background: [], figures: [], timeline: [], quotes: [{ text, speaker: 'Fedorov', sources: [{ id: 'a' }] }] }] }) as unknown as ViewModel;

  it('is proven part by part, and not when a part is not in the article', () => {
    expect(scoreFacts({ topics: {} }, viewWith('We have scaled production … and we now make more than 1,000 interceptors a day.'), [article]).provenance).toMatchObject({ verified: 1 });
    expect(scoreFacts({ topics: {} }, viewWith('We have scaled production … and we now make 2,000 interceptors a day.'), [article]).provenance).toMatchObject({ verified: 0 });
  });
});
