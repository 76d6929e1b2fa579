import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { checkpoint } from './checkpoint.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { BriefError, ExitCode, exitCodeForSystemError } from '../errors.js';

/** One file to write: its name inside the brief's period folder, and its bytes. */
export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export interface WrittenFile {
  path: string;
  /** `written` (new or replaced with --force) or `unchanged` (identical bytes already there). */
  status: 'written' | 'unchanged';
}

/** `<outDir>/<briefId>/<label>/`, refusing anything that would land outside outDir. */
export function outputFolder(outDir: string, briefId: string, label: string): string {
  const root = resolve(outDir);
  const folder = resolve(root, briefId, label);
  if (!folder.startsWith(root + sep) || /[\\/]|\.\./.test(`${briefId}${label}`)) {
    throw new BriefError('output-path', `output folder for "${briefId}" would be outside ${outDir}`, { exitCode: ExitCode.cantCreate });
  }
  return folder;
}

async function readExisting(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The file operations writing goes through; tests swap in one that fails (ENOSPC, EIO). */
export interface WriteFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
}

export const realFs: WriteFs = { open: nodeFs.open, rename: nodeFs.rename };

/** Writes bytes to a fresh temp file beside `path`, synced to disk; returns the temp's path. */
async function writeTemp(path: string, bytes: Uint8Array, fs: WriteFs): Promise<string> {
  const temp = join(dirname(path), `.${relative(dirname(path), path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return temp;
}

async function syncDir(dir: string, fs: WriteFs): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** temp → fsync → rename → fsync(dir): a reader sees the old file or the new one, never a part. */
export async function writeAtomic(path: string, bytes: Uint8Array, fs: WriteFs = realFs): Promise<void> {
  await fs.rename(await writeTemp(path, bytes, fs), path);
  await syncDir(dirname(path), fs);
}

/**
 * Writes a brief's outputs. Files already holding the same bytes are left alone; a file with
 * other content is kept unless `force` — and then nothing at all is written (exit 73).
 */
export async function writeOutputs(folder: string, files: readonly OutputFile[], force: boolean, fs: WriteFs = realFs): Promise<WrittenFile[]> {
  try {
    await mkdir(folder, { recursive: true });
    await removeOrphans(folder);
    const plan = await Promise.all(files.map(async (file) => ({ file, path: join(folder, file.name), existing: await readExisting(join(folder, file.name)) })));
    const clashes = plan.filter(({ existing, file }) => existing && !existing.equals(file.bytes));
    if (clashes.length > 0 && !force) {
      throw new BriefError('output-exists', `${clashes.map((c) => c.path).join(', ')} exists with other content`, {
        exitCode: ExitCode.cantCreate,
        hint: 'the earlier brief is kept; rerun with --force to replace it, or use --out for another folder',
      });
    }
    return await commitAll(folder, plan, fs);
  } catch (error) {
    if (error instanceof BriefError) throw error;
    const exitCode = exitCodeForSystemError(error);
    if (exitCode === undefined) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOSPC' ? 'disk full' : code === 'EIO' ? 'I/O error' : `${code}`;
    throw new BriefError('output-write', `${what} writing outputs in ${folder}; previous output kept`, {
      exitCode: exitCode === ExitCode.noInput ? ExitCode.cantCreate : exitCode,
      hint: code === 'ENOSPC' ? 'free disk space and rerun' : 'check the output folder and its permissions',
      cause: error,
    });
  }
}

/**
 * Two phases, so a set of outputs is replaced together or not at all: every changed file is
 * written to a synced temp first (a failure removes them all and changes nothing), then all are
 * renamed into place and the folder synced.
 */
async function commitAll(folder: string, plan: readonly { file: OutputFile; path: string; existing: Buffer | undefined }[], fs: WriteFs): Promise<WrittenFile[]> {
  const changed = plan.filter(({ file, existing }) => !existing?.equals(file.bytes));
  const temps: string[] = [];
  try {
    for (const { file, path } of changed) {
      temps.push(await writeTemp(path, file.bytes, fs));
      if (path.endsWith('.pdf')) checkpoint('after-pdf-temp');
    }
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    throw error;
  }
  for (const [i, { path }] of changed.entries()) {
    await fs.rename(temps[i]!, path);
    if (path.endsWith('.pdf')) checkpoint('after-pdf-rename');
  }
  if (changed.length > 0) await syncDir(folder, fs);
  return plan.map(({ path, file, existing }) => ({ path, status: existing?.equals(file.bytes) ? 'unchanged' : 'written' }));
}

/** Temp files left by a run that was killed mid-write: never a valid output, always safe to remove. */
export async function removeOrphans(folder: string): Promise<number> {
  const orphans = (await readdir(folder).catch(() => [] as string[])).filter((name) => /^\..*\.tmp-\d+-[0-9a-f]{8}$/.test(name));
  await Promise.all(orphans.map((name) => rm(join(folder, name), { force: true })));
  return orphans.length;
}
