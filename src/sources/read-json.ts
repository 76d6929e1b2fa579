import { decodeXmlEntities, normalizeSpace, type ArticleFields } from './article.js';

/** Where each article field is found in a record; dotted paths reach into objects (`source.name`). */
export interface FieldMap {
  title?: string;
  text?: string;
  url?: string;
  published?: string;
  publisher?: string;
  author?: string;
}

/** Field names news APIs commonly use, tried in order when the brief maps none. */
const defaults: Required<Record<keyof FieldMap, string[]>> = {
  title: ['title', 'headline'],
  text: ['text', 'content', 'body', 'description', 'summary'],
  url: ['url', 'link'],
  published: ['published', 'publishedAt', 'published_at', 'datePublished', 'date', 'pubDate'],
  publisher: ['publisher', 'source', 'outlet', 'site'],
  author: ['author', 'byline', 'creator'],
};

/** Most records one dump may hold. */
export const MAX_RECORDS = 100_000;

function get(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export interface JsonResult {
  articles: ArticleFields[];
  /** `$[3].title must be a string` and the like, one per skipped record (capped). */
  problems: string[];
}

/** Records of a dump: an array, an object holding one (`articles`, `items`…), or JSON lines. */
function recordsOf(text: string, lines: boolean): unknown[] {
  if (lines) return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => JSON.parse(line));
  const data: unknown = JSON.parse(text);
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['articles', 'items', 'results', 'data', 'entries']) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
    return [data];
  }
  throw new Error('JSON is neither an object nor an array of articles');
}

/**
 * Reads a JSON array or JSON-lines dump of articles. Only strings (or `{name}` objects for
 * people and outlets) are accepted as field values; a record that breaks that is skipped and
 * named, never passed on.
 */
export function readJsonArticles(text: string, lines: boolean, fields: FieldMap = {}): JsonResult {
  const records = recordsOf(text, lines);
  if (records.length > MAX_RECORDS) throw new Error(`${records.length} records exceed the limit of ${MAX_RECORDS}`);
  const articles: ArticleFields[] = [];
  const problems: string[] = [];
  records.forEach((record, index) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      problems.push(`$[${index}] must be an object`);
      return;
    }
    const values: Partial<Record<keyof FieldMap, string>> = {};
    for (const key of Object.keys(defaults) as (keyof FieldMap)[]) {
      const paths = fields[key] ? [fields[key]!] : defaults[key];
      for (const path of paths) {
        let value = get(record as Record<string, unknown>, path);
        if (value === undefined || value === null) continue;
        if ((key === 'publisher' || key === 'author') && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') value = (value as { name: string }).name;
        if (typeof value !== 'string') {
          problems.push(`$[${index}].${path} must be a string`);
          return;
        }
        // News APIs escape their text as for HTML ("Putin &amp; Xi", "It&#8217;s").
        values[key] = decodeXmlEntities(value);
        break;
      }
    }
    if (!values.text && !values.title) {
      problems.push(`$[${index}] has no title or text`);
      return;
    }
    // NewsAPI keeps a story taken down as a record whose fields say "[Removed]": no article.
    if ([values.title, values.text].every((value) => value === undefined || value.trim() === '[Removed]')) {
      problems.push(`$[${index}] is a placeholder for a story removed at its source ("[Removed]")`);
      return;
    }
    articles.push({
      title: normalizeSpace(values.title ?? ''),
      url: (values.url ?? '').trim(),
      author: normalizeSpace(values.author ?? ''),
      ...(values.publisher && { publisher: normalizeSpace(values.publisher) }),
      ...(values.published && { published: values.published.trim() }),
      paragraphs: (values.text ?? '').split(/\r?\n\s*\r?\n|\r?\n/).map(normalizeSpace).filter(Boolean),
    });
  });
  return { articles, problems };
}
