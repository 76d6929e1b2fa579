import { homedir } from 'node:os';
import { join } from 'node:path';

/** The cache folder: BRIEF_CACHE_DIR, else $XDG_CACHE_HOME/briefwright or ~/.cache/briefwright; "off" disables it. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BRIEF_CACHE_DIR === 'off') return undefined;
  if (env.BRIEF_CACHE_DIR) return env.BRIEF_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'briefwright');
}
