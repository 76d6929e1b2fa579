import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewModelShape } from '../../src/briefing/view-model-shape.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { lintTemplate } from '../../src/templates/lint-template.js';
import { loadTemplate } from '../../src/templates/load-template.js';
import { repoRoot, sampleBrief } from '../helpers.js';
import { generateBrief } from '../../src/pipeline.js';

const dir = join(repoRoot, 'test', 'fixtures', 'templates', 'hostile');
const partials = new Map([['self', { file: 'partials/self.hbs', source: '{{> self}}\n' }]]);
const lint = async (name: string) => lintTemplate({ file: name, source: await readFile(join(dir, name), 'utf8') }, { root: viewModelShape, partials });

describe('the linter refuses hostile and broken templates with template:line:col', () => {
  it.each([
    ['typo-field.hbs', 1, 3, /"artcle\.title" is not defined in the view model \(fields here: schemaVersion, brief/],
    ['constructor-call.hbs', 1, 3, /unknown helper "constructor\.constructor"/],
    ['lookup-constructor.hbs', 1, 3, /the lookup helper is not allowed/],
    ['with-proto.hbs', 1, 9, /"__proto__" is not allowed/],
    ['lookup-setter.hbs', 1, 3, /"__lookupSetter__" is not allowed/],
    ['decorator.hbs', 1, 1, /decorators .* are not allowed/],
    ['partial-block.hbs', 1, 1, /\{\{> @partial-block\}\} is not allowed/],
    ['dynamic-partial.hbs', 1, 1, /dynamic partials .* are not allowed/],
    ['triple-stash.hbs', 1, 1, /triple-stash .* is not allowed/],
    ['each-constructor.hbs', 1, 9, /#each needs a list; "this" is a object/],
    ['prototype-chain-poc.hbs', 1, 9, /#with needs an object/],
    ['recursive-partial.hbs', 1, 1, /template recursion: partial "self" includes itself \(self → self\)/],
    ['syntax-error.hbs', 2, 1, /syntax error/],
  ])('%s', async (name, line, col, message) => {
    const problems = await lint(name);
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    // A recursion is reported where it happens: in the partial that includes itself.
    expect(problems[0]).toMatchObject({ file: name === 'recursive-partial.hbs' ? 'partials/self.hbs' : name, line, col });
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('covers every payload in the fixture folder', async () => {
    expect((await readdir(dir)).length).toBe(13);
  });

  it('accepts the three built-in templates', async () => {
    for (const name of ['weekly', 'one-pager', 'memo']) await expect(loadTemplate(name, repoRoot)).resolves.toMatchObject({ name });
  });
});

describe('with the linter bypassed, the runtime still gives no side effect', () => {
  it.each(['constructor-call.hbs', 'lookup-constructor.hbs', 'with-proto.hbs', 'lookup-setter.hbs', 'each-constructor.hbs', 'prototype-chain-poc.hbs', 'dynamic-partial.hbs'])(
    '%s',
    async (name) => {
      const template = { ...(await loadTemplate('weekly', repoRoot)), main: await readFile(join(dir, name), 'utf8') };
      const { view } = await generateBrief({ briefFile: sampleBrief, now: new Date(0), outDir: '/nonexistent', store: ':memory:', write: false });
      let output = '';
      try {
        output = renderMarkdown(view, template);
      } catch {
        // Refusing to render is as safe as rendering nothing.
      }
      expect((globalThis as Record<string, unknown>).__briefwright_pwned).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(output).not.toMatch(/function|\[native code\]|process/);
      expect(existsSync('/tmp/pwned')).toBe(false);
    },
  );
});
