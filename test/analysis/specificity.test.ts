import { describe, expect, it } from 'vitest';
import { specificity } from '../../src/analysis/specificity.js';

describe('specificity', () => {
  it('takes the month of May for a date, not for a hedge', () => {
    expect(specificity('The summit will be held on May 5 in Brussels.', 0)).toBe(specificity('The summit will be held on June 5 in Brussels.', 0));
  });

  it('counts a direct quotation in double or single marks, not an apostrophe', () => {
    const plain = specificity('Starmer spoke to MPs in London.', 0);
    expect(specificity('Starmer told MPs: “We will stand with Ukraine.”', 0)).toBe(plain + 2);
    expect(specificity("Starmer told MPs: 'We will stand with Ukraine.'", 0)).toBe(plain + 2);
    expect(specificity('Starmer told MPs: ‘We will stand with Ukraine.’', 0)).toBe(plain + 2);
    expect(specificity("Starmer told the allies' envoys it's time.", 0)).toBe(plain + 1);
  });

  it('marks an unattributed hedge, and an evaluative verb, as commentary', () => {
    const plain = specificity('Talks resume in Geneva.', 0);
    expect(specificity('Talks may resume in Geneva.', 0)).toBe(plain - 0.75);
    expect(specificity('Talks Could resume in Geneva.', 0)).toBe(plain - 0.75);
    expect(specificity('The resumption of talks in Geneva highlights the stakes.', 0)).toBe(plain - 0.75);
    // Attributed, the hedge is someone's reported view, not the writer's.
    expect(specificity('Talks may resume in Geneva, officials said.', 0)).toBe(plain + 1);
  });
});
