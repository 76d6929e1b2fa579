import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplate, createTemplateEnvironment, runtimeOptions } from '../../src/markdown/handlebars-env.js';
import { KEPT, lintedClean, rememberClean, type TemplateCacheSettings } from '../../src/markdown/template-cache.js';
import { tempDir } from '../helpers.js';

const main = `# {{title}}\n{{#each items}}- {{> item}} ({{plural count "source"}})\n{{/each}}{{#if (eq items.length 2)}}two{{/if}}\n`;
const partials = { item: '**{{name}}**', broken: '{{#each}}never used' };
const view = { title: 'Kyiv', items: [{ name: 'Guarantees', count: 2 }, { name: 'Grid', count: 1 }] };

/** Renders `source` with the partials, compiling through the template cache of `settings`, and counts Handlebars' compiles. */
function render(source: string, settings: TemplateCacheSettings, data: unknown = view): { output: string; compiles: number } {
  const env = createTemplateEnvironment({});
  let compiles = 0;
  const precompile = env.precompile.bind(env);
  env.precompile = ((...args: Parameters<typeof precompile>) => {
    compiles++;
    return precompile(...args);
  }) as typeof precompile;
  for (const [name, partial] of Object.entries(partials)) env.registerPartial(name, compileTemplate(env, partial, settings));
  return { output: compileTemplate(env, source, settings)(data, runtimeOptions), compiles };
}

const specs = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.js'));

describe('compiled templates kept between runs (src/markdown/template-cache.ts)', () => {
  it('renders as Handlebars compiles, and compiles nothing the second time', async () => {
    const dir = await tempDir();
    const uncached = render(main, { dir: undefined, build: undefined });
    expect(uncached.output).toBe('# Kyiv\n- **Guarantees** (2 sources)\n- **Grid** (1 source)\ntwo\n');
    const first = render(main, { dir, build: undefined });
    expect(first).toEqual(uncached);
    // The main template and the partial used; the partial never used is never compiled.
    expect(await specs(dir)).toHaveLength(2);
    expect(render(main, { dir, build: undefined })).toEqual({ output: uncached.output, compiles: 0 });
  });

  it('throws what Handlebars throws: a misspelt field (strict), a template that does not parse', async () => {
    const dir = await tempDir();
    const settings = { dir, build: undefined };
    const errorOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    const misspelt = '{{titel}}';
    const expected = errorOf(() => render(misspelt, { dir: undefined, build: undefined }));
    expect(expected).toMatch(/"titel" not defined/);
    expect(errorOf(() => render(misspelt, settings))).toBe(expected);
    // Kept, and read back: the same error from the kept code.
    expect(errorOf(() => render(misspelt, settings))).toBe(expected);
    const unparsable = '{{#each items}}';
    expect(errorOf(() => render(unparsable, settings))).toBe(errorOf(() => render(unparsable, { dir: undefined, build: undefined })));
    expect(errorOf(() => render(unparsable, settings))).toMatch(/Parse error|Expecting/);
  });

  it('compiles afresh, and replaces, a damaged file or one another user could change', async () => {
    const dir = await tempDir();
    const settings = { dir, build: undefined };
    const expected = render(main, settings).output;
    const [file] = (await specs(dir)).sort();
    const path = join(dir, file!);
    const good = await readFile(path, 'utf8');
    await writeFile(path, good.slice(0, good.length / 2));
    expect(render(main, settings).output).toBe(expected);
    expect(await readFile(path, 'utf8')).toBe(good);
    // Code anyone could have written is not run: here it would print something else.
    await writeFile(path, good.replaceAll('**', '!!'));
    await chmod(path, 0o666);
    expect(render(main, settings).output).toBe(expected);
    expect(await readFile(path, 'utf8')).toBe(good);
    expect((await stat(path)).mode & 0o077).toBe(0);
  });

  it(`keeps the ${KEPT} most recently used files`, async () => {
    const dir = await tempDir();
    const settings = { dir, build: undefined };
    for (let i = 0; i < KEPT + 5; i++) render(`{{title}} ${i}`, settings);
    const kept = await specs(dir);
    expect(kept).toHaveLength(KEPT);
    // The last one written is among them, read back without compiling.
    expect(render(`{{title}} ${KEPT + 4}`, settings).compiles).toBe(0);
  });
});

describe('templates linted clean, kept per build', () => {
  it('are known clean for the same texts and build only, and never without a build', async () => {
    const dir = await tempDir();
    const texts = { main, partials: { item: { source: partials.item } }, email: { source: 'Dear reader' } };
    const settings = { dir, build: 'build-a' };
    expect(lintedClean(texts, settings)).toBe(false);
    rememberClean(texts, settings);
    expect(lintedClean(texts, settings)).toBe(true);
    expect(lintedClean({ ...texts, partials: { item: { source: '{{nme}}' } } }, settings)).toBe(false);
    expect(lintedClean({ ...texts, email: undefined }, settings)).toBe(false);
    expect(lintedClean({ ...texts, main: `${main} ` }, settings)).toBe(false);
    expect(lintedClean(texts, { dir, build: 'build-b' })).toBe(false);
    const unbuilt = await tempDir();
    rememberClean(texts, { dir: unbuilt, build: undefined });
    expect(lintedClean(texts, { dir: unbuilt, build: undefined })).toBe(false);
    expect(await readdir(unbuilt)).toEqual([]);
  });
});
