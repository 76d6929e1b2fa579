import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeViewModel } from '../src/markdown/escape-markdown.js';
import { generateBrief } from '../src/pipeline.js';
import { repoRoot, sampleBrief } from './helpers.js';

async function installed(name: string): Promise<string> {
  return (JSON.parse(await readFile(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function atLeast(version: string, floor: string): boolean {
  const [a, b] = [version, floor].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (a![i]! !== b![i]!) return a![i]! > b![i]!;
  return true;
}

describe('security floors (docs: reliability)', () => {
  it.each([
    ['handlebars', '4.7.9'],
    ['yaml', '2.8.3'],
    ['fast-xml-parser', '5.10.1'],
  ])('%s >= %s', async (name, floor) => {
    expect(atLeast(await installed(name), floor), `${name} ${await installed(name)}`).toBe(true);
  });
});

describe('what reaches templates', () => {
  it('is only strings, numbers, booleans, arrays and plain objects', async () => {
    const { view } = await generateBrief({ briefFile: sampleBrief, now: new Date(0), outDir: '/nonexistent', store: ':memory:', write: false });
    const check = (value: unknown, path: string): void => {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
      if (Array.isArray(value)) return value.forEach((item, i) => check(item, `${path}[${i}]`));
      expect(Object.getPrototypeOf(value), path).toBe(Object.prototype);
      for (const [key, item] of Object.entries(value as object)) check(item, `${path}.${key}`);
    };
    check(escapeViewModel(view), '$');
  });
});
