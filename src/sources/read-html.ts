import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeSpace, withoutSiteName, type ArticleFields } from './article.js';

/** Nesting deeper than this is not a news page; it is refused before the DOM is built. */
export const MAX_HTML_DEPTH = 400;

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = element?.getAttribute('content');
    if (content && content.trim()) return normalizeSpace(content);
  }
  return undefined;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: unknown;
  url?: string;
}

const articleTypes = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BlogPosting']);

/** The first NewsArticle-like object in the page's JSON-LD (top level, arrays or @graph). */
function jsonLdArticle(document: Doc): JsonLdArticle | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const types = ([] as unknown[]).concat(record['@type'] ?? []);
        if (types.some((type) => typeof type === 'string' && articleTypes.has(type))) return record as JsonLdArticle;
        if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
      }
    }
  }
  return undefined;
}

/** A JSON-LD person or organisation (or a list of them) as display text. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return normalizeSpace(value) || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => Boolean(name));
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return nameOf((value as { name: string }).name);
  return undefined;
}

/** Rough nesting depth from the tag stream, so a 100k-deep page is refused cheaply. */
function exceedsDepth(html: string, limit: number): boolean {
  let depth = 0;
  const voids = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (voids.test(match[2]!) || match[3]) continue;
    depth += match[1] ? -1 : 1;
    if (depth > limit) return true;
  }
  return false;
}

/** Paragraph texts of an HTML fragment (Readability's output, a feed item's content). */
export function paragraphsOf(content: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const blocks = document.querySelectorAll('p, li, h2, h3, h4, blockquote');
  const texts: string[] = [];
  for (const block of blocks) {
    // A <p> inside a <li> or <blockquote> is read with its container.
    if (block.parentElement?.closest('li, blockquote')) continue;
    const text = normalizeSpace(block.textContent ?? '');
    if (text) texts.push(text);
  }
  if (texts.length === 0) {
    const text = normalizeSpace(document.body?.textContent ?? '');
    if (text) texts.push(text);
  }
  return texts;
}

/**
 * Reads a saved web page: main text by Mozilla Readability on linkedom (scripts never run,
 * nothing is fetched), metadata from JSON-LD NewsArticle, Open Graph and article meta tags,
 * then <title>; the site's own name is taken off the headline ("Headline | Site").
 */
export function readHtmlArticle(html: string, file: string): ArticleFields {
  if (exceedsDepth(html, MAX_HTML_DEPTH)) throw new Error(`HTML nested deeper than ${MAX_HTML_DEPTH} elements`);
  const { document } = parseHTML(html);
  const ld = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const title = nameOf(ld?.headline) ?? meta(document, 'og:title', 'twitter:title') ?? normalizeSpace(document.querySelector('title')?.textContent ?? '');
  const published = nameOf(ld?.datePublished) ?? meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued');
  const author = nameOf(ld?.author) ?? meta(document, 'author', 'article:author', 'byl');
  const publisher = nameOf(ld?.publisher) ?? meta(document, 'og:site_name', 'application-name');
  const url = nameOf(ld?.url) ?? meta(document, 'og:url') ?? canonical ?? '';
  // Readability mutates the document, so metadata is read first.
  const readable = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const paragraphs = readable?.content ? paragraphsOf(readable.content) : [];
  if (paragraphs.length === 0) throw new Error(`no article text found in ${file}`);
  return {
    title: withoutSiteName(title || normalizeSpace(readable?.title ?? ''), publisher),
    url,
    author: author ?? '',
    ...(publisher !== undefined && { publisher }),
    ...(published !== undefined && { published }),
    paragraphs,
  };
}
