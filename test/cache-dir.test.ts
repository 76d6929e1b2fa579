import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepRecent, removeStale, writeCacheFile } from '../src/cache-dir.js';
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

describe('keepRecent', () => {
  it('keeps the most recently used files of a kind, up to a count and a byte budget, and always the most recent', async () => {
    const dir = await tempDir();
    const put = (name: string, size: number, minute: number) => {
      writeFileSync(join(dir, name), Buffer.alloc(size));
      const used = new Date(Date.UTC(2020, 0, 1, 0, minute));
      utimesSync(join(dir, name), used, used);
    };
    put('a.bin', 10, 1);
    put('b.bin', 10, 2);
    put('c.bin', 10, 3);
    put('d.bin', 10, 4);
    put('other.txt', 10, 0);
    const bins = (name: string) => name.endsWith('.bin');
    keepRecent(dir, bins, 3);
    expect(readdirSync(dir).sort()).toEqual(['b.bin', 'c.bin', 'd.bin', 'other.txt']);
    keepRecent(dir, bins, 10, 25);
    expect(readdirSync(dir).sort()).toEqual(['c.bin', 'd.bin', 'other.txt']);
    // The most recent stays even when it alone is past the budget.
    put('e.bin', 100, 5);
    keepRecent(dir, bins, 10, 25);
    expect(readdirSync(dir).sort()).toEqual(['e.bin', 'other.txt']);
  });
});

describe('the cache sweeps', () => {
  it('remove the temp files of their kind that a killed writer left, and no other', async () => {
    const dir = await tempDir();
    const put = (name: string, used?: Date) => {
      writeFileSync(join(dir, name), 'x');
      if (used) utimesSync(join(dir, name), used, used);
    };
    const longAgo = new Date(Date.UTC(2020, 0, 1));
    const bins = (name: string) => name.endsWith('.bin');
    put('a.bin');
    put('a.bin.tmp-123-0', longAgo);
    // Being written (a writer of a second ago), and another kind's.
    put('b.bin.tmp-124-1');
    put('c.txt.tmp-125-0', longAgo);
    keepRecent(dir, bins, 10);
    expect(readdirSync(dir).sort()).toEqual(['a.bin', 'b.bin.tmp-124-1', 'c.txt.tmp-125-0']);
    put('d.bin.tmp-126-2', longAgo);
    removeStale(dir, bins, 'a');
    expect(readdirSync(dir).sort()).toEqual(['a.bin', 'b.bin.tmp-124-1', 'c.txt.tmp-125-0']);
  });
});
