import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinTopicsDir } from '../../src/paths.js';
import { loadTopicLibrary } from '../../src/topics/load-topics.js';
import { tempDir } from '../helpers.js';

describe('the topic library', () => {
  it("takes a brief's own topic over the shipped one of the same id, and does not read the shadowed file", async () => {
    const own = join(await tempDir(), 'topics');
    const other = await tempDir();
    await mkdir(own);
    const shipped = await readFile(join(builtinTopicsDir, 'spain-politics.yaml'), 'utf8');
    await writeFile(join(own, 'spain-politics.yaml'), shipped.replace(/^title: .*$/m, 'title: Spain, our way'));
    await writeFile(join(own, 'extra.yaml'), shipped.replace(/^id: .*$/m, 'id: extra'));
    // Broken, but shadowed by the valid extra.yaml above: never parsed.
    await writeFile(join(other, 'extra.yaml'), 'id: [not, a, topic\n');
    const library = await loadTopicLibrary([own, other, builtinTopicsDir]);
    expect(library.get('spain-politics')?.topic.title).toBe('Spain, our way');
    expect(library.get('spain-politics')?.file).toBe(join(own, 'spain-politics.yaml'));
    expect(library.get('extra')?.file).toBe(join(own, 'extra.yaml'));
    expect(library.get('russia-china')?.file).toBe(join(builtinTopicsDir, 'russia-china.yaml'));
    expect(library.size).toBe(10);
    // The same folder twice (a brief beside the shipped library) is the library once.
    expect([...(await loadTopicLibrary([builtinTopicsDir, builtinTopicsDir])).keys()]).toEqual([...(await loadTopicLibrary([builtinTopicsDir])).keys()]);
  });
});
