import { dirname, isAbsolute, resolve } from 'node:path';
import { normalizeTopic, type LibraryTopic } from '../topics/load-topics.js';
import type { YamlSource } from '../yaml/read-yaml.js';
import { defaultLimits, type Brief } from './brief.js';
import type { BriefInput, Format } from './schema.js';

/** Expands shorthands and fills defaults. The input must have passed the schema and the rules. */
export function normalizeBrief(input: BriefInput, file: string, library: ReadonlyMap<string, LibraryTopic>, source: YamlSource): Brief {
  const dir = dirname(file);
  return {
    file,
    dir,
    id: input.id,
    title: input.title,
    subtitle: input.subtitle ?? '',
    organization: input.organization ?? '',
    audience: input.audience ?? '',
    classification: input.classification ?? '',
    timezone: input.timezone ?? 'UTC',
    period: input.period ?? 'week',
    sources: input.sources.map((entry, index) =>
      'feed' in entry
        ? { path: entry.feed, feed: entry.feed, ...(entry.publisher !== undefined && { publisher: entry.publisher }), location: source.locate(['sources', index, 'feed']) }
        : {
            path: entry.path,
            resolved: isAbsolute(entry.path) ? entry.path : resolve(dir, entry.path),
            ...(entry.published !== undefined && { published: entry.published }),
            ...(entry.publisher !== undefined && { publisher: entry.publisher }),
            ...(entry.fields !== undefined && { fields: entry.fields }),
            ...(entry.oversize !== undefined && { oversize: entry.oversize }),
            location: source.locate(['sources', index, 'path']),
          },
    ),
    topics: input.topics.map((topic) => (typeof topic === 'string' ? library.get(topic)!.topic : normalizeTopic(topic))),
    limits: { ...defaultLimits, ...input.limits },
    template: input.template ?? 'weekly',
    formats: [...new Set<Format>(input.formats ?? ['md', 'pdf', 'json'])],
    analyst: input.analyst ?? {},
    ...(input.email && { email: input.email, emailLocation: source.locate(['email']) }),
  };
}
