import { parentPort } from 'node:worker_threads';
import { runCommand, type CommandIO } from '../run.js';
import type { GenerateCommandOptions } from './generate.js';

/** One brief of `brief run`, as its worker thread is sent it. */
export interface Job {
  options: GenerateCommandOptions;
  now: string;
}

/**
 * The loop of a `brief run` worker thread (run-worker.ts): generates (and sends) the briefs it is
 * sent, one at a time, reporting each line and then the brief's exit code. The pipeline is loaded
 * once per thread, not once per brief. `onSuccess` is told after each brief that exits 0, before
 * its exit code is reported.
 */
export async function serveJobs(onSuccess: () => void = () => {}): Promise<void> {
  const { generateCommand } = await import('./generate.js');
  parentPort!.on('message', async (job: Job) => {
    const io: CommandIO = {
      stdout: (text) => parentPort!.postMessage({ type: 'line', stream: 'out', text }),
      stderr: (text) => parentPort!.postMessage({ type: 'line', stream: 'err', text }),
      now: () => new Date(job.now),
    };
    const code = await runCommand(io, () => generateCommand(job.options, io));
    // Before "done": the main thread may end this thread as soon as it has its last answer.
    if (code === 0) onSuccess();
    parentPort!.postMessage({ type: 'done', code });
  });
}
