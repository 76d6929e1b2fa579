import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const sampleBrief = join(repoRoot, 'briefs', 'ukraine-weekly.yaml');
/** The shared seeds and facts live beside the repo; tests that need them skip when absent. */
export const seedsDir = join(repoRoot, '..', 'shared', 'seeds');
export const seedsFactsFile = join(repoRoot, '..', 'shared', 'eval', 'seeds-facts.yaml');
export const haveSeeds = existsSync(seedsDir);
if (!haveSeeds) console.warn(`skipping seed tests: ${seedsDir} not found`);

export function tempDir(prefix = 'brief-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** True when a command-line tool (pdftotext, qpdf…) is on PATH. */
export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`skipping: ${name} is not installed (.ci/run installs it)`);
    return false;
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The signal that ended the process, if one did (FAULT_AT kills with SIGKILL). */
  signal?: string;
}

/** Spawns the built CLI (dist/brief.js, the bundled `brief` command) as a user would. */
export function spawnCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'dist', 'brief.js'), ...args],
      { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const signal = (error as { signal?: string } | null)?.signal ?? undefined;
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, ...(signal && { signal }) });
      },
    );
  });
}

/** Runs the CLI in-process with captured streams and a fixed clock. */
export async function runCli(args: readonly string[], now = new Date('2026-02-04T09:00:00Z')): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => now });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Text of a PDF via poppler's pdftotext (layout off, reading order). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
