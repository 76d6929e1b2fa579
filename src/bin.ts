#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// `brief --version` is answered before anything else loads: a start-up probe should cost a node start.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
} else {
  // The built CLI is one CommonJS bundle run with V8's code cache (scripts/bundle.js); compiled
  // sources without it (tsc alone) run as they are.
  const { cacheProfile, runCliBundle } = await import('./code-cache.js');
  const argv = process.argv.slice(2);
  const cli = runCliBundle(cacheProfile(argv));
  if (cli) {
    await (cli.exports.start as (argv: readonly string[]) => Promise<void>)(argv);
    // A failed run may have stopped early, before compiling what the command normally runs.
    if (!process.exitCode) cli.saveCache((cli.exports.partsTaken as () => ReadonlySet<string>)());
  } else {
    await (await import('./start.js')).start(argv);
  }
}
