import { BriefError } from '../errors.js';
import { parseFrontMatter } from '../yaml/read-yaml.js';
import { normalizeSpace, type ArticleFields } from './article.js';

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** A wiki link as note apps write names: "[[Olena Marchenko]]", "[[people/Olena|Olena]]". */
const wikiLink = /^\[\[(?:[^\]|]*\|)?([^\]|]+)\]\]$/;

/**
 * A front matter field as text. A value of another shape is an error for a field's own name, and
 * passed over for the other names it goes by (a site generator's `authors:` may list objects).
 */
function field(data: Record<string, unknown>, key: string, file: string, locate: (path: string[]) => { line?: number; col?: number }, strict = true): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return normalizeSpace(value).replace(wikiLink, '$1');
  if (typeof value === 'number') return String(value);
  // A list of names ("author: ["[[A]]", "[[B]]"]", as web clippers write them) is one text.
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.map((item) => normalizeSpace(String(item)).replace(wikiLink, '$1')).filter(Boolean).join(', ') || undefined;
  }
  if (!strict) return undefined;
  throw new BriefError('article', `front matter "${key}" must be text`, { location: { file, ...locate([key]) } });
}

/**
 * The names each field goes by in the front matter that site generators and web clippers write
 * (Jekyll's and Hugo's date, Obsidian Web Clipper's source URL and author list), the first given.
 */
const fieldNames = {
  title: ['title', 'headline'],
  published: ['published', 'date', 'pubDate', 'published_at', 'datePublished'],
  publisher: ['publisher', 'site', 'site_name', 'outlet'],
  url: ['url', 'link', 'canonical_url'],
  author: ['author', 'authors', 'byline'],
} as const;

const isUrl = /^https?:\/\/\S+$/i;

/** Strips inline Markdown so analysis sees the words (links keep their text, emphasis its content). */
function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** Reads Markdown with optional YAML front matter (title, publisher, url, published, author, by any of their usual names). */
export function readMarkdownArticle(text: string, file: string): ArticleFields {
  const match = frontMatterPattern.exec(text);
  const source = parseFrontMatter(match?.[1] ?? '', file, 1);
  if (source.value !== null && (typeof source.value !== 'object' || Array.isArray(source.value))) {
    throw new BriefError('article', 'front matter must be a mapping of fields', { location: { file, line: 2, col: 1 } });
  }
  const data = (source.value ?? {}) as Record<string, unknown>;
  const locate = (path: string[]) => {
    const where = source.locate(path);
    return { line: where.line ?? 1, col: where.col ?? 1 };
  };
  const get = (name: keyof typeof fieldNames) => {
    for (const [index, key] of fieldNames[name].entries()) {
      const value = field(data, key, file, locate, index === 0);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  // "source:" is the page's address to a web clipper, the outlet's name to others.
  const sourceField = field(data, 'source', file, locate, false);
  const blocks = splitBlocks(match ? text.slice(match[0].length) : text);
  const heading = blocks[0]?.startsWith('#') ? blocks.shift() : undefined;
  const publisher = get('publisher') ?? (sourceField !== undefined && !isUrl.test(sourceField) ? sourceField : undefined);
  const published = get('published');
  return {
    title: get('title') ?? (heading ? normalizeSpace(heading.replace(/^#+\s*/, '')) : ''),
    url: get('url') ?? (sourceField !== undefined && isUrl.test(sourceField) ? sourceField : ''),
    author: get('author') ?? '',
    ...(publisher !== undefined && { publisher }),
    ...(published !== undefined && { published }),
    paragraphs: blocks.map(toParagraph).filter((p) => p.length > 0),
  };
}

/** Blocks separated by blank lines; list items become blocks of their own. */
function splitBlocks(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .flatMap((block) => (/^\s*[-*+]\s/m.test(block) ? block.split(/\r?\n(?=\s*[-*+]\s)/) : [block]))
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}

function toParagraph(block: string): string {
  return normalizeSpace(plainInline(block.replace(/^#+\s*/, '').replace(/^\s*[-*+]\s+/, '').replace(/^>\s?/gm, '')));
}
