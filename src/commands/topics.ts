import { relative } from 'node:path';
import { loadTopicLibrary } from '../topics/load-topics.js';
import { topicDirsFor } from '../brief/load-brief.js';
import { builtinTopicsDir } from '../paths.js';
import type { CommandIO } from '../run.js';
import { ExitCode } from '../errors.js';

/** `brief topics`: the topic library a brief sees (its own topics/ first, then the shipped one). */
export async function topicsCommand(options: { brief?: string; json: boolean }, io: CommandIO): Promise<number> {
  const dirs = options.brief ? topicDirsFor(options.brief) : [builtinTopicsDir];
  const library = await loadTopicLibrary(dirs);
  const entries = [...library.values()].sort((a, b) => a.topic.id.localeCompare(b.topic.id));
  if (options.json) {
    io.stdout(JSON.stringify(entries.map(({ topic, file }) => ({ ...topic, file })), null, 2));
    return ExitCode.ok;
  }
  const width = Math.max(...entries.map((entry) => entry.topic.id.length));
  for (const { topic, file } of entries) {
    io.stdout(`${topic.id.padEnd(width)}  ${topic.title}  (${topic.terms.length} terms, ${topic.entities.length} entities; ${relative(process.cwd(), file)})`);
  }
  return ExitCode.ok;
}
