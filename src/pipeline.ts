import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyzeTopics, type Analysis } from './analysis/analyze-topics.js';
import { ArticleReadings } from './analysis/read-articles.js';
import type { Brief, SourceSpec } from './brief/brief.js';
import { loadBrief, topicDirsFor } from './brief/load-brief.js';
import { composeBriefing } from './briefing/compose-briefing.js';
import type { ViewModel } from './briefing/view-model.js';
import { parseBriefMarkdown } from './markdown/parse-brief-markdown.js';
import { parseMarkdown } from './markdown/parse-markdown.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import { renderHtml } from './markdown/render-html.js';
import { activityChart, chartToSvg, outletsChart } from './charts/chart-layout.js';
import { previousPeriod, resolvePeriod, type Period, type PeriodSpec } from './period/period.js';
import { readPreviousBrief } from './output/read-previous-brief.js';
import type { Article, Warning } from './sources/article.js';
import { scanInBackground, worthScanningInBackground, type BackgroundScanRun, type SourceScan } from './sources/scan-sources.js';
import { collectSources, readStored, readStoredAfter, type CollectedSources, type CollectOptions, type StoredRead } from './sources/collect-sources.js';
import { DEFAULT_STORE, openStore, recordStats, type Store } from './store/open-store.js';
import { storedDateWindow } from './store/query-articles.js';
import { loadTemplate, type Template } from './templates/load-template.js';
import { loadEntityCatalog, loadTopicLibrary } from './topics/load-topics.js';
import type { EntityCatalog } from './topics/topic.js';
import { outputFolder, writeOutputs, type OutputFile, type WriteFs, type WrittenFile } from './output/write-outputs.js';
import { acquireLock } from './output/lock.js';
import { checkpoint } from './output/checkpoint.js';
import { buildManifest, updateLatest } from './output/write-manifest.js';
import { sha256 } from './bytes.js';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { builtinEntitiesFile, displayPath, packageVersion } from './paths.js';
import { releaseGarbage } from './release-garbage.js';
import { memoizeAnalysis } from './memoize-analysis.js';
import { took } from './code-paths.js';

/** Width of the SVG charts, in CSS pixels (the PDF draws them at the text column's width). */
const CHART_WIDTH = 480;

export interface GenerateOptions {
  briefFile: string;
  /** Overrides the brief's period. */
  period?: PeriodSpec;
  /** The clock, passed in: it decides only which period `week`/`month`/`day` mean. */
  now: Date;
  outDir: string;
  force?: boolean;
  includeUndated?: boolean;
  /** Corpus store file (default .brief/corpus.db); `:memory:` reads the sources without keeping them. */
  store?: string;
  /** false: read the store as last ingested, without checking the source files or fetching feeds. */
  refresh?: boolean;
  /** false: analyse and compose only (no PDF, nothing written), as `brief eval` and `brief explain` do. */
  write?: boolean;
  /** Keep the output folder's lock when done (the caller sends, then releases it). */
  keepLock?: boolean;
  /** Work out what each topic left out and why (the analysis's `rejected`, for --explain). */
  explain?: boolean;
  /** Injected for tests: the file operations outputs are written with (to fail with ENOSPC). */
  fs?: WriteFs;
  /** Injected for tests: how feeds are fetched. */
  fetchFeed?: (url: string) => Promise<Uint8Array>;
  /** Progress and warnings, as they happen. */
  onProgress?: (event: ProgressEvent) => void;
  /** Injected for tests: stored files from which a refresh is scanned in the background (see analyzeAhead). */
  backgroundScanFrom?: number;
}

export type ProgressEvent =
  | { stage: 'brief'; brief: Brief; period: Period }
  | { stage: 'ingest'; done: number; total: number; parsed: number }
  | { stage: 'sources'; articles: number; files: number; parsed: number; unchanged: number; failed: number; outsidePeriod: number; undated: number; refreshed: boolean; list: readonly Article[] }
  | { stage: 'warning'; warning: Warning }
  /** `reused`: the analysis an earlier run made of the same inputs (src/memoize-analysis.ts). */
  | { stage: 'analysis'; topics: number; developments: number; analysis: Analysis; reused: boolean }
  | { stage: 'render'; format: string };

