import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/bytes.js';
import { BriefError } from '../../src/errors.js';
import { parseConfigYaml, parseYaml } from '../../src/yaml/read-yaml.js';
import { tempDir } from '../helpers.js';

const saved = process.env.BRIEF_CACHE_DIR;
afterEach(() => {
  process.env.BRIEF_CACHE_DIR = saved;
});

/** A fresh cache folder for the test (the module re-reads its file when the folder changes). */
async function freshCache(): Promise<string> {
  const dir = await tempDir();
  process.env.BRIEF_CACHE_DIR = dir;
  return dir;
}

const cacheFile = (dir: string) => readdirSync(dir).filter((name) => /^yaml-v\d+-yaml[\d.]+\.json$/.test(name) && !name.includes('0.0.0'));
const entries = (dir: string) => (JSON.parse(readFileSync(join(dir, cacheFile(dir)[0]!), 'utf8')) as { entries: Record<string, string> }).entries;

const brief = 'id: weekly\ntitle: "Weekly — brief"\ntopics:\n  - a\n  - b\nlimits: {developments: 5, ratio: 0.5}\nnothing: null\nyes: true\n';

describe('the YAML cache', () => {
  it('gives a parsed text its value from the cache, with the positions of a fresh parse', async () => {
    const dir = await freshCache();
    const first = parseConfigYaml(brief, 'b.yaml');
    expect(Object.keys(entries(dir))).toEqual([sha256(brief)]);
    // The kept value is what the next parse gives: changed in the file, the change shows.
    const poisoned = { ...(first.value as object), title: 'from the cache' };
    writeFileSync(join(dir, cacheFile(dir)[0]!), JSON.stringify({ version: 1, entries: { [sha256(brief)]: JSON.stringify(poisoned) } }));
    process.env.BRIEF_CACHE_DIR = `${dir}/.`; // another spelling of the folder: the file is read again
    const second = parseConfigYaml(brief, 'b.yaml');
    expect(second.value).toEqual(poisoned);
    // Positions, which only messages need, still come from the text.
    for (const path of [['title'], ['topics', 1], ['limits', 'ratio'], ['missing']]) {
      expect(second.locate(path), path.join('.')).toEqual(first.locate(path));
      expect(second.locate(path, 'key'), path.join('.')).toEqual(first.locate(path, 'key'));
    }
    // Each caller gets its own copy.
    (second.value as { topics: string[] }).topics.push('c');
    expect((parseConfigYaml(brief, 'b.yaml').value as { topics: string[] }).topics).toEqual(['a', 'b']);
  });

  it('ignores a cache file that other users could change, and replaces it with one for its owner only', async () => {
    const dir = await freshCache();
    parseConfigYaml(brief, 'b.yaml');
    const file = join(dir, cacheFile(dir)[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, JSON.stringify({ version: 1, entries: { [sha256(brief)]: '{"id":"planted"}' } }));
    chmodSync(file, 0o666);
    process.env.BRIEF_CACHE_DIR = `${dir}/.`;
    expect(parseConfigYaml(brief, 'b.yaml').value).toMatchObject({ id: 'weekly' });
    // …and replaced by one of its own (the first test shows that a file of its own is read).
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(entries(dir)[sha256(brief)]!)).toMatchObject({ id: 'weekly' });
  });

  it('keeps only texts that parsed without a problem, so errors still come from the parser', async () => {
    const dir = await freshCache();
    const bad = 'id: a\nid: b\n';
    const problems = () => {
      try {
        parseConfigYaml(bad, 'b.yaml');
      } catch (error) {
        return (error as BriefError).problems;
      }
      return [];
    };
    expect(problems()).toEqual(problems());
    expect(problems()[0]).toMatchObject({ line: 2, col: 1 });
    expect(cacheFile(dir)).toEqual([]);
  });

  it('does not keep values JSON cannot hold', async () => {
    const dir = await freshCache();
    for (const text of ['x: .inf\n', 'x: .nan\n', 'x: -0.0\n', '"__proto__": {a: 1}\n']) {
      const fresh = parseConfigYaml(text, 'b.yaml').value;
      expect(parseConfigYaml(text, 'b.yaml').value, text).toEqual(fresh);
    }
    expect(cacheFile(dir)).toEqual([]);
    expect(Object.is((parseConfigYaml('x: -0.0\n', 'b.yaml').value as { x: number }).x, -0)).toBe(true);
  });

  it('writes nothing when off, and rewrites a damaged file', async () => {
    process.env.BRIEF_CACHE_DIR = 'off';
    expect(parseConfigYaml(brief, 'b.yaml').value).toMatchObject({ id: 'weekly' });
    const dir = await freshCache();
    writeFileSync(join(dir, 'yaml-v1-yaml0.0.0.json'), '{}'); // another parser version's file: removed
    parseConfigYaml('a: 1\n', 'b.yaml');
    writeFileSync(join(dir, cacheFile(dir)[0]!), '{"version": 1, "entries": {"');
    process.env.BRIEF_CACHE_DIR = `${dir}/.`;
    expect(parseConfigYaml(brief, 'b.yaml').value).toMatchObject({ id: 'weekly', limits: { ratio: 0.5 } });
    expect(Object.keys(entries(dir))).toEqual([sha256(brief)]);
    expect(readdirSync(dir).filter((name) => name.startsWith('yaml-'))).toEqual(cacheFile(dir));
  });

  it('leaves out what parseYaml reads (articles\' front matter: thousands of texts, each read once)', async () => {
    const dir = await freshCache();
    for (let i = 0; i < 20; i++) parseYaml(`title: Article ${i}\n`, 'a.md');
    expect(cacheFile(dir)).toEqual([]);
  });

  it('keeps the last 500 texts it was given', async () => {
    const dir = await freshCache();
    for (let i = 0; i < 502; i++) parseConfigYaml(`n: ${i}\n`, 'b.yaml');
    const kept = entries(dir);
    expect(Object.keys(kept)).toHaveLength(500);
    expect(kept[sha256('n: 0\n')]).toBeUndefined();
    expect(kept[sha256('n: 1\n')]).toBeUndefined();
    expect(kept[sha256('n: 501\n')]).toBe('{"n":501}');
  });
});
