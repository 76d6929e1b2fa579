import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { findFiles, storedKeyMatcher } from '../../src/sources/find-files.js';
import { tempDir } from '../helpers.js';
import { fileSource } from './helpers.js';

/**
 * A tree with hidden folders and files, nested folders, names with spaces and dots, and symbolic
 * links: to a file, to a folder inside and one outside the tree, hidden, dangling, and a loop.
 */
async function tree(): Promise<string> {
  const root = await tempDir();
  const dir = join(root, 'archive');
  const files = ['a.md', 'b.txt', 'sub/c.md', 'sub/deeper/d.md', 'sub/.drafts/e.md', '.hidden.md', 'sub/.f.md', 'with space/g.md', 'v1.2/h.md', 'sub/deeper/i.html', '../elsewhere/j.md', '../elsewhere/.k.md'];
  for (const file of files) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), 'x');
  }
  const links = [['a.md', 'link-a.md'], ['sub', 'linked-sub'], ['../elsewhere', 'outside'], ['nowhere.md', 'dangling.md'], ['sub', '.hidden-link'], ['..', 'sub/deeper/loop']];
  for (const [target, name] of links) await symlink(target!, join(dir, name!));
  return dir;
}

const resolved = (path: string) => ({ ...fileSource(path), resolved: path });

describe('findFiles', () => {
  it('finds what a glob of the absolute pattern finds, hidden names left out, symbolic links followed', async () => {
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
    const found = (await findFiles(resolved(dir))).files.map((file) => file.slice(dir.length + 1));
    expect(found).toEqual(expect.arrayContaining(['a.md', 'link-a.md', 'linked-sub/c.md', 'linked-sub/deeper/d.md', 'outside/j.md']));
    expect(found.filter((file) => /dangling|hidden|\.k\.md|\/\./.test(file))).toEqual([]);
    expect((await findFiles(resolved(`${dir}/**/*.md`))).files.length).toBeGreaterThan(5);
  });
});
