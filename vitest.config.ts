import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Node resolves chrono-node's wildcard subpath export ("./*"); vite's resolver does not.
      'chrono-node/en': fileURLToPath(new URL('./node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The caches (shaped words, the CLI's compiled code) go to a folder of this run's own, never the user's ~/.cache.
    env: { BRIEF_CACHE_DIR: mkdtempSync(join(tmpdir(), 'brief-test-cache-')) },
  },
});
