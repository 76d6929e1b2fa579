import { describe, expect, it } from 'vitest';
import { withoutSiteName } from '../../src/sources/article.js';
import { readFeed } from '../../src/sources/read-feed.js';
import { readHtmlArticle } from '../../src/sources/read-html.js';

describe('withoutSiteName', () => {
  it.each([
    ['Beijing hosts Shoigu | Far East Post', 'Far East Post', 'Beijing hosts Shoigu'],
    ['Spain stays out of the Board of Peace - Iberia Ledger', 'Iberia Ledger', 'Spain stays out of the Board of Peace'],
    ['Grid repairs race the cold — DNIPRO REVIEW', 'Dnipro Review', 'Grid repairs race the cold'],
    ['Baltic Wire: Vilnius hosts grid talks', 'Baltic Wire', 'Vilnius hosts grid talks'],
    ['Steppe & Silk Observer | Kremlin confirms Shoigu trip', 'Steppe & Silk Observer', 'Kremlin confirms Shoigu trip'],
    ['Politico (Europe) · Leaders court Trump at Davos', 'Politico (Europe)', 'Leaders court Trump at Davos'],
  ])('%s, from %s', (title, site, expected) => {
    expect(withoutSiteName(title, site)).toBe(expected);
  });

  it.each([
    ['a headline that names another outlet', 'Kyiv rebuffs claims - Reuters', 'Baltic Wire'],
    ['a name inside the headline', 'Far East Post editor detained in Minsk', 'Far East Post'],
    ['a name without a separator', 'Beijing hosts Shoigu Far East Post', 'Far East Post'],
    ['a headline that is only the name', 'Far East Post', 'Far East Post'],
    ['no site known', 'Beijing hosts Shoigu | Far East Post', undefined],
  ])('leaves the title whole: %s', (_, title, site) => {
    expect(withoutSiteName(title, site)).toBe(title);
  });
});

describe('readers take the site name off headlines', () => {
  it('a saved page whose <title> carries its site name', () => {
    const html = `<!doctype html><html><head><title>Beijing hosts Shoigu | Far East Post</title><meta property="og:site_name" content="Far East Post"></head>
      <body><article><p>China's foreign ministry confirmed on Friday that Sergei Shoigu will hold talks with Wang Yi in Beijing in early February, a spokesperson said.</p>
      <p>The two sides are expected to discuss strategic stability and coordination at the United Nations, the ministry added in its statement.</p></article></body></html>`;
    expect(readHtmlArticle(html, 'a.html')).toMatchObject({ title: 'Beijing hosts Shoigu', publisher: 'Far East Post' });
  });

  it("an aggregator's RSS items are the outlet's, named by <source>", () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>News digest</title>
      <item><title>Kremlin confirms Shoigu trip to Beijing - Steppe &amp; Silk Observer</title><link>https://digest.example/1</link>
        <source url="https://steppesilk.example/rss">Steppe &amp; Silk Observer</source><description>The Kremlin said on Thursday that Shoigu will travel to Beijing.</description></item>
      <item><title>Own report | News digest</title><link>https://digest.example/2</link><description>A report of the digest's own.</description></item>
    </channel></rss>`;
    expect(readFeed(xml).map(({ title, publisher }) => [title, publisher])).toEqual([
      ['Kremlin confirms Shoigu trip to Beijing', 'Steppe & Silk Observer'],
      ['Own report', 'News digest'],
    ]);
  });

  it("a feed whose title adds a section to the site's name: the name its headlines end with", () => {
    const feed = (title: string, headlines: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>
      ${headlines.map((headline, i) => `<item><title>${headline}</title><link>https://eastern.example/${i}</link><description>Russia and China signed an agreement on Tuesday.</description></item>`).join('')}
    </channel></rss>`;
    const read = (title: string, headlines: string[]) => readFeed(feed(title, headlines)).map(({ title: t, publisher }) => [t, publisher]);
    expect(read('Eastern Desk — World', ['Russia and China sign yuan deal - Eastern Desk', 'Drones hit Odesa port'])).toEqual([
      ['Russia and China sign yuan deal', 'Eastern Desk'],
      ['Drones hit Odesa port', 'Eastern Desk'],
    ]);
    expect(read('World news | The Guardian', ['Talks resume in Geneva | The Guardian'])).toEqual([['Talks resume in Geneva', 'The Guardian']]);
    // No headline ends with a part of it: the whole title, and a headline that opens like one is left whole.
    expect(read('Ukraine: latest news', ['Ukraine: talks resume in Geneva'])).toEqual([['Ukraine: talks resume in Geneva', 'Ukraine: latest news']]);
  });

  it("an aggregated Atom entry's <source> names its feed", () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Planet Ukraine</title>
      <entry><title>Grid repairs race the cold — Dnipro Review</title><link href="https://dniproreview.example/1"/><updated>2026-01-21T10:00:00Z</updated>
        <source><title>Dnipro Review</title></source><summary>Repair crews worked through the night in Kharkiv.</summary></entry></feed>`;
    expect(readFeed(xml).map(({ title, publisher }) => [title, publisher])).toEqual([['Grid repairs race the cold', 'Dnipro Review']]);
  });
});
