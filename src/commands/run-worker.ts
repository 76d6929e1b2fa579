import { parentPort, workerData } from 'node:worker_threads';
import { runCommand, type CommandIO } from '../run.js';
import type { GenerateCommandOptions } from './generate.js';

/** One brief of `brief run`, in a worker thread: generate (and send), reporting lines and the exit code. */
interface Job {
  options: GenerateCommandOptions;
  now: string;
}

const job = workerData as Job;
const lines: { stream: 'out' | 'err'; text: string }[] = [];
const io: CommandIO = {
  stdout: (text) => {
    lines.push({ stream: 'out', text });
    parentPort!.postMessage({ type: 'line', stream: 'out', text });
  },
  stderr: (text) => {
    lines.push({ stream: 'err', text });
    parentPort!.postMessage({ type: 'line', stream: 'err', text });
  },
  now: () => new Date(job.now),
};
const { generateCommand } = await import('./generate.js');
const code = await runCommand(io, () => generateCommand(job.options, io));
parentPort!.postMessage({ type: 'done', code });
