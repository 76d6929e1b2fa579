import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread of `brief run` (see serve-jobs.ts). Built, it runs the CLI's bundle with V8's
 * code cache, as the `brief` command does (src/bin.ts), under a profile of its own ("worker")
 * written after its first brief that succeeds: compiling the CLI afresh cost each worker ~0.2 s.
 * Compiled sources without the bundle (tsc alone) run as they are.
 */
const bundle = fileURLToPath(new URL('./brief-main.cjs', import.meta.url));
if (existsSync(bundle)) {
  const { runBundle } = await import('../code-cache.js');
  const { exports, saveCache } = runBundle(bundle, 'worker');
  let saved = false;
  await (exports.serveJobs as (onSuccess: () => void) => Promise<void>)(() => {
    if (!saved) saveCache();
    saved = true;
  });
} else {
  await (await import('./serve-jobs.js')).serveJobs();
}
