import { BriefError, ExitCode } from '../errors.js';
import { resolvePeriod } from '../period/period.js';
import type { CommandIO } from '../run.js';
import { displayPath } from '../paths.js';
import { listArticles, type StoredArticle } from '../store/list-articles.js';
import { openStore } from '../store/open-store.js';
import { toCivilDate } from '../sources/to-civil-date.js';
import { periodFromFlags, type PeriodFlags } from './period-option.js';

function line(article: StoredArticle): string {
  // As a day (the store's UTC day: no brief gives a time zone here), not the first ten characters
  // of a feed's "Thu, 22 Jan 2026 18:00:00 +0100".
  const date = article.published ? (toCivilDate(article.published, 'UTC') ?? article.published.slice(0, 10)) : '(undated) ';
  const notes = [
    article.dateSource === 'dateline' ? 'date from dateline' : '',
    article.duplicates > 0 ? `${article.duplicates} duplicate${article.duplicates > 1 ? 's' : ''} folded` : '',
    article.syndicatedFrom ? `syndicated copy of "${article.syndicatedFrom}"` : '',
  ].filter(Boolean);
  return `${date}  ${(article.publisher || '?').padEnd(22).slice(0, 22)}  ${article.title}  [${displayPath(article.file, process.cwd())}${article.item > 0 ? `#${article.item + 1}` : ''}]${notes.length ? `  (${notes.join('; ')})` : ''}`;
}

/** `brief sources`: what the corpus store holds, with dates, publishers and problems. */
export async function sourcesCommand(options: PeriodFlags & { store: string; undated: boolean; search?: string; json: boolean }, io: CommandIO): Promise<number> {
  const spec = periodFromFlags(options);
  const store = openStore(options.store);
  try {
    let listed: ReturnType<typeof listArticles>;
    try {
      listed = listArticles(store, {
        ...(spec && { period: resolvePeriod(spec, io.now()) }),
        undatedOnly: options.undated,
        ...(options.search && { search: options.search }),
      });
    } catch (error) {
      if (options.search && /fts5/i.test((error as Error).message)) {
        throw new BriefError('usage', `--search "${options.search}": ${(error as Error).message}`, { exitCode: ExitCode.usage, hint: 'quote phrases: --search \'"security guarantees"\'' });
      }
      throw error;
    }
    const { articles, problems } = listed;
    if (options.json) {
      io.stdout(JSON.stringify({ articles, problems }, null, 2));
      return ExitCode.ok;
    }
    for (const article of articles) io.stdout(line(article));
    for (const problem of problems) io.stdout(`problem     ${displayPath(problem.file, process.cwd())}: ${problem.warning}`);
    const undated = articles.filter((article) => !article.published).length;
    io.stderr(`${articles.length} articles${undated ? `, ${undated} undated (left out of dated periods unless --include-undated)` : ''}; ${problems.length} files with problems`);
    return ExitCode.ok;
  } finally {
    store.close();
  }
}
