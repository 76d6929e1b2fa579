import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/segment.js';

describe('splitSentences', () => {
  it.each([
    ['Gen. Syrskyi met U.S. envoys in Kyiv. They agreed a plan.', ['Gen. Syrskyi met U.S. envoys in Kyiv.', 'They agreed a plan.']],
    ['Inflation fell to 2.3% in January. Debt rose.', ['Inflation fell to 2.3% in January.', 'Debt rose.']],
    ['He said: "We are ready." Then he left.', ['He said: "We are ready."', 'Then he left.']],
    ['Talks resume on Jan. 14 in Paris. More follow.', ['Talks resume on Jan. 14 in Paris.', 'More follow.']],
  ])('%j', (paragraph, sentences) => expect(splitSentences(paragraph)).toEqual(sentences));
});
