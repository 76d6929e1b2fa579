import { availableParallelism } from 'node:os';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExitCode } from '../errors.js';
import type { CommandIO } from '../run.js';
import type { PeriodFlags } from './period-option.js';
import type { Job } from './serve-jobs.js';

export interface RunOptions extends PeriodFlags {
  briefs: string[];
  out: string;
  store: string;
  /** false (--no-refresh): every brief reads the store as last ingested. */
  refresh?: boolean;
  force: boolean;
  send: boolean;
  jobs?: number;
  json: boolean;
  quiet: boolean;
}

interface Outcome {
  brief: string;
  code: number;
  /** The first error line, or what was written. */
  summary: string;
  outputs: string[];
  seconds: number;
}

/** Exit codes from least to most serious: the run exits with the worst of its briefs'. */
const severity = [ExitCode.ok, ExitCode.tempFail, ExitCode.cantCreate, ExitCode.protocol, ExitCode.noPerm, ExitCode.config, ExitCode.usage, ExitCode.noInput, ExitCode.dataErr, ExitCode.ioErr, ExitCode.deliveryUnknown, ExitCode.software];

export function worstExitCode(codes: readonly number[]): number {
  return codes.reduce((worst, code) => (severity.indexOf(code as ExitCode) > severity.indexOf(worst as ExitCode) ? code : worst), ExitCode.ok);
}

/** Every brief in a folder (its *.yaml files other than recipients and entities). */
async function briefsIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => /\.ya?ml$/.test(name) && !/^(recipients|entities)\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
}

/** A worker thread that generates the briefs it is sent (src/commands/run-worker.ts). */
function startWorker(): Worker {
  return new Worker(new URL('./run-worker.js', import.meta.url));
}

/** Runs one brief on a worker; `alive` is false when the worker died with it (a new one takes the next brief). */
export function runOn(worker: Worker, brief: string, options: RunOptions, io: CommandIO, onLine: (brief: string, text: string) => void): Promise<Outcome & { alive: boolean }> {
  const started = performance.now();
  const job: Job = {
    now: io.now().toISOString(),
    options: {
      brief,
      out: options.out,
      store: options.store,
      force: options.force,
      includeUndated: false,
      ...(options.refresh === false && { refresh: false }),
      quiet: true,
      ...(options.send && { send: true }),
      ...(options.week && { week: options.week }),
      ...(options.month && { month: options.month }),
      ...(options.date && { date: options.date }),
      ...(options.from && { from: options.from }),
      ...(options.to && { to: options.to }),
    },
  };
  return new Promise((resolve) => {
    const lines: string[] = [];
    const outputs: string[] = [];
    const onMessage = (message: { type: string; stream?: string; text?: string; code?: number }) => {
      if (message.type === 'line') {
        lines.push(message.text!);
        if (/^(wrote|unchanged) /.test(message.text!)) outputs.push(message.text!.replace(/^\w+ /, ''));
        onLine(brief, message.text!);
      } else if (message.type === 'done') finish(message.code!, true);
    };
    const onError = (error: Error) => lines.push(`error[internal]: ${error.message}`);
    const onExit = () => finish(ExitCode.software, false);
    const finish = (code: number, alive: boolean) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      const error = lines.find((line) => line.startsWith('error['));
      const sent = lines.find((line) => /^(sent to|already sent)/.test(line));
      const summary = (error ?? sent ?? `${outputs.length} files written or unchanged`).split('\n')[0]!;
      resolve({ brief, code, summary, outputs, seconds: (performance.now() - started) / 1000, alive });
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}

/**
 * `brief run`: every brief in briefs/ (or those named), in parallel worker threads. One failing
 * brief does not stop the others; a summary table ends the run (or --json), and the exit code is
 * the worst of the briefs'.
 */
export async function runAllCommand(options: RunOptions, io: CommandIO): Promise<number> {
  const briefs = options.briefs.length > 0 ? options.briefs : await briefsIn('briefs');
  if (briefs.length === 0) {
    io.stderr('error[no-briefs]: no briefs to run (briefs/*.yaml is empty)');
    return ExitCode.noInput;
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), briefs.length));
  const progress = createProgress(io, briefs, options.quiet);
  const outcomes: Outcome[] = [];
  let next = 0;
  // One worker thread per job slot, each taking briefs until none are left; a worker that dies
  // with its brief (reported as an internal error) is replaced for the next one.
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let worker: Worker | undefined;
      try {
        while (next < briefs.length) {
          const brief = briefs[next++]!;
          progress.start(brief);
          worker ??= startWorker();
          const { alive, ...outcome } = await runOn(worker, brief, options, io, progress.line);
          if (!alive) worker = undefined;
          progress.finish(outcome.brief, outcome.code);
          outcomes.push(outcome);
        }
      } finally {
        await worker?.terminate();
      }
    }),
  );
  progress.end();
  outcomes.sort((a, b) => briefs.indexOf(a.brief) - briefs.indexOf(b.brief));
  if (options.json) {
    io.stdout(JSON.stringify({ exitCode: worstExitCode(outcomes.map((o) => o.code)), briefs: outcomes }, null, 2));
  } else {
    const width = Math.max(5, ...outcomes.map((o) => basename(o.brief).length));
    io.stdout(`${'brief'.padEnd(width)}  exit  time   result`);
    for (const o of outcomes) io.stdout(`${basename(o.brief).padEnd(width)}  ${String(o.code).padStart(4)}  ${o.seconds.toFixed(1).padStart(4)}s  ${o.summary}`);
  }
  return worstExitCode(outcomes.map((o) => o.code));
}

/** Live progress on a terminal (one line per brief, redrawn); plain lines otherwise or with NO_COLOR. */
function createProgress(io: CommandIO, briefs: readonly string[], quiet: boolean) {
  const live = Boolean(process.stderr.isTTY) && !quiet;
  const color = live && !process.env.NO_COLOR;
  const state = new Map(briefs.map((brief) => [brief, 'waiting']));
  let drawn = 0;
  const paint = (text: string, code: number) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const draw = () => {
    if (!live) return;
    if (drawn > 0) process.stderr.write(`\u001b[${drawn}A`);
    for (const brief of briefs) {
      const status = state.get(brief)!;
      const shown = status === 'done' ? paint('done', 32) : status.startsWith('failed') ? paint(status, 31) : status;
      process.stderr.write(`\u001b[2K${basename(brief)}: ${shown}\n`);
    }
    drawn = briefs.length;
  };
  return {
    start(brief: string) {
      state.set(brief, 'running');
      if (live) draw();
      else if (!quiet) io.stderr(`${basename(brief)}: started`);
    },
    line(brief: string, text: string) {
      if (live) {
        if (/^(sources|analysis|rendering)/.test(text)) state.set(brief, text.split(':')[0]!);
        draw();
      } else if (!quiet && text.startsWith('error[')) io.stderr(`${basename(brief)}: ${text}`);
    },
    finish(brief: string, code: number) {
      state.set(brief, code === 0 ? 'done' : `failed (exit ${code})`);
      if (live) draw();
      else if (!quiet) io.stderr(`${basename(brief)}: ${code === 0 ? 'done' : `failed (exit ${code})`}`);
    },
    end() {
      if (live) draw();
    },
  };
}
