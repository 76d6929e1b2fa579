import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnCli, tempDir } from '../helpers.js';

/** A preload that records every folder the process lists with readdirSync, into $LISTED on exit. */
const spy = `
const fs = require('node:fs');
const listed = [];
const readdirSync = fs.readdirSync;
fs.readdirSync = function (dir, ...rest) { listed.push(String(dir)); return readdirSync.call(this, dir, ...rest); };
process.on('exit', () => fs.writeFileSync(process.env.LISTED, JSON.stringify(listed)));
`;

describe('the brief command at start-up', () => {
  it("lists no folder of the working directory's: its cost does not grow with what the user keeps there", async () => {
    const dir = await tempDir();
    const preload = join(dir, 'spy.cjs');
    await writeFile(preload, spy);
    // Where yargs would have looked for a version: the working directory, then each folder above it.
    const cwd = await tempDir();
    await writeFile(join(cwd, 'package.json'), JSON.stringify({ name: 'not-briefwright', version: '9.9.9' }));
    const listed = join(dir, 'listed.json');
    const env = { NODE_OPTIONS: `--require ${preload}`, LISTED: listed, BRIEF_CACHE_DIR: join(dir, 'cache') };
    const topics = await spawnCli(['topics'], { cwd, env });
    expect(topics.code, topics.stderr).toBe(0);
    expect(topics.stdout).toContain('spain-politics');
    expect(JSON.parse(await readFile(listed, 'utf8'))).not.toContain(cwd);
    // The version is still the command's own, on the fast path and through yargs.
    const { version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['topics', '--version']]) expect((await spawnCli(args, { cwd, env })).stdout.trim()).toBe(version);
  });
});
