/**
 * A worker thread of `brief run` (see serve-jobs.ts). Built, it runs the CLI's bundle with V8's
 * code cache, as the `brief` command does (src/bin.ts), under a profile of its own ("worker")
 * written after its first brief that succeeds, and again after one that took a part of the
 * program the cache lacks (src/code-paths.ts): compiling the CLI afresh cost each worker ~0.2 s.
 * Compiled sources without the bundle (tsc alone) run as they are.
 */
const { runCliBundle } = await import('../code-cache.js');
const cli = runCliBundle('worker');
if (cli) {
  const partsTaken = cli.exports.partsTaken as () => ReadonlySet<string>;
  await (cli.exports.serveJobs as (onSuccess: () => void) => Promise<void>)(() => cli.saveCache(partsTaken()));
} else {
  await (await import('./serve-jobs.js')).serveJobs();
}

export {};
