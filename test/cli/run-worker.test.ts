import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runOn } from '../../src/commands/run-all.js';

const io = { stdout: () => {}, stderr: () => {}, now: () => new Date('2026-02-04T09:00:00Z') };
const options = { briefs: [], out: 'output', store: ':memory:', force: false, send: false, json: false, quiet: true };
/** A stand-in for run-worker.js: answers each job with the given lines and exit code, or dies. */
const fake = (body: string) => new Worker(`const { parentPort } = require('node:worker_threads'); let n = 0; parentPort.on('message', (job) => { n++; ${body} });`, { eval: true });

describe('brief run on a worker thread', () => {
  it('gives one worker brief after brief, and reports a worker that dies with its brief as an internal error', async () => {
    const worker = fake(`
      parentPort.postMessage({ type: 'line', stream: 'out', text: 'wrote ' + job.options.brief + '.md' });
      if (n === 3) throw new Error('worker broke');
      parentPort.postMessage({ type: 'done', code: 0 });`);
    const lines: string[] = [];
    const onLine = (_brief: string, text: string) => lines.push(text);
    const first = await runOn(worker, 'a', options, io, onLine);
    const second = await runOn(worker, 'b', options, io, onLine);
    expect([first, second].map(({ code, summary, outputs, alive }) => ({ code, summary, outputs, alive }))).toEqual([
      { code: 0, summary: '1 files written or unchanged', outputs: ['a.md'], alive: true },
      { code: 0, summary: '1 files written or unchanged', outputs: ['b.md'], alive: true },
    ]);
    const third = await runOn(worker, 'c', options, io, onLine);
    expect(third).toMatchObject({ brief: 'c', code: 70, summary: 'error[internal]: worker broke', alive: false });
    expect(lines).toEqual(['wrote a.md', 'wrote b.md', 'wrote c.md']);
  });
});
