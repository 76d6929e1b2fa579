import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinTopicsDir } from '../../src/paths.js';
import { BriefError } from '../../src/errors.js';
import { loadEntityCatalog, loadTopicLibrary } from '../../src/topics/load-topics.js';
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
    expect(library.size).toBe(11);
    // The same folder twice (a brief beside the shipped library) is the library once.
    expect([...(await loadTopicLibrary([builtinTopicsDir, builtinTopicsDir])).keys()]).toEqual([...(await loadTopicLibrary([builtinTopicsDir])).keys()]);
  });
});

describe('the entity catalog', () => {
  it("reads who \"she\" and \"he\" stand for, and names the line of a pronoun given to no listed person, or to one twice", async () => {
    const dir = await tempDir();
    const file = join(dir, 'entities.yaml');
    const people = 'people:\n  Kaja Kallas: [Kallas]\n  Mark Rutte: [Rutte]\n';
    await writeFile(file, `${people}pronouns:\n  she: [Kaja Kallas]\n  he: [Mark Rutte]\n`);
    expect([...(await loadEntityCatalog(file)).pronouns]).toEqual([
      ['Kaja Kallas', 'she'],
      ['Mark Rutte', 'he'],
    ]);
    await writeFile(file, `${people}pronouns:\n  she:\n    - Kaja Kallas\n    - Kaja Kalas\n  he: [Mark Rutte, Kaja Kallas]\n`);
    const error = await loadEntityCatalog(file).then(() => undefined, (e: unknown) => e as BriefError);
    expect(error).toBeInstanceOf(BriefError);
    expect(error!.problems.map(({ line, col, message }) => ({ line, col, message }))).toEqual([
      { line: 7, col: 7, message: 'pronouns.she.1: "Kaja Kalas" is not one of the people listed above' },
      { line: 8, col: 20, message: 'pronouns.he.1: "Kaja Kallas" is listed under both "she" and "he"' },
    ]);
  });
});
