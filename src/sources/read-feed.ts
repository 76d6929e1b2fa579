import { XMLParser } from 'fast-xml-parser';
import { decodeXmlEntities, endsWithSiteName, normalizeSpace, withoutSiteName, type ArticleFields } from './article.js';
import { paragraphsOf } from './read-html.js';

/** Thrown for feeds we refuse to read (DTDs, entity declarations). */
export class FeedRefused extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entities are never expanded by the parser (billion laughs, XXE); the five XML entities and
  // numeric references are decoded below by one bounded pass.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
});


/** Text of an element that may be a string, a CDATA/#text object, or absent. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return decodeXmlEntities(String(value));
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Record<string, unknown>)['#text'] ?? (value as Record<string, unknown>).name);
  return '';
}

function atomLink(links: unknown): string {
  if (!Array.isArray(links)) return textOf(links);
  const alternate = links.find((link) => typeof link === 'object' && link && ((link as Record<string, string>)['@_rel'] ?? 'alternate') === 'alternate');
  const chosen = (alternate ?? links[0]) as Record<string, string> | string | undefined;
  return typeof chosen === 'string' ? textOf(chosen) : decodeXmlEntities(chosen?.['@_href'] ?? textOf(chosen));
}

function itemFields(fields: { title: string; url: string; author: string; published: string; publisher: string; body: string }): ArticleFields {
  const paragraphs = fields.body ? paragraphsOf(fields.body) : [];
  const publisher = normalizeSpace(fields.publisher);
  return {
    title: withoutSiteName(normalizeSpace(fields.title), publisher),
    url: fields.url.trim(),
    author: normalizeSpace(fields.author),
    ...(publisher && { publisher }),
    ...(fields.published && { published: fields.published.trim() }),
    paragraphs: paragraphs.length > 0 ? paragraphs : [],
  };
}

/**
 * The site's own name in a feed's title that adds a section to it ("Eastern Desk — World", "World
 * news | The Guardian"): the part its items' headlines end with ("Yuan deal signed - Eastern
 * Desk"). The whole title when no headline ends so, or the title has no separator.
 */
function siteOf(feedTitle: string, headlines: readonly string[]): string {
  const title = normalizeSpace(feedTitle);
  const parts = title.split(/\s+[|\-–—·»]\s+|:\s+/).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  return parts.find((part) => headlines.some((headline) => endsWithSiteName(normalizeSpace(headline), part))) ?? title;
}

/**
 * Reads an RSS 2.0 or Atom feed into one article per item, with item dates. Feeds that declare
 * a DOCTYPE or entities are refused outright.
 */
export function readFeed(xml: string): ArticleFields[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new FeedRefused('DTD/ENTITY not allowed in feeds (the feed declares a DOCTYPE)');
  const data = parser.parse(xml) as Record<string, any>;
  if (data.rss?.channel || data['rdf:RDF']) {
    const channel = data.rss?.channel ?? data['rdf:RDF'].channel ?? {};
    const items: any[] = data.rss?.channel?.item ?? data['rdf:RDF']?.item ?? [];
    const site = siteOf(textOf(channel.title), items.map((item) => textOf(item.title)));
    return items.map((item) =>
      itemFields({
        title: textOf(item.title),
        url: textOf(item.link) || textOf(item.guid),
        author: textOf(item['dc:creator'] ?? item.author),
        published: textOf(item.pubDate ?? item['dc:date']),
        // An aggregator's item names the outlet it came from (RSS 2.0 <source>): that is the publisher.
        publisher: textOf(item.source) || site,
        body: textOf(item['content:encoded']) || textOf(item.description),
      }),
    );
  }
  if (data.feed) {
    const feed = data.feed;
    const entries: any[] = feed.entry ?? [];
    const site = siteOf(textOf(feed.title), entries.map((entry) => textOf(entry.title)));
    return entries.map((entry) =>
      itemFields({
        title: textOf(entry.title),
        url: atomLink(entry.link),
        author: textOf(entry.author),
        published: textOf(entry.published ?? entry.updated),
        // As in RSS: an aggregated entry's <source> names its own feed.
        publisher: textOf((entry.source as Record<string, unknown> | undefined)?.title) || site,
        body: textOf(entry.content) || textOf(entry.summary),
      }),
    );
  }
  throw new Error('not an RSS or Atom feed');
}
