import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCacheFile } from '../src/cache-dir.js';
import { tempDir } from './helpers.js';

describe('writeCacheFile', () => {
  it('writes the file whole and private, through a temp file it renames', async () => {
    const dir = await tempDir();
    const file = join(dir, 'nested', 'entry.bin');
    writeCacheFile(file, 'bytes');
    expect(readFileSync(file, 'utf8')).toBe('bytes');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['entry.bin']);
  });

  it('leaves no temp file behind when the write or the rename fails', async () => {
    const dir = await tempDir();
    // A folder with something in it where the file should go: the rename fails.
    const file = join(dir, 'entry.bin');
    mkdirSync(file);
    writeFileSync(join(file, 'inside'), '');
    expect(() => writeCacheFile(file, 'bytes')).toThrow();
    expect(readdirSync(dir)).toEqual(['entry.bin']);
  });
});
