#!/usr/bin/env node
// Whole-process timings of the CLI, median of N runs, reported as ratios measured in this run.
// Usage: npm run bench [-- --runs 7]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const cli = join(root, 'dist', 'bin.js');
const out = mkdtempSync(join(tmpdir(), 'brief-bench-'));
// NODE_EXTRA_CA_CERTS adds ~0.14 s to every node start on some machines; benchmarks leave it out.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const cases = [
  ['node -e 0', ['-e', '0']],
  ['brief --version', [cli, '--version']],
  ['brief validate (sample)', [cli, 'validate', 'briefs/ukraine-weekly.yaml']],
  ['brief generate (sample, md+pdf+json)', [cli, 'generate', 'briefs/ukraine-weekly.yaml', '--out', out, '--force', '-q']],
];
const results = cases.map(([name, args]) => ({ name, ms: time(args) }));
const base = results[0].ms;
console.log(`median of ${runs} whole-process runs, node ${process.version}, ${process.platform}/${process.arch}\n`);
console.log('| command | median ms | × node -e 0 |\n|---|---:|---:|');
for (const { name, ms } of results) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / base).toFixed(2)} |`);
rmSync(out, { recursive: true, force: true });

// Analysis on one core, in-process (issue target: 1,000 articles under 2 s).
console.log('');
spawnSync(process.execPath, [join(root, 'bench', 'analysis.js'), '1000'], { cwd: root, env, stdio: 'inherit' });
