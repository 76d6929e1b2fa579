import { watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import { loadBrief } from '../brief/load-brief.js';
import { BriefError, ExitCode, formatBriefError } from '../errors.js';
import { generateBrief } from '../pipeline.js';
import type { CommandIO } from '../run.js';
import { formatWarning } from '../sources/collect-sources.js';
import { resolveTemplateDir } from '../templates/load-template.js';

export interface PreviewOptions {
  brief: string;
  out: string;
  store: string;
  watch: boolean;
}

/** Renders once, reporting the time it took and the files; errors are printed, not thrown. */
async function renderOnce(options: PreviewOptions, io: CommandIO): Promise<number> {
  const started = performance.now();
  try {
    const result = await generateBrief({ briefFile: options.brief, now: io.now(), outDir: options.out, store: options.store, force: true });
    for (const warning of result.warnings) io.stderr(formatWarning(warning));
    const ms = (performance.now() - started).toFixed(0);
    io.stdout(`rendered in ${ms} ms: ${result.files.map((file) => relative(process.cwd(), file.path) || file.path).join(', ')}`);
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof BriefError)) throw error;
    io.stderr(formatBriefError(error));
    return error.exitCode;
  }
}

/**
 * `brief preview`: renders the brief into a preview folder (replacing the previous preview), and
 * with --watch renders again whenever the brief, its template, partials or theme change.
 */
export async function previewCommand(options: PreviewOptions, io: CommandIO): Promise<number> {
  if (!options.watch) return renderOnce(options, io);
  // Watch first, so an edit saved while the first render runs is not missed.
  const brief = await loadBrief(options.brief).catch(() => undefined);
  const templateDir = resolveTemplateDir(brief?.template ?? 'weekly', brief?.dir ?? '.');
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve(0);
  const schedule = () => {
    clearTimeout(timer);
    // Editors save in several steps; wait for them to settle.
    timer = setTimeout(() => {
      running = running.then(() => renderOnce(options, io));
    }, 60);
  };
  for (const path of [options.brief, templateDir, join(templateDir, 'partials')]) {
    try {
      watchers.push(watch(path, schedule));
    } catch {
      // A template without partials/ has nothing to watch there.
    }
  }
  io.stderr(`watching ${[options.brief, templateDir].join(' and ')}; Ctrl-C to stop`);
  running = renderOnce(options, io);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  for (const watcher of watchers) watcher.close();
  clearTimeout(timer);
  await running;
  return ExitCode.ok;
}
