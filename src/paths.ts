import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root folder (holds templates/ and the shipped topic library). */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const builtinTopicsDir = join(packageRoot, 'briefs', 'topics');
export const builtinEntitiesFile = join(packageRoot, 'briefs', 'entities.yaml');
export const builtinTemplatesDir = join(packageRoot, 'templates');

let version: string | undefined;

/** Briefwright's version, from its package.json (read once). */
export function packageVersion(): string {
  return (version ??= (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version);
}

/** `relative/path` for messages: relative to `baseDir` when inside it; a feed's URL as it is. */
export function displayPath(file: string, baseDir: string): string {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(file)) return file;
  const shown = relative(baseDir, file);
  return shown && !shown.startsWith('..') ? shown.split(sep).join('/') : file;
}
