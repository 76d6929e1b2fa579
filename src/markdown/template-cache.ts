import { join } from 'node:path';
import { buildId } from '../build-id.js';
import { sha256 } from '../bytes.js';
import { cacheDir, dependencyVersion, isTemplateFile, keepRecent, readOwnFile, removeStale, touchCacheFile, writeCacheFile } from '../cache-dir.js';

/**
 * Templates compiled, and templates linted clean, kept between runs. On a cold start a run spent
 * ~20 ms linting the sample's template (parsing it with Handlebars and checking every field it
 * names) and ~20 ms compiling it and its partials (parsing again, then generating their
 * JavaScript); a regenerated brief's template is usually the one of the last run.
 *
 * - A compiled template is Handlebars' precompiled spec: the JavaScript `compile` would build, as
 *   text. It is keyed by Handlebars' version, the compile options (the helpers known by name
 *   included) and the template's text, and is code that runs, so a file another user owns or could
 *   change is not read (readOwnFile), as with the compiled-code cache.
 * - A template linted clean is an empty file keyed by the running build (the linter and the view
 *   model it checks against are its code) and the text of the template, its partials and its mail
 *   body. Only a clean lint is kept: problems are found, and told, by the linter every time. Code
 *   that is not the built bundle (tsc's modules, the tests' sources) keeps none, as with analyses.
 *
 * Past KEPT files, the least recently used go; a folder that cannot be read or written costs only
 * the time.
 */

const VERSION = 1;
/** A template, its partials and its mail body are a few files; editing one adds a file at each save. */
export const KEPT = 64;

/** Where the files go, and the build whose lint results count (undefined: none kept). */
export interface TemplateCacheSettings {
  dir: string | undefined;
  build: string | undefined;
}

const defaults = (): TemplateCacheSettings => ({ dir: cacheDir(), build: buildId });

const PREFIX = `template-v${VERSION}-`;
/** Files of another format are removed at the first write of a run. */
let swept: string | undefined;
let handlebarsVersion: string | undefined;

function keep(dir: string, name: string, data: string): void {
  try {
    writeCacheFile(join(dir, name), data);
    if (swept !== dir) removeStale(dir, isTemplateFile, PREFIX);
    swept = dir;
    keepRecent(dir, (file) => file.startsWith(PREFIX) && isTemplateFile(file), KEPT);
  } catch {
    // Best effort: the next run compiles or lints again.
  }
}

/**
 * The precompiled spec of `source` under `options`, from the cache or from `precompile` (then
 * kept), evaluated to the object Handlebars' `template` takes. Errors are precompile's: those
 * `compile` would throw for the same text (a template that does not parse is never kept).
 */
export function compiledSpec(source: string, options: object, precompile: () => string, settings: TemplateCacheSettings = defaults()): object {
  const { dir } = settings;
  if (!dir) return evaluate(precompile());
  handlebarsVersion ??= dependencyVersion('handlebars');
  const name = `${PREFIX}hbs${handlebarsVersion}-${sha256(JSON.stringify([options, source])).slice(0, 32)}.js`;
  const file = join(dir, name);
  const kept = readOwnFile(file);
  if (kept) {
    try {
      const spec = evaluate(kept.toString('utf8'));
      touchCacheFile(file);
      return spec;
    } catch {
      // Damaged: compiled afresh and replaced below.
    }
  }
  const text = precompile();
  keep(dir, name, text);
  return evaluate(text);
}

/** A precompiled spec's text evaluated: an object literal with the template's functions in it. */
function evaluate(spec: string): object {
  // Handlebars' own compile makes these functions with `new Function` too.
  const value: unknown = new Function(`return (${spec});`)();
  if (value === null || typeof value !== 'object') throw new TypeError('not a precompiled template');
  return value;
}

/** The texts a template's lint reads, for lintedClean and rememberClean. */
export interface LintedTexts {
  main: string;
  partials: Readonly<Record<string, { source: string }>>;
  email?: { source: string } | undefined;
}

function lintName(texts: LintedTexts, build: string): string {
  const partials = Object.entries(texts.partials)
    .map(([name, partial]) => [name, partial.source])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  return `${PREFIX}lint-${sha256(JSON.stringify([build, texts.main, partials, texts.email?.source ?? null])).slice(0, 32)}.ok`;
}

/** Whether this build linted these texts clean before. */
export function lintedClean(texts: LintedTexts, settings: TemplateCacheSettings = defaults()): boolean {
  const { dir, build } = settings;
  if (!dir || !build) return false;
  const file = join(dir, lintName(texts, build));
  if (!readOwnFile(file)) return false;
  touchCacheFile(file);
  return true;
}

/** Notes that this build linted these texts clean. */
export function rememberClean(texts: LintedTexts, settings: TemplateCacheSettings = defaults()): void {
  const { dir, build } = settings;
  if (dir && build) keep(dir, lintName(texts, build), '');
}
