import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from '../../src/output/lock.js';
import { tempDir } from '../helpers.js';

describe('the output folder lock', () => {
  it('met empty (another run has created it, not yet written it): waits, then names its holder, exit 75', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, LOCK_FILE), '');
    const taking = acquireLock(folder);
    // The other run writes its holder meanwhile (before or during this run's wait: either way it is named).
    await writeFile(join(folder, LOCK_FILE), JSON.stringify({ pid: process.pid, host: 'elsewhere', since: '2026-01-25T00:00:00.000Z' }));
    await expect(taking).rejects.toMatchObject({ code: 'locked', exitCode: 75, message: expect.stringContaining(`locked by pid ${process.pid} on elsewhere`) });
  });

  it('still empty or cut short after its wait: exit 75, not an internal error', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, LOCK_FILE), '{"pid": 12');
    await expect(acquireLock(folder)).rejects.toMatchObject({ code: 'locked', exitCode: 75 });
  });

  it('left empty by a run killed as it took it (older than ten seconds): taken over', async () => {
    const folder = await tempDir();
    const path = join(folder, LOCK_FILE);
    await writeFile(path, '');
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(path, minuteAgo, minuteAgo);
    const lock = await acquireLock(folder);
    await lock.release();
  });
});
