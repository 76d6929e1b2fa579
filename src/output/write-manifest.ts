import { readlink, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { resolvePeriod } from '../period/period.js';
import type { Period } from '../period/period.js';
import type { OutputFile } from './write-outputs.js';
import { sha256 } from '../bytes.js';

export const MANIFEST_FILE = 'manifest.json';

export interface Manifest {
  tool: { name: string; version: string };
  brief: { id: string; file: string; sha256: string };
  period: Period;
  template: { name: string; files: { file: string; sha256: string }[] };
  /** The source files (and feeds) whose articles the brief used, with their content hashes. */
  inputs: { file: string; sha256: string }[];
  outputs: { name: string; sha256: string; bytes: number }[];
}

/** The manifest as bytes: what went in and what came out, with hashes; no timestamps, so it is reproducible. */
export function buildManifest(parts: Omit<Manifest, 'outputs'>, outputs: readonly OutputFile[]): OutputFile {
  const manifest: Manifest = {
    ...parts,
    inputs: [...parts.inputs].sort((a, b) => a.file.localeCompare(b.file)),
    outputs: outputs.map((file) => ({ name: file.name, sha256: sha256(file.bytes), bytes: file.bytes.length })).sort((a, b) => a.name.localeCompare(b.name)),
  };
  return { name: MANIFEST_FILE, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
}

function startOf(label: string): string {
  const week = /^\d{4}-W\d{2}$/.test(label) ? resolvePeriod({ week: label }, new Date(0)).from : undefined;
  return week ?? (/^\d{4}-\d{2}$/.test(label) ? `${label}-01` : label.slice(0, 10));
}

/** Points `<out>/<brief>/latest` at this period's folder, unless a newer period is already there. */
export async function updateLatest(folder: string, label: string): Promise<void> {
  const link = join(dirname(folder), 'latest');
  const current = await readlink(link).catch(() => undefined);
  if (current && current !== label && startOf(current) > startOf(label)) return;
  if (current === label) return;
  const temp = `${link}.tmp-${process.pid}`;
  await rm(temp, { force: true });
  await symlink(label, temp);
  await rename(temp, link);
}
