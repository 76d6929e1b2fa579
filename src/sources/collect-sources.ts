import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, relative, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { SourceSpec } from '../brief/brief.js';
import { BriefError, ExitCode, formatLocation } from '../errors.js';
import { civilDateIn, isCivilDate, isInPeriod, type Period } from '../period/period.js';
import { decodeUtf8 } from '../yaml/read-yaml.js';
import type { Article, ArticleFields, Warning } from './article.js';
import { readMarkdownArticle } from './read-markdown.js';
import { readTextArticle } from './read-text.js';

/** Files larger than this are skipped with a warning. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

const readers: Record<string, (text: string, file: string) => ArticleFields> = {
  '.md': readMarkdownArticle,
  '.markdown': readMarkdownArticle,
  '.txt': (text) => readTextArticle(text),
};

export interface CollectedSources {
  /** Articles inside the period, sorted by date then id. */
  articles: Article[];
  warnings: Warning[];
  /** Files read, articles outside the period, undated articles. */
  counts: { files: number; read: number; outsidePeriod: number; undated: number };
}

export interface CollectOptions {
  period: Period;
  timeZone: string;
  /** Folder that article paths in outputs are relative to (the brief's). */
  baseDir: string;
  includeUndated?: boolean;
}

/** Finds the files a source entry names: a file, a folder (read recursively) or a glob. */
async function findFiles(source: SourceSpec): Promise<string[]> {
  const pattern = source.resolved.split(sep).join('/');
  if (!isDynamicPattern(pattern)) {
    const info = await stat(source.resolved).catch(() => undefined);
    if (!info) throw missingSource(source, 'no such file or folder');
    if (info.isFile()) return [source.resolved];
    return (await glob(`${pattern}/**/*`, { absolute: true, onlyFiles: true, dot: false })).sort();
  }
  // A glob whose fixed part does not exist is a mistake, not an empty week.
  const fixed = pattern.split('/').filter((_, i, parts) => !isDynamicPattern(parts.slice(0, i + 1).join('/'))).join('/');
  if (fixed && !(await stat(fixed).catch(() => undefined))) throw missingSource(source, `no such folder ${relative(dirname(source.location.file), fixed) || fixed}`);
  return (await glob(pattern, { absolute: true, onlyFiles: true, dot: false })).sort();
}

function missingSource(source: SourceSpec, what: string): BriefError {
  return new BriefError('source-missing', `source "${source.path}": ${what}`, {
    exitCode: ExitCode.noInput,
    location: source.location,
    hint: 'source paths are relative to the brief file; fix the path or create the folder',
  });
}

/** A civil date from a date or date-time string, in the brief's time zone. */
export function toCivilDate(value: string, timeZone: string): string | undefined {
  if (isCivilDate(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : civilDateIn(new Date(time), timeZone);
}

function articleId(file: string, taken: Set<string>): string {
  const stem = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'article';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Reads every source of a brief and returns the period's articles. A file that cannot be
 * read or parsed is a warning naming it; a missing source folder is an error (exit 66).
 */
export async function collectSources(sources: readonly SourceSpec[], options: CollectOptions): Promise<CollectedSources> {
  const warnings: Warning[] = [];
  const articles: Article[] = [];
  const counts = { files: 0, read: 0, outsidePeriod: 0, undated: 0 };
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const source of sources) {
    for (const file of await findFiles(source)) {
      if (seen.has(file)) continue;
      seen.add(file);
      counts.files += 1;
      const shown = relative(options.baseDir, file).split(sep).join('/');
      const reader = readers[extname(file).toLowerCase()];
      if (!reader) {
        warnings.push({ code: 'unsupported-format', file: shown, message: `skipped: ${extname(file) || 'files without an extension'} is not a supported article format (.md, .txt)` });
        continue;
      }
      let fields: ArticleFields;
      try {
        const bytes = await readFile(file);
        if (bytes.length > MAX_ARTICLE_BYTES) {
          warnings.push({ code: 'article-too-large', file: shown, message: `skipped: ${(bytes.length / 1048576).toFixed(1)} MiB exceeds the ${MAX_ARTICLE_BYTES / 1048576} MiB limit` });
          continue;
        }
        fields = reader(decodeUtf8(bytes, shown, MAX_ARTICLE_BYTES), shown);
      } catch (error) {
        warnings.push(unreadable(error, shown));
        continue;
      }
      counts.read += 1;
      const rawDate = fields.published ?? source.published;
      const published = rawDate ? toCivilDate(rawDate, options.timeZone) : undefined;
      if (rawDate && !published) warnings.push({ code: 'bad-date', file: shown, message: `unrecognised date "${rawDate}"; treated as undated` });
      if (!published) {
        counts.undated += 1;
        if (!rawDate) warnings.push({ code: 'undated', file: shown, message: 'no publication date; left out of the period (give the source a published: date)' });
        if (!options.includeUndated) continue;
      } else if (!isInPeriod(published, options.period)) {
        counts.outsidePeriod += 1;
        continue;
      }
      articles.push({
        ...fields,
        id: articleId(file, ids),
        file: shown,
        publisher: fields.publisher ?? source.publisher ?? basename(dirname(file)),
        published: published ?? '',
      });
    }
  }
  articles.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
  return { articles, warnings, counts };
}

function unreadable(error: unknown, file: string): Warning {
  if (error instanceof BriefError) {
    const where = error.problems[0] ?? error.location;
    const position = where && where.line !== undefined ? { line: where.line, col: where.col ?? 1 } : {};
    return { code: 'article-unreadable', file, ...position, message: `skipped: ${error.problems[0]?.message ?? error.message}` };
  }
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return { code: 'article-unreadable', file, message: `skipped: cannot read (${code})` };
}

/** `warning[code]: file:line:col: message` */
export function formatWarning(warning: Warning): string {
  return `warning[${warning.code}]: ${formatLocation(warning)}: ${warning.message}`;
}
