import { hostname } from 'node:os';
import { lstat, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { BriefError, ExitCode } from '../errors.js';

export const LOCK_FILE = '.brief.lock';

export interface Lock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file still without its holder after this long was left by a run killed as it took it. */
const UNWRITTEN_LOCK_MS = 10_000;

/**
 * Who holds a lock, as its file says; nothing known when the file is empty or cut short (another
 * run has just created it and not yet written it: eight runs started at once meet this).
 */
async function readHolder(path: string): Promise<{ pid?: number; host?: string; since?: string }> {
  try {
    const holder: unknown = JSON.parse(await readFile(path, 'utf8'));
    return holder !== null && typeof holder === 'object' ? holder : {};
  } catch {
    return {};
  }
}

/**
 * Takes the lock of a brief's output folder, so one run at a time writes and sends there. A lock
 * left by a run that was killed (its process is gone) is taken over; a live one is exit 75 naming
 * its holder.
 */
export async function acquireLock(folder: string, outDir?: string): Promise<Lock> {
  if (outDir) await refuseLinks(outDir, folder);
  await mkdir(folder, { recursive: true });
  const path = join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      await handle.close();
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(path);
      const sameHost = !holder.host || holder.host === hostname();
      if (holder.pid && sameHost && !alive(holder.pid)) {
        // A stale lock: its run was killed. Take it over.
        await rm(path, { force: true });
        continue;
      }
      if (!holder.pid) {
        // Empty or cut short: its holder is between creating and writing it, or was killed there.
        const age = Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? 0);
        if (age > UNWRITTEN_LOCK_MS) {
          await rm(path, { force: true });
          continue;
        }
        if (attempt < 2) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
      }
      throw new BriefError('locked', `${folder} is locked by pid ${holder.pid ?? '?'}${holder.host ? ` on ${holder.host}` : ''}${holder.since ? ` since ${holder.since}` : ''}`, {
        exitCode: ExitCode.tempFail,
        hint: 'another run of this brief is writing or sending; try again when it has finished',
      });
    }
  }
  throw new BriefError('locked', `could not take the lock of ${folder}`, { exitCode: ExitCode.tempFail });
}

/**
 * Refuses to write through a symbolic link between the output root and the brief's folder (an
 * entry pointing at /etc would otherwise receive the outputs). Checked before anything is created.
 */
export async function refuseLinks(outDir: string, folder: string): Promise<void> {
  const root = resolve(outDir);
  let path = root;
  for (const part of relative(root, resolve(folder)).split(sep).filter(Boolean)) {
    path = join(path, part);
    const info = await lstat(path).catch(() => undefined);
    if (!info) return;
    if (info.isSymbolicLink()) {
      throw new BriefError('output-path', `${path} is a symbolic link; outputs are never written through one`, {
        exitCode: ExitCode.cantCreate,
        hint: 'remove the link or choose another folder with --out',
      });
    }
  }
}
