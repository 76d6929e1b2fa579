import { describe, expect, it } from 'vitest';
import { readJsonArticles } from '../../src/sources/read-json.js';

describe('JSON and JSON lines from a news API', () => {
  const record = {
    headline: 'Kremlin says Putin &amp; Xi will talk by video link',
    body: 'Peskov said the two leaders would discuss &quot;the strategic partnership&quot;.\n\nIt&#8217;s the second such call this year &#x2014; after March.',
    url: 'https://wire.example/a?id=1&amp;page=2',
    source: { name: 'Wire &amp; Post' },
  };
  const fields = { title: 'headline', text: 'body', publisher: 'source.name' };

  it("decodes the character references APIs escape their text with, as HTML's", () => {
    const { articles, problems } = readJsonArticles(`${JSON.stringify(record)}\n`, true, fields);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'Kremlin says Putin & Xi will talk by video link',
      url: 'https://wire.example/a?id=1&page=2',
      publisher: 'Wire & Post',
      paragraphs: ['Peskov said the two leaders would discuss "the strategic partnership".', 'It’s the second such call this year — after March.'],
    });
  });

  it('decodes once: an escaped reference stays a reference', () => {
    const { articles } = readJsonArticles(JSON.stringify([{ ...record, body: 'Write &amp;amp; for an ampersand.' }]), false, fields);
    expect(articles[0]!.paragraphs).toEqual(['Write &amp; for an ampersand.']);
  });

  it('skips a record NewsAPI removed ("[Removed]"), and names it', () => {
    const removed = { source: { id: null, name: 'Channel Daily' }, title: '[Removed]', description: '[Removed]', url: 'https://removed.com', publishedAt: '2027-06-25T00:00:00Z', content: '[Removed]' };
    const kept = { ...removed, title: 'EU summit backs a second cluster', content: 'EU leaders agreed to open the internal market cluster.' };
    const { articles, problems } = readJsonArticles(JSON.stringify({ status: 'ok', articles: [kept, removed] }), false);
    expect(articles.map((a) => [a.title, a.publisher])).toEqual([['EU summit backs a second cluster', 'Channel Daily']]);
    expect(problems).toEqual(['$[1] is a placeholder for a story removed at its source ("[Removed]")']);
  });
});
