import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ViewModel } from '../../src/briefing/view-model.js';
import { haveSeeds, seedsDir, spawnCli, tempDir } from '../helpers.js';

/** Each topic's section text (developments) from the JSON view model. */
function sections(view: ViewModel): Record<string, string> {
  return Object.fromEntries(view.topics.map((topic) => [topic.id, topic.developments.map((d) => `${d.headline} ${d.text}`).join('\n')]));
}

describe.skipIf(!haveSeeds)('the seeds brief (three mission topics, 2026-01-19..2026-02-01)', () => {
  let view: ViewModel;

  beforeAll(async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'seeds.yaml'),
      `id: seeds\ntitle: Seeds\nsources:\n  - path: ${seedsDir}\n    published: 2026-01-25\ntopics: [security-guarantees, spain-politics, russia-china]\n`,
    );
    const result = await spawnCli(['generate', '--no-store', join(dir, 'seeds.yaml'), '--from', '2026-01-19', '--to', '2026-02-01', '--out', join(dir, 'out'), '-q']);
    expect(result.code, result.stderr).toBe(0);
    view = JSON.parse(await readFile(join(dir, 'out', 'seeds', '2026-01-19_2026-02-01', 'seeds-2026-01-19_2026-02-01.json'), 'utf8'));
  });

  const placements: [string, RegExp][] = [
    ['russia-china', /Shoigu.*Wang Yi/],
    ['spain-politics', /Board of Peace/],
    ['security-guarantees', /100% ready/],
  ];

  it.each(placements)('puts the %s fact in its own section and in no other', (topic, pattern) => {
    const text = sections(view);
    expect(text[topic]).toMatch(pattern);
    for (const [other, section] of Object.entries(text)) if (other !== topic) expect(section, other).not.toMatch(pattern);
  });

  it('quotes every development verbatim from its first cited article', async () => {
    for (const topic of view.topics) {
      for (const development of topic.developments) {
        const source = (await readFile(join(seedsDir, `${development.sources[0]!.file.split('/').pop()}`), 'utf8')).replace(/\s+/g, ' ');
        expect(source).toContain(development.text);
      }
    }
  });
});
