import { displayPath } from '../paths.js';
import { ExitCode } from '../errors.js';
import { generateBrief, type ProgressEvent } from '../pipeline.js';
import type { CommandIO } from '../run.js';
import { formatWarning } from '../sources/collect-sources.js';
import { describeProgress } from '../store/ingest.js';
import { formatExplanation } from '../analysis/format-explanation.js';
import { periodFromFlags, type PeriodFlags } from './period-option.js';

export interface GenerateCommandOptions extends PeriodFlags {
  brief: string;
  /** Corpus store file; `:memory:` for none. */
  store?: string;
  out: string;
  force: boolean;
  includeUndated: boolean;
  /** false (--no-refresh): read the store as last ingested. */
  refresh?: boolean;
  quiet: boolean;
  /** Print why each development was picked, the best passages left out, and what was read as no report. */
  explain?: boolean;
  /** Then email it (brief send). */
  send?: boolean;
  /** Also list the period's articles and each topic's candidate count. */
  verbose?: boolean;
}

function describe(event: ProgressEvent): string | undefined {
  switch (event.stage) {
    case 'brief':
      return `brief ${event.brief.id}: period ${event.period.label} (${event.period.from} to ${event.period.to}), ${event.brief.topics.length} topics`;
    case 'ingest':
      return `sources: ${describeProgress(event)}`;
    case 'sources':
      return `sources: ${event.refreshed ? `${event.files} files (${event.parsed} parsed, ${event.unchanged} unchanged)` : 'the store as last ingested (not refreshed)'}, ${event.articles} articles in the period (${event.outsidePeriod} outside, ${event.undated} undated)`;
    case 'analysis':
      return `analysis: ${event.developments} developments across ${event.topics} topics${event.reused ? ' (kept from an earlier run of the same articles, topics and code)' : ''}`;
    case 'render':
      return `rendering ${event.format}`;
    case 'warning':
      return undefined;
  }
}

/** `brief generate`: runs the pipeline and reports what was written. */
export async function generateCommand(options: GenerateCommandOptions, io: CommandIO): Promise<number> {
  const period = periodFromFlags(options);
  const result = await generateBrief({
    briefFile: options.brief,
    ...(period && { period }),
    now: io.now(),
    outDir: options.out,
    force: options.force,
    includeUndated: options.includeUndated,
    ...(options.refresh === false && { refresh: false }),
    ...(options.store !== undefined && { store: options.store }),
    ...(options.explain && { explain: true }),
    onProgress: (event) => {
      if (event.stage === 'warning') io.stderr(formatWarning(event.warning));
      else if (event.stage === 'analysis' && options.explain) io.stdout(formatExplanation(event.analysis));
      if (event.stage === 'analysis' && options.verbose) {
        for (const topic of event.analysis.topics) io.stderr(`  ${topic.topic.id}: ${topic.candidates} passages from ${topic.articleIds.length} articles, ${topic.developments.length} developments`);
      }
      if (event.stage === 'sources' && options.verbose) for (const article of event.list) io.stderr(`  ${article.published || '(undated)'}  ${article.publisher}  ${article.title}  [${article.file}]`);
      else if (!options.quiet) {
        const line = describe(event);
        if (line) io.stderr(line);
      }
    },
  });
  if (result.view.summary.articles === 0) io.stderr(`warning[empty-period]: no articles in ${result.period.label}; the brief says so`);
  for (const file of result.files) io.stdout(`${file.status === 'written' ? 'wrote' : 'unchanged'} ${displayPath(file.path, process.cwd())}`);
  if (options.send) {
    const { sendCommand } = await import('./send.js');
    return sendCommand({ ...options, out: options.out, store: options.store ?? '.brief/corpus.db', force: false, dryRun: false, resend: false }, io);
  }
  return ExitCode.ok;
}
