import { DEFAULT_STORE } from '../store/open-store.js';

/** `--store <file>` or `--no-store` (false: a throwaway in-memory store). */
export function storePath(option: string | false | undefined): string {
  if (option === false) return ':memory:';
  return option ?? DEFAULT_STORE;
}
