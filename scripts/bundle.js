#!/usr/bin/env node
// Bundles the compiled code (tsc's dist/) so a start reads one module graph instead of ~400 files:
// dist/brief.js, the `brief` command, and dist/run-worker.js, `brief run`'s worker, as ES modules
// with shared chunks; then the CLI itself as one CommonJS file (below). pdfkit reads its font
// metrics from files beside it (and shares fontkit with us), and better-sqlite3 is native: they
// stay in node_modules.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
// Chunks are named bundle-*.js; the previous build's are removed first (their hashes change).
for (const name of readdirSync(dist)) if (/^bundle-.*\.js$/.test(name)) rmSync(join(dist, name));

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
});

// The CLI itself, as one CommonJS file that dist/brief.js runs with V8's code cache (src/code-cache.ts):
// Node 20 keeps no compiled code for ES modules, and compiling the bundle is ~0.1 s of every start.
// Every module's import.meta.url is the bundle's own (it sits in dist/, as the modules did).
await build({
  entryPoints: [join(dist, 'start.js')],
  outfile: join(dist, 'brief-main.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit', 'better-sqlite3'],
  define: { 'import.meta.url': '__briefBundleUrl' },
  banner: { js: "const __briefBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});
