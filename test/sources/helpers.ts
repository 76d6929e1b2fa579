import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceSpec } from '../../src/brief/brief.js';
import { resolvePeriod } from '../../src/period/period.js';
import { collectSources, type CollectOptions } from '../../src/sources/collect-sources.js';
import type { Store } from '../../src/store/open-store.js';
import { repoRoot, tempDir } from '../helpers.js';

export const fixtures = join(repoRoot, 'test', 'fixtures', 'sources');

/** A local HTTP server: serves the given paths and counts every request (a tripwire when empty). */
export async function startServer(routes: Record<string, string> = {}): Promise<{ url: string; hits: string[]; server: Server; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const body = routes[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Copies a fixture folder to a temp dir, replacing TRIPWIRE with a port. */
export async function copyFixtures(name: string, port = 9): Promise<string> {
  const dir = await tempDir();
  await cp(join(fixtures, name), dir, { recursive: true });
  for (const file of await readdir(dir)) {
    const path = join(dir, file);
    await writeFile(path, (await readFile(path, 'utf8')).replaceAll('TRIPWIRE', String(port)));
  }
  return dir;
}

/** A file source entry as a brief would give it. */
export function fileSource(path: string, extra: Partial<SourceSpec> = {}): SourceSpec {
  return { path, resolved: path, location: { file: join(path, 'brief.yaml'), line: 1, col: 1, message: '' }, ...extra };
}

/** Collects a week (2026-W04) from the given sources. */
export function collectWeek(store: Store, sources: SourceSpec[], baseDir: string, extra: Pick<CollectOptions, 'includeUndated' | 'fetchFeed' | 'scanned' | 'fullText'> = {}) {
  return collectSources(store, sources, { period: resolvePeriod({ week: '2026-W04' }, new Date(0)), timeZone: 'UTC', baseDir, now: new Date('2026-02-02T00:00:00Z'), ...extra });
}
