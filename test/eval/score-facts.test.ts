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
