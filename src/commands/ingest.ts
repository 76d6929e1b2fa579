import { resolve } from 'node:path';
import type { SourceSpec } from '../brief/brief.js';
import { ExitCode } from '../errors.js';
import type { CommandIO } from '../run.js';
import { describeFetchError, fetchFeed } from '../sources/fetch-feed.js';
import { formatWarning } from '../sources/collect-sources.js';
import { findFiles } from '../sources/find-files.js';
import { displayPath } from '../paths.js';
import { describeProgress, ingestItems, type IngestItem } from '../store/ingest.js';
import { openStore } from '../store/open-store.js';
import { pruneMissing } from '../store/prune-missing.js';

/** `brief ingest`: brings files, folders, globs and feed URLs into the corpus store. */
export async function ingestCommand(options: { inputs: string[]; store: string; json: boolean; quiet?: boolean }, io: CommandIO): Promise<number> {
  const cwd = process.cwd();
  const store = openStore(options.store);
  try {
    const items: IngestItem[] = [];
    const warnings = [];
    for (const input of options.inputs) {
      const location = { file: '<command line>', message: '' };
      if (/^https?:\/\//i.test(input)) {
        try {
          items.push({ key: input, shown: input, body: await fetchFeed(input) });
        } catch (error) {
          warnings.push({ code: 'feed-unreachable', file: input, message: `feed not read (${describeFetchError(error)})` });
        }
        continue;
      }
      const source: SourceSpec & { resolved: string } = { path: input, resolved: resolve(cwd, input), location };
      const { files, base } = await findFiles(source);
      pruneMissing(store, base, files);
      for (const file of files) items.push({ key: file, shown: displayPath(file, cwd) });
    }
    const quiet = options.quiet || options.json;
    const result = await ingestItems(store, items, { now: io.now(), ...(!quiet && { onProgress: (progress) => io.stderr(`ingest: ${describeProgress(progress)}`) }) });
    const total = (store.prepare('SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NULL').get() as { n: number }).n;
    const all = [...warnings, ...result.warnings];
    for (const warning of all) io.stderr(formatWarning(warning));
    const summary = { files: items.length, parsed: result.parsed, unchanged: result.unchanged, failed: result.failed, articles: total, store: options.store };
    if (options.json) io.stdout(JSON.stringify({ ...summary, warnings: all }, null, 2));
    else io.stdout(`ingested ${summary.files} files: ${summary.parsed} parsed, ${summary.unchanged} unchanged, ${summary.failed} unreadable; the store holds ${total} articles (${options.store})`);
    return ExitCode.ok;
  } finally {
    store.close();
  }
}