export interface GenerateResult {
  brief: Brief;
  period: Period;
  view: ViewModel;
  analysis: Analysis;
  /** The entity catalog the analysis named people and places with. */
  catalog: EntityCatalog;
  template: Template;
  /** The folder the outputs were (or would be) written to. */
  folder: string;
  /** The period's articles, as analysed. */
  articles: Article[];
  markdown: string;
  files: WrittenFile[];
  warnings: Warning[];
  /**
   * How a scan of the sources in a worker thread served this run (analyzeAhead): 'current', the
   * store was read and analysed meanwhile; 'changed', the refresh used the scan, and the analysis
   * followed it; 'changed-kept', the refresh used the scan, and an analysis made meanwhile stood
   * (its articles were the ones the refresh gave); absent, none ran.
   */
  backgroundScan?: 'current' | 'changed' | 'changed-kept';
  /** The outputs written were rendered while that scan went on, from the analysis that stood. */
  renderedAhead?: true;
  /** With keepLock: releases the output folder's lock. */
  release?: () => Promise<void>;
}

/** The entity catalog beside the brief when there is one, else the shipped one. */
async function entitiesFileFor(brief: Brief): Promise<string> {
  const local = join(brief.dir, 'entities.yaml');
  return (await stat(local).catch(() => undefined))?.isFile() ? local : builtinEntitiesFile;
}

/**
 * The most files found changed that an analysis during a background scan reads ahead of the
 * refresh (analyzeChanged). Each is parsed twice, there and by the refresh: a week's new articles
 * are worth it, a new source of thousands of files is not.
 */
export const ANALYZE_CHANGED_UP_TO = 200;

/** A refresh that looked at this many files leaves enough garbage to collect before analysis. */
const RELEASE_AFTER_FILES = 10_000;

/**
 * The pipeline, top to bottom: load brief → collect sources → analyze topics → compose
 * briefing → render Markdown → render PDF → write outputs. Only the first two and the last
 * stage touch the file system; the middle is pure.
 */
