import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { sha256 } from './bytes.js';
import { cacheDir, isCodeFile, keepRecent, readOwnFile, removeStale, touchCacheFile, writeCacheFile } from './cache-dir.js';

/**
 * Code caches kept at most, of every install that shares the cache folder (each `npx` version and
 * each checkout has its own bundle path, so removeStale, which removes only the same path's older
 * builds, never sees the others): past this many, or CODE_BYTES in all, the least recently used go.
 * One install's commands, `brief run`'s workers and `--help` make at most 15, ~20 MB.
 */
export const CODE_FILES = 32;
export const CODE_BYTES = 64 * 1024 * 1024;

/** The first line of a code cache file, before the parts it holds (src/code-paths.ts) and V8's data. */
const CODE_HEADER = 'briefwright-code-cache 1';

/** A code cache file's V8 data and the parts of the program it holds; none for a file of another format. */
function readCodeCache(file: string): { data: Buffer; parts: ReadonlySet<string> } | undefined {
  const bytes = readOwnFile(file);
  const end = bytes ? bytes.indexOf(0x0a) : -1;
  if (!bytes || end < 0 || end > 1024) return undefined;
  const line = bytes.subarray(0, end).toString('latin1');
  if (!line.startsWith(`${CODE_HEADER} `)) return undefined;
  return { data: bytes.subarray(end + 1), parts: new Set(line.slice(CODE_HEADER.length + 1).split(',').filter(Boolean)) };
}

/**
 * Runs a CommonJS bundle (the CLI's, dist/brief-main.cjs) with V8's code cache. The bytecode of
 * the functions a run compiled is kept in the cache folder, so the next start does not parse and
 * compile the bundle's JavaScript again (about 0.1 s of every command). A cache holds what one run
 * compiled, so each `profile` (the command: `brief --help` compiles a tenth of what `generate`
 * does) has its own, written only by a run that succeeded. The file is named after the bundle,
 * its size and time, the Node version and the profile; V8 checks it again (its version, flags and
 * a checksum) and compiles afresh when it does not fit. A missing, damaged or unwritable cache
 * only costs that time. A cache read is marked used, and the least recently used are removed when
 * one is written (CODE_FILES). A cache notes the costly parts of the program it holds
 * (src/code-paths.ts): a run that takes one it lacks (a PDF, after a first run that made none)
 * writes it again, with what it held and what this run compiled.
 */
export function runBundle(file: string, profile: string): { exports: Record<string, unknown>; saveCache: (parts: ReadonlySet<string>) => void } {
  const bytes = readFileSync(file);
  // An ASCII bundle (scripts/bundle.js makes it one) needs no UTF-8 decoding.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const dir = cacheDir();
  const { size, mtimeMs } = statSync(file);
  const hash = (...parts: (string | number)[]) => sha256(parts.join('\0')).slice(0, 16);
  const prefix = `code-${hash(file)}-`;
  const build = `${prefix}${hash(process.version, process.arch, size, mtimeMs)}-`;
  const cacheFile = dir && join(dir, `${build}${profile}.bin`);
  const cached = cacheFile ? readCodeCache(cacheFile) : undefined;
  const cachedData = cached?.data;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData && { cachedData }) });
  if (cacheFile && cachedData && !script.cachedDataRejected) touchCacheFile(cacheFile);
  // The parts of the program the cache in use holds (none when there is none, or V8 rejected it).
  let held = cachedData && !script.cachedDataRejected ? cached.parts : new Set<string>();
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    saveCache: (parts) => {
      if (!dir || !cacheFile || (cachedData && !script.cachedDataRejected && [...parts].every((part) => held.has(part)))) return;
      // What this run compiled, with what the cache it read held: V8 writes both.
      const holds = new Set([...held, ...parts]);
      try {
        writeCacheFile(cacheFile, Buffer.concat([Buffer.from(`${CODE_HEADER} ${[...holds].sort().join(',')}\n`, 'latin1'), script.createCachedData()]));
      } catch {
        // A cache folder that cannot be written costs only speed.
        return;
      }
      held = holds;
      // Earlier builds of the same bundle leave caches that no start will read again.
      removeStale(dir, (name) => isCodeFile(name) && name.startsWith(prefix), build);
      keepRecent(dir, isCodeFile, CODE_FILES, CODE_BYTES);
    },
  };
}

/**
 * Runs the built CLI, the CommonJS bundle scripts/bundle.js writes beside this module
 * (dist/brief-main.cjs), with the code cache of `profile`; undefined when the build made none
 * (compiled sources without it, tsc alone, run as they are). The `brief` command (bin.ts) and
 * `brief run`'s worker threads (commands/run-worker.ts) start this way.
 */
export function runCliBundle(profile: string): ReturnType<typeof runBundle> | undefined {
  const bundle = fileURLToPath(new URL('./brief-main.cjs', import.meta.url));
  return existsSync(bundle) ? runBundle(bundle, profile) : undefined;
}

/** The code-cache profile of a command line: the command's name, or "help" for --help and --version. */
export function cacheProfile(argv: readonly string[]): string {
  if (argv.some((arg) => arg === '--help' || arg === '-h' || arg === '--version')) return 'help';
  const command = argv.find((arg) => !arg.startsWith('-'));
  return command !== undefined && /^[a-z]{1,20}$/.test(command) ? command : 'other';
}
