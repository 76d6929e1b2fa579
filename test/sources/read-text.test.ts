import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextArticle } from '../../src/sources/read-text.js';
import { haveSeeds, seedsDir } from '../helpers.js';

describe('readTextArticle', () => {
  it('takes the first line as headline and joins "-" lines to their item', () => {
    const article = readTextArticle('Headline here\nIntro paragraph.\n-\nFirst item: text.\n-\nSecond item.\n');
    expect(article.title).toBe('Headline here');
    expect(article.paragraphs).toEqual(['Intro paragraph.', 'First item: text.', 'Second item.']);
  });

  it('drops credit lines and everything from the comment form on', () => {
    const article = readTextArticle('Title\nBody.\nEsther Webber reported from London. Zoya Sheftalovich reported from Brussels.\nLeave a Reply\nYou must be logged in to post a comment.\n');
    expect(article.paragraphs).toEqual(['Body.']);
  });

  it('does not take a whole paragraph as the headline', () => {
    const long = `The peace talks aim to establish security guarantees. ${'More words follow here. '.repeat(10)}`;
    const article = readTextArticle(`${long}\nNext.\n`);
    expect(article.title).toBe('The peace talks aim to establish security guarantees.');
    expect(article.paragraphs[0]).toBe(long.trim());
  });

  it.skipIf(!haveSeeds)('cleans seed 001 (site furniture removed)', async () => {
    const article = readTextArticle(await readFile(join(seedsDir, '001_9cfee0521a441b9c.txt'), 'utf8'));
    const text = article.paragraphs.join('\n');
    for (const furniture of ['reported from', 'Editorial Context', 'Methodology', 'Quality Assurance']) expect(text).not.toContain(furniture);
    expect(article.paragraphs.at(-1)).toMatch(/joint statement\.$/);
  });
});
