/** An article normalised from any source format (the design's Article shape). */
export interface Article {
  /** Stable, readable id (from the file name), unique within one run. */
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Civil date YYYY-MM-DD, or '' when the source gave none. */
  published: string;
  author: string;
  /** Body paragraphs, boilerplate removed, whitespace normalised. */
  paragraphs: string[];
  /** Path relative to the brief's folder (never absolute, so outputs are portable), or a feed URL. */
  file: string;
  /** Set on a syndicated copy: the id of the original it reprints (cited together with it). */
  syndicatedFrom?: string;
}

/** What a reader extracts; collection fills defaults and the id. */
export type ArticleFields = Omit<Article, 'id' | 'file' | 'publisher' | 'published'> & { publisher?: string; published?: string };

/** A problem with one input that does not stop the run. */
export interface Warning {
  code: string;
  file: string;
  line?: number;
  col?: number;
  message: string;
}

/** Whitespace collapsed, typographic spaces normalised, NULs and lone surrogates removed. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/\u0000/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/**
 * A headline without the site's name that pages and aggregated feeds add to it ("Headline |
 * Site", "Headline - Site", "Site: Headline"). Only the name the page or feed itself gives as its
 * publisher is removed, so a headline that merely ends in a dash is left whole.
 */
export function withoutSiteName(title: string, site: string | undefined): string {
  const name = escapedName(site);
  if (!name) return title;
  const before = new RegExp(`^${name}(?:\\s*[|:]|\\s+[-–—·»])\\s+`, 'iu');
  return title.replace(before, '').replace(siteNameAfter(name), '').trim() || title;
}

/** Whether a headline ends with the site's name after a separator: "Headline - Site", "Headline | Site". */
export function endsWithSiteName(title: string, site: string): boolean {
  const name = escapedName(site);
  return name !== '' && siteNameAfter(name).test(title);
}

const escapedName = (site: string | undefined) => site?.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&') ?? '';
const siteNameAfter = (escaped: string) => new RegExp(`\\s+[|\\-–—·»]\\s+${escaped}$`, 'iu');

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes XML's predefined and numeric character references, once (no recursion, no DTD): feeds
 * give them, and so do news APIs' JSON ("Putin &amp; Xi", "It&#8217;s").
 */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return namedEntities[ref] ?? whole;
  });
}
