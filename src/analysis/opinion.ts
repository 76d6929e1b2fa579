import type { Article } from '../sources/article.js';

/**
 * A headline that a site labels as comment: "Opinion: Europe must stop waiting", "Comment | …",
 * "OP-ED — …", "Europe must stop waiting | Opinion", and a paper's editorial voice, "The Guardian
 * view on Ukraine: …". "Analysis:" is not among them: news analysis reports.
 */
const labelledHeadline = /^(?:opinion|comment|commentary|editorial|op-?ed|column|viewpoint|letters?(?: to the editor)?)\s*[:|—–-]\s|\s[|—–-]\s*(?:opinion|comment|editorial|op-?ed)\s*$|^the [\p{L} ]{2,40} view on [^:]{2,80}:/iu;

/** A path segment for the comment pages of a site: ".../opinion/2026/01/22/...", ".../commentisfree/...", a think tank's ".../commentary/...". */
const commentSections = new Set(['opinion', 'opinions', 'comment', 'commentary', 'commentisfree', 'editorial', 'editorials', 'op-ed', 'op-eds', 'oped', 'columnists', 'columns', 'letters', 'breakingviews', 'viewpoint', 'viewpoints']);

/** The path segments of an article's address, or none when it has no address one can read. */
function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname.toLowerCase().split('/');
  } catch {
    return [];
  }
}

/**
 * Whether an article is an opinion piece: a column, an editorial, an op-ed or a letter, by its
 * headline's label or its address's section ("/opinion/", not a slug such as
 * "/public-opinion-shifts"). Its sentences argue; a brief that listed them as developments would
 * report a writer's view as news.
 */
export function isOpinion(article: Pick<Article, 'title' | 'url'>): boolean {
  return labelledHeadline.test(article.title) || pathSegments(article.url).some((segment) => commentSections.has(segment));
}