export async function generateBrief(options: GenerateOptions): Promise<GenerateResult> {
  const progress = options.onProgress ?? (() => {});
  const library = await loadTopicLibrary(topicDirsFor(options.briefFile));
  const brief = await loadBrief(options.briefFile, library);
  const period = resolvePeriod(options.period ?? brief.period, options.now, brief.timezone);
  const storePath = options.store ?? DEFAULT_STORE;
  const refresh = options.refresh ?? true;
  // A large store's sources are scanned in a worker thread (analyzeAhead) from here on, while the
  // template and the catalog load. A store that does not exist yet is created only after them.
  const early = refresh && storePath !== ':memory:' && existsSync(storePath) ? openStore(storePath) : undefined;
  let scan: BackgroundScanRun | undefined;
  let template: Template;
  let catalog: EntityCatalog;
  try {
    if (early && worthScanningInBackground(early, brief.sources, options.backgroundScanFrom)) scan = scanInBackground(storePath, brief.sources, storedDateWindow(period));
    // The template is loaded and linted before any source is read: a template mistake costs nothing.
    template = await loadTemplate(brief.template, brief.dir);
    // Read once, for every analysis this run makes (one made ahead may be voided and made again).
    catalog = await loadEntityCatalog(await entitiesFileFor(brief));
  } catch (error) {
    scan?.stop();
    early?.close();
    throw error;
  }
  progress({ stage: 'brief', brief, period });

  const competitors = [...library.values()].map((entry) => entry.topic);
  // What this run's analyses read of each article: one made again after the scan reads only what changed.
  const readings = new ArticleReadings();
  /** Analysis, composition and Markdown: a pure function of the period's articles. */
  const analyze = async (articles: Article[], report: (event: ProgressEvent) => void, signal?: { readonly aborted: boolean }): Promise<Analyzed> => {
    const previous = await readPreviousBrief(options.outDir, brief.id, previousPeriod(period));
    const analyzeOptions = { period, limits: brief.limits, competitors, previous: previous?.developments ?? [], ...(options.explain && { explain: true }) };
    // Kept between runs: regenerating after an edit to judgments or templates analyses nothing.
    const { analysis, reused } = memoizeAnalysis({ articles, topics: brief.topics, catalog, options: analyzeOptions }, () => {
      took('analysis');
      return analyzeTopics(articles, brief.topics, catalog, { ...analyzeOptions, readings, ...(signal && { signal }) });
    });
    report({ stage: 'analysis', topics: analysis.topics.length, developments: analysis.topics.reduce((n, a) => n + a.developments.length, 0), analysis, reused });
    const view = composeBriefing(brief, period, articles, analysis, previous?.label ?? '');
    return { analysis, view, markdown: renderMarkdown(view, template) };
  };

  /**
   * The outputs of an analysis made during the scan, rendered in memory before its answer: on a
   * store found current, written as they are. Not for a run that writes nothing (eval, explain).
   */
  const renderAhead: RenderAhead | undefined =
    options.write === false
      ? undefined
      : async ({ view, markdown }, signal) => {
          const events: ProgressEvent[] = [];
          const warnings: Warning[] = [];
          const files = await renderOutputs({ brief, period, view, template, markdown, warnings }, (event) => events.push(event), signal);
          return { files, events, warnings };
        };

  const store = early ?? openStore(storePath);
  const collectOptions: CollectOptions = {
    period,
    timeZone: brief.timezone,
    baseDir: brief.dir,
    includeUndated: options.includeUndated ?? false,
    refresh,
    now: options.now,
    // A throwaway store (--no-store) is read by this run alone, which never searches it.
    ...(store.memory && { fullText: false }),
    ...(options.fetchFeed && { fetchFeed: options.fetchFeed }),
    onProgress: (ingest) => progress({ stage: 'ingest', ...ingest }),
  };
  let ahead: Ahead | undefined;
  let scanned: SourceScan | undefined;
  let candidates: Speculation[] = [];
  let sources: CollectedSources;
  try {
    if (scan) ({ ahead, scanned, candidates = [] } = await analyzeAhead(store, scan, brief.sources, collectOptions, analyze, renderAhead));
    sources = ahead?.collected ?? (await collectSources(store, brief.sources, { ...collectOptions, ...(scanned && { scanned }) }));
  } finally {
    store.close();
  }
  const kept = standingAnalysis(candidates, sources.articles);
  if (!ahead && sources.counts.refreshed && sources.counts.files >= RELEASE_AFTER_FILES) releaseGarbage();
  for (const warning of sources.warnings) progress({ stage: 'warning', warning });
  progress({ stage: 'sources', articles: sources.articles.length, ...sources.counts, list: sources.articles });
  (ahead ?? kept)?.events.forEach(progress);
  const { analysis, view, markdown } = (ahead ?? kept)?.analyzed ?? (await analyze(sources.articles, progress));

  const folder = outputFolder(options.outDir, brief.id, period.label);
  const backgroundScan = ahead ? ('current' as const) : kept ? ('changed-kept' as const) : scanned ? ('changed' as const) : undefined;
  const rendered = (ahead ?? kept)?.rendered;
  const result = { brief, period, view, analysis, catalog, template, folder, articles: sources.articles, markdown, warnings: [...sources.warnings], ...(backgroundScan && { backgroundScan }), ...(rendered && { renderedAhead: true as const }) };
  if (options.write === false) return { ...result, files: [] };
  const lock = await acquireLock(folder, options.outDir);
  try {
    // Rendered ahead: its events and warnings are told now, where the rendering's would be.
    rendered?.events.forEach(progress);
    result.warnings.push(...(rendered?.warnings ?? []));
    const files = rendered?.files ?? (await renderOutputs(result, progress));
    const written = await writeOutputs(folder, files, options.force ?? false, options.fs);
    checkpoint('before-manifest');
    const manifest = buildManifest(
      {
        tool: { name: 'briefwright', version: packageVersion() },
        brief: { id: brief.id, file: displayPath(brief.file, brief.dir), sha256: sha256(await readFile(brief.file)) },
        period,
        template: { name: template.name, files: await hashTemplate(template) },
        inputs: sources.inputs,
      },
      files,
    );
    // The manifest describes this run's outputs; it is replaced even when they were unchanged.
    await writeOutputs(folder, [manifest], true, options.fs);
    await updateLatest(folder, period.label);
    if (!options.keepLock) await lock.release();
    return { ...result, files: written, ...(options.keepLock && { release: lock.release }) };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

interface Analyzed {
  analysis: Analysis;
  view: ViewModel;
  markdown: string;
}

/** A run's analysis of the period's articles (analysis, composition, Markdown), stopped at its next step once `signal` is aborted. */
type Analyze = (articles: Article[], report: (event: ProgressEvent) => void, signal: { readonly aborted: boolean }) => Promise<Analyzed>;

/** A run's outputs of an analysis, rendered in memory (renderOutputs), stopped at the next line the PDF lays out once `signal` is aborted. */
type RenderAhead = (analyzed: Analyzed, signal: { readonly aborted: boolean }) => Promise<Rendered>;

/** What renderOutputs reads of a run's result. */
type RenderInput = Pick<GenerateResult, 'brief' | 'period' | 'view' | 'template' | 'markdown' | 'warnings'>;

/**
 * An analysis's outputs, rendered in memory while the scan went on (analyzeAhead), with the
 * progress events and warnings the rendering gave, held until the outputs are written.
 */
interface Rendered {
  files: OutputFile[];
  events: ProgressEvent[];
  warnings: Warning[];
}

/** A run's collect and analysis stages, done while a worker thread scanned the sources. */
interface Ahead {
  collected: CollectedSources;
  analyzed: Analyzed;
  /** Progress events of the analysis, held until the scan was answered. */
  events: ProgressEvent[];
  rendered?: Rendered | undefined;
}

/** An analysis made while the scan went on, of `articles`, for a store the scan found not current. */
interface Speculation {
  articles: Article[];
  analyzed: Analyzed;
  events: ProgressEvent[];
  rendered?: Rendered | undefined;
}

/**
 * Of the analyses made while the scan went on, the first made from exactly the articles the
 * refresh gave (field by field, paragraph by paragraph): the analysis, composition and Markdown
 * are a function of the articles, so it is the one an analysis after the refresh would make.
 */
export function standingAnalysis<Candidate extends { articles: readonly Article[] }>(candidates: readonly Candidate[], refreshed: readonly Article[]): Candidate | undefined {
  return candidates.find((candidate) => isDeepStrictEqual(candidate.articles, refreshed));
}

/**
 * A refreshing run over a large store scans its source files in a worker thread (scanSources:
 * ~100,000 stats) while this thread reads the store as last ingested and analyses it. If the store
 * is current, that read is the one a refresh would have made, and the analysis stands: the brief
 * is the same, in about the time of --no-refresh. A file whose mtime changed but whose bytes did
 * not leaves it current (the worker hashes it); its new mtime is recorded here. If the store is not
 * current, the refresh that follows uses the worker's scan (`scanned`): it reads only the files
 * found changed, with no listing or stat of its own. If anything fails, neither is given, and the
 * caller refreshes as usual (meeting the same errors).
 *
 * The analysis stops at its next step once the worker finds a change that matters to the period
 * (changeMatters: an edit to a file whose stored articles all lie outside it does not stop it). A
 * store that is not current usually lacks a few files (a week's new articles, an edit), found at
 * once: the scan looks at the newest keys first. While the scan goes on, this thread reads the
 * period as a refresh of the files found so far would leave it (without writing; readStoredAfter)
 * and, unless those are the articles already analysed, analyses that, stopping if the scan finds
 * another change that matters. The analyses made (the first, if it ran to its end, and this one)
 * are `candidates`: the caller keeps one whose articles are the ones its refresh gives, so the
 * brief is the same as an analysis after the refresh would make it.
 *
 * Each analysis's outputs are rendered in memory (`render`) as soon as it is made, unless a change
 * that matters to it was found: regenerated with its analysis kept, a brief's analysis takes little
 * time and its rendering would otherwise wait for the scan (over 100,000 files, ~1.2 s); after a
 * new article of the week, the second analysis ends ~0.3 s before the scan does.
 */
async function analyzeAhead(
  store: Store,
  scan: BackgroundScanRun,
  sources: readonly SourceSpec[],
  options: CollectOptions,
  analyze: Analyze,
  render: RenderAhead | undefined,
): Promise<{ ahead?: Ahead; scanned?: SourceScan; candidates?: Speculation[] }> {
  try {
    const events: ProgressEvent[] = [];
    let early: { read: StoredRead; analyzed: Analyzed } | undefined;
    try {
      const read = readStored(store, sources, options);
      // A change found while this thread analyses stops the analysis at its next step.
      early = { read, analyzed: await analyze(read.collected.articles, (event) => events.push(event), scan.changed) };
    } catch {
      // Stopped, or failed (a source not yet ingested, say): the refresh below does it properly.
    }
    const rendered = early ? await renderUnlessStopped(render, early.analyzed, scan.changed) : undefined;
    const candidates: Speculation[] = early ? [{ articles: early.read.collected.articles, analyzed: early.analyzed, events, rendered }] : [];
    const speculation = await analyzeChanged(store, sources, options, scan, analyze, render, candidates[0]?.articles).catch(() => undefined);
    if (speculation) candidates.push(speculation);
    const answer = await scan.result;
    if (answer?.current) {
      if (!early) return {};
      // Files whose mtime alone changed: recorded, as the refresh would, so the next scan does not read them.
      recordStats(store, answer.touched);
      return { ahead: { collected: early.read.asRefreshed(answer.files), analyzed: early.analyzed, events, rendered } };
    }
    return answer ? { scanned: answer, candidates } : {};
  } finally {
    scan.stop();
  }
}

/**
 * Once the scan finds a change: the period as a refresh of the files it has found changed so far
 * would leave it, analysed and rendered, stopped by a further change that matters. Nothing when
 * the scan answers first, when it has found more than ANALYZE_CHANGED_UP_TO files, or when those
 * articles are the ones already analysed (`analysed`: an edit outside the period).
 */
async function analyzeChanged(
  store: Store,
  sources: readonly SourceSpec[],
  options: CollectOptions,
  scan: BackgroundScanRun,
  analyze: Analyze,
  render: RenderAhead | undefined,
  analysed: Article[] | undefined,
): Promise<Speculation | undefined> {
  const changed = await scan.changesSoFar();
  if (!changed || changed.files.length > ANALYZE_CHANGED_UP_TO) return undefined;
  const { articles } = await readStoredAfter(store, sources, options, changed.files);
  if (analysed && isDeepStrictEqual(articles, analysed)) return undefined;
  const events: ProgressEvent[] = [];
  const stopped = scan.matteringBeyond(changed.mattering);
  const analyzed = await analyze(articles, (event) => events.push(event), stopped);
  return { articles, analyzed, events, rendered: await renderUnlessStopped(render, analyzed, stopped) };
}

/**
 * An analysis's outputs rendered ahead, unless `stopped` already tells of a change that matters to
 * it; one found meanwhile stops the rendering at its next line. A rendering stopped or failed is
 * none: the outputs are made again after the answer (meeting the same error).
 */
function renderUnlessStopped(render: RenderAhead | undefined, analyzed: Analyzed, stopped: { readonly aborted: boolean }): Promise<Rendered | undefined> {
  return render && !stopped.aborted ? render(analyzed, stopped).catch(() => undefined) : Promise.resolve(undefined);
}

/** Every file of the template, hashed, for the manifest. */
async function hashTemplate(template: Template): Promise<{ file: string; sha256: string }[]> {
  const files = [template.files.main, template.files.theme, ...Object.values(template.partials).map((p) => p.file), ...(template.email ? [template.email.file] : [])];
  const hashed = await Promise.all(files.map(async (file) => ({ file: displayPath(file, template.dir), sha256: sha256(await readFile(file).catch(() => Buffer.alloc(0))) })));
  return hashed.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The PDF's modules, loaded when a PDF is rendered: pdfkit and fontkit take ~40 ms to load, which
 * a run spends after its analysis rather than before it (a large store's background scan, started
 * before the analysis, then starts that much sooner). Built, they are in the bundle, and loading
 * is running their module code.
 */
async function loadPdfModules() {
  const [fonts, pdf, shaping] = await Promise.all([import('./pdf/load-fonts.js'), import('./pdf/render-pdf.js'), import('./pdf/shaping-cache.js')]);
  return { ...fonts, ...pdf, ...shaping };
}

/**
 * The files a Markdown text shows as images, `![alt](<file>)` or `![alt](file)`, as a reader of it
 * finds them: with the backslash escapes undone that the templates' escaping puts in a name (a date
 * range's label is "2026-01-19\_2026-01-25" there), as the PDF's and the HTML's parsers undo them.
 */
function imageDestinations(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(<?([^)>\s]+)>?\)/g)].map((m) => m[1]!.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** Renders the files of every requested format (the PDF last: it is the slow one). */
async function renderOutputs(result: RenderInput, progress: (event: ProgressEvent) => void, signal?: { readonly aborted: boolean }): Promise<OutputFile[]> {
  const { brief, period, view, template, markdown } = result;
  const files: OutputFile[] = [];
  const base = `${brief.id}-${period.label}`;
  // The charts as SVG, for the Markdown (beside it) and the HTML (inlined); the PDF draws them itself.
  const svgs = new Map([
    [view.charts.files.activity, chartToSvg(activityChart(view.charts, CHART_WIDTH))],
    [view.charts.files.outlets, chartToSvg(outletsChart(view.charts, CHART_WIDTH))],
  ]);
  const shown = imageDestinations(markdown);
  const usesCharts = [...svgs.keys()].some((file) => shown.includes(file));
  if (brief.formats.includes('md')) {
    files.push({ name: `${base}.md`, bytes: Buffer.from(markdown) });
    if (usesCharts) for (const [name, svg] of svgs) files.push({ name, bytes: Buffer.from(svg) });
  }
  if (brief.formats.includes('pdf')) {
    progress({ stage: 'render', format: 'pdf' });
    took('pdf');
    // The templates' Markdown is read by the fast path; anything outside its subset, by micromark.
    const tree = parseBriefMarkdown(markdown) ?? parseMarkdown(markdown);
    const { loadImages, loadThemeFiles, openShapingCache, renderPdf } = await loadPdfModules();
    const [{ fonts, logo }, images] = await Promise.all([loadThemeFiles(template.theme, template.dir), loadImages(shown, template.dir)]);
    const shaping = openShapingCache();
    const pdf = await renderPdf(tree, view, template.theme, fonts, { logo, images, shaping, ...(signal && { signal }) });
    shaping.save();
    if (pdf.missingGlyphs.length > 0) {
      const list = pdf.missingGlyphs.slice(0, 20).map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`).join(', ');
      const warning = { code: 'missing-glyphs', file: `${base}.pdf`, message: `${pdf.missingGlyphs.length} characters have no glyph in the embedded fonts and are drawn as U+FFFD: ${list}${pdf.missingGlyphs.length > 20 ? ', …' : ''}` };
      result.warnings.push(warning);
      progress({ stage: 'warning', warning });
    }
    files.push({ name: `${base}.pdf`, bytes: pdf.bytes });
  }
  if (brief.formats.includes('html')) files.push({ name: `${base}.html`, bytes: Buffer.from(renderHtml(markdown, view.brief.title, template.stylesheet, svgs)) });
  if (brief.formats.includes('json')) files.push({ name: `${base}.json`, bytes: Buffer.from(`${JSON.stringify(view, null, 2)}\n`) });

  return files;
}
