import type { ArticleFields } from './article.js';
import { detectFormat, type Format } from './detect-format.js';
import { readJsonArticles, type FieldMap } from './read-json.js';
import { readMarkdownArticle } from './read-markdown.js';
import { readTextArticle } from './read-text.js';
import { took } from '../code-paths.js';

export interface ReadResult {
  format: Format;
  articles: ArticleFields[];
  /** Problems with parts of the file (skipped records); the rest was read. */
  problems: string[];
}

/**
 * Reads one file's text into articles, choosing the reader by content and extension. The HTML and
 * feed readers (linkedom, Readability, fast-xml-parser) load only when such a file is read.
 * Throws when the file as a whole cannot be read; the caller turns that into a warning.
 */
export async function readArticles(text: string, file: string, fields?: FieldMap): Promise<ReadResult> {
  const format = detectFormat(text, file);
  took(`read-${format}`);
  switch (format) {
    case 'markdown':
      return { format, articles: [readMarkdownArticle(text, file)], problems: [] };
    case 'text':
      return { format, articles: [readTextArticle(text)], problems: [] };
    case 'html':
      return { format, articles: [(await import('./read-html.js')).readHtmlArticle(text, file)], problems: [] };
    case 'feed':
      return { format, articles: (await import('./read-feed.js')).readFeed(text), problems: [] };
    case 'json':
    case 'jsonl': {
      const { articles, problems } = readJsonArticles(text, format === 'jsonl', fields);
      return { format, articles, problems };
    }
    case undefined:
      throw new Error('not a supported article format (.md, .txt, .html, RSS/Atom .xml, .json, .jsonl)');
  }
}
