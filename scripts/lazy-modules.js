// An esbuild plugin for scripts/bundle.js (and its test, test/lazy-modules.test.ts).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Modules whose loading does work at every start that only some runs need, each with the
 * functions it is imported for and how to reach them on the loaded module:
 * - string-width (imported by yargs, cliui and wrap-ansi) builds an Intl.Segmenter and an emoji
 *   regular expression as it loads (~30 ms), though only --help and usage errors measure text;
 * - brotli's decoder (fontkit, for WOFF2 fonts; the shipped ones are TTF) unpacks its dictionary
 *   (~12 ms);
 * - @noble/ciphers' AES (pdfkit, for encrypted PDFs, which Briefwright never writes) builds its
 *   tables (~7 ms).
 * Each import gets a stand-in whose functions load the real module on their first call.
 */
export const lazyModules = {
  'string-width': { default: '.default' },
  'brotli/decompress.js': { default: '' },
  '@noble/ciphers/aes': { cbc: '.cbc', ecb: '.ecb' },
};
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
export const lazyLoading = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(lazyModules).map(escapeRegExp).join('|')})$`);
    b.onResolve({ filter }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'real' });
      if (real.errors.length) return { errors: real.errors };
      return { path: relative(root, real.path), namespace: 'lazy-modules', pluginData: { real: real.path, name: args.path } };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-modules' }, ({ pluginData: { real, name } }) => {
      const load = `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(real)}));\n`;
      const exports = Object.entries(lazyModules[name]).map(([exported, path]) =>
        exported === 'default' ? `export default function (...args) {\n  return load()${path}(...args);\n}\n` : `export function ${exported}(...args) {\n  return load()${path}(...args);\n}\n`,
      );
      return { contents: load + exports.join(''), resolveDir: dirname(real), loader: 'js' };
    });
  },
};
