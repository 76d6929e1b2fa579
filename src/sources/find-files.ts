import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fdir } from 'fdir';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { SourceSpec } from '../brief/brief.js';
import { BriefError, ExitCode } from '../errors.js';
import { displayPath } from '../paths.js';

// Kept apart from collect-sources.ts, with few imports: the background scan
// (scan-sources.ts) runs it in a worker thread of its own.

function missingSource(source: SourceSpec, what: string): BriefError {
  return new BriefError('source-missing', `source "${source.path}": ${what}`, {
    exitCode: ExitCode.noInput,
    location: source.location,
    hint: 'source paths are relative to the brief file; fix the path or create the folder',
  });
}

/** The fixed (non-glob) leading part of a pattern: the folder a glob searches. */
export function fixedBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '/';
}

/** The folder (or file) a file source's stored keys lie under, in the platform's separators. */
export function sourceBase(source: SourceSpec): string {
  return source.feed ?? fixedBase(source.resolved!.split(sep).join('/')).split('/').join(sep);
}

/**
 * The files under `folder` that `pattern` (relative to it) matches, hidden ones left out, as
 * absolute paths. tinyglobby relates each path it finds to its cwd: by slicing when the folder
 * searched lies in the cwd, by path.relative for every file otherwise (2.2–2.5× slower over
 * 100,000 files, as when cron runs a brief from another folder than its archive's).
 */
async function globUnder(folder: string, pattern: string): Promise<string[]> {
  return (await glob(pattern, { cwd: folder, absolute: true, onlyFiles: true, dot: false })).sort();
}

/**
 * Every file under `folder`, hidden ones (a name starting with a dot, or under such a folder) left
 * out, as absolute paths: what globUnder(folder, '**\/*') gives, by the same walker (fdir, which
 * tinyglobby drives) with tinyglobby's options, but without matching each path against the
 * pattern: over 100,000 files, 110–127 ms against 132–183 ms, and less garbage in the scan's worker.
 * Symbolic links are followed and listed under their own paths, as tinyglobby lists them.
 */
async function walkFolder(folder: string): Promise<string[]> {
  const crawler = new fdir({
    pathSeparator: '/',
    resolvePaths: true,
    includeBasePath: true,
    resolveSymlinks: true,
    excludeSymlinks: false,
    exclude: (name) => name.startsWith('.'),
    filters: [(path) => path.charCodeAt(path.lastIndexOf('/') + 1) !== 46],
  });
  return (await crawler.crawl(resolve(folder)).withPromise()).sort();
}

/** The files a source entry names: a file, a folder (read recursively) or a glob; and its base folder. */
export async function findFiles(source: SourceSpec & { resolved: string }): Promise<{ files: string[]; base: string }> {
  const pattern = source.resolved.split(sep).join('/');
  if (!isDynamicPattern(pattern)) {
    const info = await stat(source.resolved).catch(() => undefined);
    if (!info) throw missingSource(source, 'no such file or folder');
    if (info.isFile()) return { files: [source.resolved], base: source.resolved };
    return { files: await walkFolder(source.resolved), base: source.resolved };
  }
  const base = fixedBase(pattern);
  if (!(await stat(base).catch(() => undefined))) throw missingSource(source, `no such folder ${displayPath(base, source.location.file.replace(/[^/]+$/, ''))}`);
  return { files: await globUnder(base, pattern.slice(base === '/' ? 1 : base.length + 1)), base };
}

/** Whether a stored key belongs to a source entry, as the files found for it on disk would. */
export function storedKeyMatcher(source: SourceSpec): (key: string) => boolean {
  if (source.feed) return (key) => key === source.feed;
  const resolved = source.resolved!;
  const pattern = resolved.split(sep).join('/');
  if (isDynamicPattern(pattern)) {
    const matches = picomatch(pattern, { dot: false });
    return (key) => matches(key.split(sep).join('/'));
  }
  // A file, or a folder read recursively without hidden files and folders (as the glob does): no
  // name after the prefix (which ends in a separator) starts with a dot.
  const prefix = `${resolved}${sep}`;
  const hidden = `${sep}.`;
  return (key) => key === resolved || (key.startsWith(prefix) && !key.includes(hidden, prefix.length - 1));
}
