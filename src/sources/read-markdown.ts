import { BriefError } from '../errors.js';
import { parseFrontMatter } from '../yaml/read-yaml.js';
import { normalizeSpace, type ArticleFields } from './article.js';

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function field(data: Record<string, unknown>, key: string, file: string, locate: (path: string[]) => { line?: number; col?: number }): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return normalizeSpace(value);
  if (typeof value === 'number') return String(value);
  throw new BriefError('article', `front matter "${key}" must be text`, { location: { file, ...locate([key]) } });
}

/** Strips inline Markdown so analysis sees the words (links keep their text, emphasis its content). */
function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** Reads Markdown with optional YAML front matter (title, publisher, url, published, author). */
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
  const get = (key: string) => field(data, key, file, locate);
  const blocks = splitBlocks(match ? text.slice(match[0].length) : text);
  const heading = blocks[0]?.startsWith('#') ? blocks.shift() : undefined;
  const publisher = get('publisher');
  const published = get('published');
  return {
    title: get('title') ?? (heading ? normalizeSpace(heading.replace(/^#+\s*/, '')) : ''),
    url: get('url') ?? '',
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
