#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// `brief --version` is answered before anything else loads: a start-up probe should cost a node start.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
} else {
  const [{ main }, { processIO }] = await Promise.all([import('./cli.js'), import('./run.js')]);
  // `brief sources | head` closes stdout early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), processIO);
}
