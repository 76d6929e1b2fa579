#!/usr/bin/env node
import { main } from './cli.js';
import { processIO } from './run.js';

// `brief sources | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processIO);
