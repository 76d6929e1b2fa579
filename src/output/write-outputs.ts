import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
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

/** temp → fsync → rename → fsync(dir): a reader sees the old file or the new one, never a part. */
export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${relative(dirname(path), path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/**
 * Writes a brief's outputs. Files already holding the same bytes are left alone; a file with
 * other content is kept unless `force` — and then nothing at all is written (exit 73).
 */
export async function writeOutputs(folder: string, files: readonly OutputFile[], force: boolean): Promise<WrittenFile[]> {
  try {
    await mkdir(folder, { recursive: true });
    const plan = await Promise.all(files.map(async (file) => ({ file, path: join(folder, file.name), existing: await readExisting(join(folder, file.name)) })));
    const clashes = plan.filter(({ existing, file }) => existing && !existing.equals(file.bytes));
    if (clashes.length > 0 && !force) {
      throw new BriefError('output-exists', `${clashes.map((c) => c.path).join(', ')} exists with other content`, {
        exitCode: ExitCode.cantCreate,
        hint: 'the earlier brief is kept; rerun with --force to replace it, or use --out for another folder',
      });
    }
    const written: WrittenFile[] = [];
    for (const { file, path, existing } of plan) {
      if (existing?.equals(file.bytes)) {
        written.push({ path, status: 'unchanged' });
        continue;
      }
      await writeAtomic(path, file.bytes);
      written.push({ path, status: 'written' });
    }
    return written;
  } catch (error) {
    if (error instanceof BriefError) throw error;
    const exitCode = exitCodeForSystemError(error);
    if (exitCode === undefined) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BriefError('output-write', `cannot write outputs in ${folder} (${code}); earlier outputs are kept`, {
      exitCode: exitCode === ExitCode.noInput ? ExitCode.cantCreate : exitCode,
      hint: code === 'ENOSPC' ? 'free disk space and rerun' : 'check the output folder and its permissions',
      cause: error,
    });
  }
}
