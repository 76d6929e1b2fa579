import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/segment.js';

describe('splitSentences', () => {
  it.each([
    ['Gen. Syrskyi met U.S. envoys in Kyiv. They agreed a plan.', ['Gen. Syrskyi met U.S. envoys in Kyiv.', 'They agreed a plan.']],
    ['Inflation fell to 2.3% in January. Debt rose.', ['Inflation fell to 2.3% in January.', 'Debt rose.']],
    ['He said: "We are ready." Then he left.', ['He said: "We are ready."', 'Then he left.']],
    ['Talks resume on Jan. 14 in Paris. More follow.', ['Talks resume on Jan. 14 in Paris.', 'More follow.']],
    // A month's or "No." abbreviation goes with a number; before a word, the sentence ends there.
    ['Prices rose in Jan. The index fell.', ['Prices rose in Jan.', 'The index fell.']],
    ['The No. 2 official arrived. He said no. Then he left.', ['The No. 2 official arrived.', 'He said no.', 'Then he left.']],
    // A time of day ends the sentence before a capital, unless a day or a zone goes with it.
    ['The talks ended at 3 p.m. Officials left soon after.', ['The talks ended at 3 p.m.', 'Officials left soon after.']],
    ['The council met at 9 a.m. Tuesday. It ended at 3 p.m. GMT after a vote.', ['The council met at 9 a.m. Tuesday.', 'It ended at 3 p.m. GMT after a vote.']],
    // Titles and initialisms go with the name after them.
    ['Sen. Lindsey Graham met U.N. officials and Mr. Witkoff in St. Petersburg.', ['Sen. Lindsey Graham met U.N. officials and Mr. Witkoff in St. Petersburg.']],
  ])('%j', (paragraph, sentences) => expect(splitSentences(paragraph)).toEqual(sentences));
});

describe('quotations spanning sentences', () => {
  it.each([
    ['“We are ready. We will sign,” he said. Then he left.', ['“We are ready. We will sign,” he said.', 'Then he left.']],
    ['"We negotiate. Our documents are ready," he added. Talks go on.', ['"We negotiate. Our documents are ready," he added.', 'Talks go on.']],
    ['An unbalanced “quote. Next sentence here. And another.', ['An unbalanced “quote.', 'Next sentence here.', 'And another.']],
    ['‘We are ready. We will sign,’ he said. Then he left.', ['‘We are ready. We will sign,’ he said.', 'Then he left.']],
    // Apostrophes close nothing: the quotation runs to its closing mark.
    ['‘We don’t sign. The allies’ plan is not ours,’ he said. Then he left.', ['‘We don’t sign. The allies’ plan is not ours,’ he said.', 'Then he left.']],
    ['An unbalanced ‘quote. Next sentence here. And another.', ['An unbalanced ‘quote.', 'Next sentence here.', 'And another.']],
    // «…» and „…“, as outlets translating from Ukrainian, Russian, French or German write them.
    ['Starmer said: «We will not leave. Never.» The talks resume. «We are ready,» he added.', ['Starmer said: «We will not leave. Never.»', 'The talks resume.', '«We are ready,» he added.']],
    ['The minister spoke. „Europe must carry the burden“, he said. Then he left.', ['The minister spoke.', '„Europe must carry the burden“, he said.', 'Then he left.']],
  ])('%j', (paragraph, sentences) => expect(splitSentences(paragraph)).toEqual(sentences));
});
