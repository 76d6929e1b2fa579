import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS build script, without types
import { lazyLoading, lazyModules } from '../scripts/lazy-modules.js';
import { repoRoot, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);

describe('modules the CLI bundle loads on first use (scripts/lazy-modules.js)', () => {
  it('gives each function as the real module does, through a stand-in', async () => {
    // The stand-ins, bundled as the CLI bundles them.
    const entry = `
      import stringWidth from 'string-width';
      import decompress from 'brotli/decompress.js';
      import { cbc, ecb } from '@noble/ciphers/aes';
      export const calls = { stringWidth, decompress, cbc, ecb };
    `;
    const { outputFiles } = await build({ stdin: { contents: entry, resolveDir: repoRoot, sourcefile: 'entry.js' }, bundle: true, format: 'cjs', platform: 'node', write: false, plugins: [lazyLoading], logLevel: 'silent' });
    const text = outputFiles[0]!.text;
    const file = join(await tempDir(), 'bundle.cjs');
    await writeFile(file, text);
    const bundled = require(file).calls;

    expect(Object.keys(lazyModules).sort()).toEqual(['@noble/ciphers/aes', 'brotli/decompress.js', 'string-width']);
    // Each import became a stand-in, whose functions require the real module when first called.
    expect(text.match(/^\/\/ lazy-modules:/gm)).toHaveLength(3);

    const { default: stringWidth } = await import('string-width');
    expect(bundled.stringWidth('Zelenskyy 日本')).toBe(stringWidth('Zelenskyy 日本'));
    const original = Buffer.from('The grid operator said repairs would take a week.'.repeat(20));
    expect(Buffer.from(bundled.decompress(brotliCompressSync(original)))).toEqual(original);
    const { cbc, ecb } = await import('@noble/ciphers/aes');
    const key = new Uint8Array(16).fill(7);
    const iv = new Uint8Array(16).fill(3);
    const data = new TextEncoder().encode('sixteen byte msg');
    expect(bundled.cbc(key, iv).encrypt(data)).toEqual(cbc(key, iv).encrypt(data));
    expect(bundled.ecb(key).encrypt(data)).toEqual(ecb(key).encrypt(data));
  });
});
