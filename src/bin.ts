#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `brief --version` is answered before anything else loads: a start-up probe should cost a node start.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
} else {
  // The built CLI is one CommonJS bundle run with V8's code cache (scripts/bundle.js); compiled
  // sources without it (tsc alone) run as they are.
  const bundle = fileURLToPath(new URL('./brief-main.cjs', import.meta.url));
  if (existsSync(bundle)) {
    const { cacheProfile, runBundle } = await import('./code-cache.js');
    const argv = process.argv.slice(2);
    const { exports, saveCache } = runBundle(bundle, cacheProfile(argv));
    await (exports.start as (argv: readonly string[]) => Promise<void>)(argv);
    // A failed run may have stopped early, before compiling what the command normally runs.
    if (!process.exitCode) saveCache();
  } else {
    await (await import('./start.js')).start(process.argv.slice(2));
  }
}
