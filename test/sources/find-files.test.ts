import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { findFiles, storedKeyMatcher } from '../../src/sources/find-files.js';
import { tempDir } from '../helpers.js';
import { fileSource } from './helpers.js';

/** A tree with hidden folders and files, nested folders, and names with spaces and dots. */
async function tree(): Promise<string> {
  const dir = join(await tempDir(), 'archive');
  const files = ['a.md', 'b.txt', 'sub/c.md', 'sub/deeper/d.md', 'sub/.drafts/e.md', '.hidden.md', 'sub/.f.md', 'with space/g.md', 'v1.2/h.md', 'sub/deeper/i.html'];
  for (const file of files) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), 'x');
  }
  return dir;
}

const resolved = (path: string) => ({ ...fileSource(path), resolved: path });

describe('findFiles', () => {
  it('finds what a glob of the absolute pattern finds, hidden names left out', async () => {
    const dir = await tree();
    const cases = [
      { path: dir, pattern: `${dir}/**/*` },
      { path: `${dir}/**/*.md`, pattern: `${dir}/**/*.md` },
      { path: `${dir}/sub/*/*.md`, pattern: `${dir}/sub/*/*.md` },
      { path: `${dir}/*/c.md`, pattern: `${dir}/*/c.md` },
    ];
    for (const { path, pattern } of cases) {
      const expected = (await glob(pattern, { absolute: true, onlyFiles: true, dot: false })).sort();
      const { files } = await findFiles(resolved(path));
      expect(files, path).toEqual(expected);
      expect(files.length, path).toBeGreaterThan(0);
      expect(files.some((file) => file.includes('/.')), path).toBe(false);
      // The same files the store's key matcher accepts.
      const matches = storedKeyMatcher(resolved(path));
      expect(files.every(matches), path).toBe(true);
    }
    expect((await findFiles(resolved(dir))).files).toHaveLength(7);
    expect((await findFiles(resolved(`${dir}/**/*.md`))).files).toHaveLength(5);
  });
});
