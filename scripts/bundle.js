#!/usr/bin/env node
// Bundles the compiled code (tsc's dist/) so a start reads one module graph instead of ~400 files:
// dist/brief.js, the `brief` command, and dist/run-worker.js, `brief run`'s worker, as ES modules
// with shared chunks; then the CLI itself as one CommonJS file (below). better-sqlite3 is native
// and stays in node_modules; so do pdfkit and fontkit for the ES-module build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lazyLoading } from './lazy-modules.js';
import { convertNumbersFirst } from './pdfkit-convert.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Chunks are named bundle-*.js; the previous build's are removed first (their hashes change), and
// so are CommonJS bundles other than the two written below (an earlier build's, under an older name).
const bundles = new Set(['brief-main.cjs', 'scan-sources-worker.cjs']);
for (const name of readdirSync(dist)) if (/^bundle-.*\.js$/.test(name) || (name.endsWith('.cjs') && !bundles.has(name))) rmSync(join(dist, name));

/**
 * yargs guesses a version when it is created: it lists folder after folder, upwards from its own
 * package's, until one holds a package.json. Bundled, its package folder is unknown (its path has
 * no node_modules), so it starts from the working directory: every command listed that folder and
 * each above it (24 ms in a /tmp of 39,000 entries). The CLI gives its version itself
 * (src/cli.ts), so the guess is not made. A later yargs written otherwise is left as it is.
 */
const yargsNoVersionGuess = {
  name: 'yargs-no-version-guess',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yargs[\\/]build[\\/]lib[\\/]yargs-factory\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/^(\s*)yargs\.version\(\);$/m, '$1// yargs.version(): the CLI sets its own (scripts/bundle.js).'), loader: 'js' };
    });
  },
};

await build({
  entryPoints: { brief: join(dist, 'bin.js'), 'run-worker': join(dist, 'commands', 'run-worker.js') },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'bundle-[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit', 'better-sqlite3'],
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __briefRequire } from 'node:module'; const require = __briefRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [yargsNoVersionGuess],
});

/**
 * pdfkit finds its standard-font metrics (a package import, "#standard-fonts/…") and its colour
 * profile (js/data/) from its own module URL. Bundled, that URL would be the bundle's, so in
 * pdfkit's files it is the installed package's, found at run time. Its PDFObject.convert tests
 * numbers and references first (scripts/pdfkit-convert.js).
 */
const pdfkitInPlace = {
  name: 'pdfkit-in-place',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/][^\\/]+\.m?js$/ }, async (args) => {
      const source = convertNumbersFirst(await readFile(args.path, 'utf8'));
      return { contents: `var __pdfkitUrl = require('node:url').pathToFileURL(require.resolve('pdfkit')).href;\n${source.replaceAll('import.meta.url', '__pdfkitUrl')}`, loader: 'js' };
    });
  },
};

/** tiny-inflate, as the bundle's dependencies import it, is scripts/native-inflate.cjs (see there). */
const nativeInflate = {
  name: 'native-inflate',
  setup(b) {
    b.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: join(root, 'scripts', 'native-inflate.cjs') }));
  },
};

/**
 * fdir (tinyglobby's folder walker) requires picomatch at load, when installed, for a glob method
 * tinyglobby does not call. Through createRequire that is Node's own loader: five files resolved
 * and compiled on every start (~5 ms, in the CLI and in the scan worker), outside the bundle and
 * its code cache. As a plain require() it is the bundled copy tinyglobby already loads. A later
 * fdir written otherwise is left as it is (it only costs that time).
 */
const fdirPicomatch = {
  name: 'fdir-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
      return { contents: source.replace(optional, 'pm = require("picomatch");'), loader: 'js' };
    });
  },
};

/** A CommonJS bundle of one entry in dist/: only better-sqlite3, native, is left in node_modules. */
const commonJs = (entry, outName, options = {}) =>
  build({
    entryPoints: [join(dist, entry)],
    outfile: join(dist, outName),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: { js: "const __briefBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
    define: { 'import.meta.url': '__briefBundleUrl', ...options.define },
    plugins: [fdirPicomatch, yargsNoVersionGuess, ...(options.plugins ?? [])],
  });

/**
 * The bundle's identity (src/build-id.ts): written in as this placeholder, then replaced by the
 * SHA-256 of the bundle's final text, so it changes with any change to the code or a dependency.
 */
const BUILD_ID_PLACEHOLDER = 'briefwright-build-id-to-be-replaced-by-scripts-bundle-js';

// The CLI itself, as one CommonJS file that dist/brief.js runs with V8's code cache (src/code-cache.ts):
// Node 20 keeps no compiled code for ES modules, and compiling the bundle is ~0.1 s of every start.
// pdfkit and fontkit are inside it, so their compiled code is cached too (compiling them took
// ~40 ms of each brief). Our modules' import.meta.url is the bundle's own (it sits in dist/, as
// the modules did).
await commonJs('start.js', 'brief-main.cjs', {
  plugins: [pdfkitInPlace, lazyLoading, nativeInflate],
  define: { __BRIEF_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER) },
  // pdfkitInPlace's require.resolve('pdfkit') is meant to find the installed package at run time.
  logOverride: { 'require-resolve-not-external': 'silent' },
});

// The background scan's worker (src/sources/scan-sources.ts), on its own: a worker
// thread loads only the file search and the store, ~0.1 MB instead of the CLI's 6 MB.
await commonJs(join('sources', 'scan-sources-worker.js'), 'scan-sources-worker.cjs');

// esbuild writes ASCII but for some regular-expression literals; escaped as \uXXXX (the same
// characters to the parser, in strings, regexps and identifiers alike), the bundle reads as
// Latin-1, ~20 ms faster a start than decoding 6 MB of UTF-8 (src/code-cache.ts). A character
// already escaped ("\—", odd backslashes before it) loses that backslash: "\u2014" replaces it.
const main = join(dist, 'brief-main.cjs');
const escapeNonAscii = (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const ascii = readFileSync(main, 'utf8').replace(/(\\*)([^\0-\x7f])/g, escapeNonAscii);
if (!ascii.includes(BUILD_ID_PLACEHOLDER)) throw new Error('scripts/bundle.js: the build id placeholder is missing from the bundle (src/build-id.ts)');
writeFileSync(main, ascii.replaceAll(BUILD_ID_PLACEHOLDER, createHash('sha256').update(ascii).digest('hex')));
