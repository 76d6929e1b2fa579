#!/usr/bin/env node
// npm run eval: scores the seeds brief and the sample brief against their facts files.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'brief.js');
const runs = [
  { name: 'shared seeds', brief: 'eval/seeds.yaml', facts: '../shared/eval/seeds-facts.yaml', needs: '../shared/seeds' },
  { name: 'sample corpus', brief: 'briefs/ukraine-weekly.yaml', facts: 'eval/ukraine-weekly-facts.yaml' },
];
let failed = 0;
for (const run of runs) {
  if (run.needs && !existsSync(join(root, run.needs))) {
    console.log(`\n## ${run.name}: skipped (${run.needs} not found)`);
    continue;
  }
  console.log(`\n## ${run.name}: ${run.brief} against ${run.facts}\n`);
  const result = spawnSync(process.execPath, [cli, 'eval', run.brief, '--facts', run.facts, '--no-store'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
