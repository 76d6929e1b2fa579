// The loop of `brief run`'s worker threads, which run this bundle too (src/commands/run-worker.ts).
export { serveJobs } from './commands/serve-jobs.js';
// What the run went through, for the code cache it writes (src/code-cache.ts).
export { partsTaken } from './code-paths.js';

/** The CLI past `--version`'s fast path: parses the arguments, runs the command, sets the exit code. */
export async function start(argv: readonly string[]): Promise<void> {
  const [{ main }, { processIO }] = await Promise.all([import('./cli.js'), import('./run.js')]);
  // `brief sources | head` closes stdout early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main([...argv], processIO);
}
