import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief, topicDirsFor } from '../../src/brief/load-brief.js';
import { parseTheme } from '../../src/pdf/theme.js';
import { loadEntityCatalog, loadTopicLibrary } from '../../src/topics/load-topics.js';
import { parseYaml } from '../../src/yaml/read-yaml.js';
import { repoRoot, sampleBrief } from '../helpers.js';

describe('the files that set a brief up', () => {
  it('are validated without compiling code: zod’s JIT, which one parse of each never repays (parseOnce)', async () => {
    const original = globalThis.Function;
    let compiled = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        compiled += 1;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const brief = await loadBrief(sampleBrief, await loadTopicLibrary(topicDirsFor(sampleBrief)));
      const catalog = await loadEntityCatalog(join(repoRoot, 'briefs', 'entities.yaml'));
      const themeFile = join(repoRoot, 'templates', 'weekly', 'theme.yaml');
      const theme = parseTheme(parseYaml(readFileSync(themeFile, 'utf8'), themeFile));
      expect(brief.topics.length).toBeGreaterThan(3);
      expect(catalog).toBeTruthy();
      expect(theme.fonts).toBeTruthy();
    } finally {
      globalThis.Function = original;
    }
    expect(compiled).toBe(0);
  });
});
