// Whole-process measurements: median wall time, CPU time (user + system) and peak RSS of repeated
// runs, taken with /usr/bin/time. Benchmarks unset NODE_EXTRA_CA_CERTS (it slows every node start).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAnalysisFile } from '../dist/cache-dir.js';

export const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/**
 * Removes the analyses Briefwright keeps in the benchmarks' cache folder (src/memoize-analysis.ts),
 * so the next run analyses afresh, as a brief's first run over new articles does. Rows that time a
 * brief regenerated after an edit to its judgments or templates keep them.
 */
export function forgetAnalyses() {
  const dir = env.BRIEF_CACHE_DIR;
  if (!dir || dir === 'off' || !existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (isAnalysisFile(name)) rmSync(join(dir, name), { force: true });
}

/** The middle value (the upper one of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `argv` `runs` times (after one warm-up) and returns medians. `before` runs untimed before each run. */
export function measure(label, argv, { runs = 5, cwd, before, warmup = true, extraEnv = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'brief-bench-'));
  const samples = [];
  try {
    for (let i = 0; i < runs + (warmup ? 1 : 0); i++) {
      before?.();
      const out = join(dir, 'time.txt');
      const timed = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%e %U %S %M', '-o', out, ...argv] : argv;
      const started = process.hrtime.bigint();
      const result = spawnSync(timed[0], timed.slice(1), { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (result.status !== 0) throw new Error(`${label} failed (${result.status}): ${result.stderr}`);
      if (warmup && i === 0) continue;
      const [, user, system, rss] = existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').at(-1).split(' ').map(Number) : [wall, NaN, NaN, NaN];
      samples.push({ wall, cpu: user + system, rss: rss / 1024 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { label, runs, wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rss: median(samples.map((s) => s.rss)) };
}

/** A Markdown table of results, with each wall time as a ratio to `base`. */
export function table(results, base) {
  const reference = results.find((r) => r.label === base)?.wall;
  const lines = ['| benchmark | runs | wall (median) | CPU | CPU / wall | peak RSS | × ' + base + ' |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of results) {
    const ratio = reference ? (r.wall / reference).toFixed(2) : '';
    lines.push(`| ${r.label} | ${r.runs} | ${r.wall.toFixed(3)} s | ${Number.isNaN(r.cpu) ? '' : `${r.cpu.toFixed(2)} s`} | ${Number.isNaN(r.cpu) ? '' : (r.cpu / r.wall).toFixed(2)} | ${Number.isNaN(r.rss) ? '' : `${r.rss.toFixed(0)} MB`} | ${ratio} |`);
  }
  return lines.join('\n');
}
