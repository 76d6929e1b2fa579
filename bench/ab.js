#!/usr/bin/env node
// Interleaved before/after timing of two commands: N pairs run alternately, so both see the same
// machine (a shared host drifts by up to ~1.5× over minutes); prints each median and their ratio.
// Usage: node bench/ab.js N label <before command…> -- <after command…>
import { spawnSync } from 'node:child_process';
import { env, median } from './lib.js';

const [count, label, ...rest] = process.argv.slice(2);
const split = rest.indexOf('--');
if (!Number(count) || !label || split < 1 || split === rest.length - 1) {
  console.error('usage: node bench/ab.js N label <before command…> -- <after command…>');
  process.exit(64);
}
const commands = [rest.slice(0, split), rest.slice(split + 1)];
const time = ([command, ...args]) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
  return Number(process.hrtime.bigint() - started) / 1e9;
};
commands.forEach(time); // warm-up
const samples = [[], []];
for (let i = 0; i < Number(count); i++) commands.forEach((command, side) => samples[side].push(time(command)));
const [before, after] = samples.map(median);
console.log(`${label}: before ${before.toFixed(3)} s, after ${after.toFixed(3)} s, ratio ${(before / after).toFixed(2)}`);
