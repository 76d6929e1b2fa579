import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { BriefError } from '../errors.js';
import { topicSchema, type TopicInput } from '../brief/schema.js';
import { toProblems } from '../brief/to-problems.js';
import { decodeUtf8, parseConfigYaml } from '../yaml/read-yaml.js';
import { aliasKey, type EntityCatalog, type EntityKind, type Topic } from './topic.js';
import { parseOnce } from '../parse-once.js';

/** A library topic with the file it came from. */
export interface LibraryTopic {
  topic: Topic;
  file: string;
}

/** Expands a topic as written (string terms, optional lists) into a Topic. */
export function normalizeTopic(input: TopicInput): Topic {
  return {
    id: input.id,
    title: input.title,
    description: input.description ?? '',
    terms: input.terms.map((term) => (typeof term === 'string' ? { phrase: term, weight: 1 } : term)),
    entities: input.entities ?? [],
    anchors: input.anchors ?? [],
    exclude: input.exclude ?? [],
  };
}

// Topic, entity, brief and template files are small and read synchronously: a promise per file
// cost ~20 ms of waiting on the thread pool at every start, for a few kilobytes.
function readYamlFile(file: string) {
  return parseConfigYaml(decodeUtf8(readFileSync(file), file), file);
}

/** Reads one topic file, reporting every schema problem with its position. */
export async function loadTopicFile(file: string): Promise<LibraryTopic> {
  const source = readYamlFile(file);
  const parsed = topicSchema.safeParse(source.value, parseOnce);
  if (!parsed.success) {
    const problems = toProblems(parsed.error.issues, source, () => Object.keys(topicSchema.shape));
    throw new BriefError('topic', problems[0]?.message ?? 'invalid topic', { problems, hint: 'see briefs/topics/*.yaml for the topic format' });
  }
  if (parsed.data.id !== basename(file).replace(/\.ya?ml$/, '')) {
    throw new BriefError('topic', `topic id "${parsed.data.id}" differs from its file name`, {
      location: source.locate(['id']),
      hint: 'name the file <id>.yaml so topics can be found by id',
    });
  }
  return { topic: normalizeTopic(parsed.data), file };
}

/**
 * Loads topic libraries; earlier folders win (a brief's own `topics/` overrides the shipped one,
 * whose file of the same name is then not read). Folders that do not exist are skipped.
 */
export async function loadTopicLibrary(dirs: readonly string[]): Promise<Map<string, LibraryTopic>> {
  const library = new Map<string, LibraryTopic>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      throw error;
    }
    for (const name of names) {
      // A topic's id is its file name: one an earlier folder already gave is shadowed, not read
      // (a brief beside the shipped library would otherwise parse every topic twice).
      if (library.has(name.replace(/\.ya?ml$/, ''))) continue;
      const entry = await loadTopicFile(join(dir, name));
      library.set(entry.topic.id, entry);
    }
  }
  return library;
}

const entitiesSchema = z
  .strictObject({
    people: z.record(z.string(), z.array(z.string())).optional(),
    organizations: z.record(z.string(), z.array(z.string())).optional(),
    places: z.record(z.string(), z.array(z.string())).optional(),
    /** Who "she" and "he" can stand for ("She added: “…”" after a sentence naming Kallas and Zelensky). */
    pronouns: z.strictObject({ she: z.array(z.string()).optional(), he: z.array(z.string()).optional() }).optional(),
  })
  .superRefine((input, context) => {
    const listed = new Set<string>();
    for (const pronoun of ['she', 'he'] as const) {
      (input.pronouns?.[pronoun] ?? []).forEach((name, index) => {
        const path = ['pronouns', pronoun, index];
        if (!Object.hasOwn(input.people ?? {}, name)) context.addIssue({ code: 'custom', path, message: `"${name}" is not one of the people listed above` });
        else if (listed.has(name)) context.addIssue({ code: 'custom', path, message: `"${name}" is listed under both "she" and "he"` });
        listed.add(name);
      });
    }
  });

/** Reads `entities.yaml`: canonical names by kind, each with its aliases. */
export async function loadEntityCatalog(file: string): Promise<EntityCatalog> {
  const source = readYamlFile(file);
  const parsed = entitiesSchema.safeParse(source.value ?? {}, parseOnce);
  if (!parsed.success) {
    const problems = toProblems(parsed.error.issues, source, () => Object.keys(entitiesSchema.shape));
    throw new BriefError('entities', problems[0]?.message ?? 'invalid entities file', { problems });
  }
  return buildEntityCatalog(parsed.data);
}

/** Builds the alias index from entity lists (pure; also used by tests). */
export function buildEntityCatalog(input: z.infer<typeof entitiesSchema>): EntityCatalog {
  const catalog: EntityCatalog = { kinds: new Map(), aliases: new Map(), spellings: new Map(), pronouns: new Map() };
  const groups: [EntityKind, Record<string, string[]> | undefined][] = [
    ['person', input.people],
    ['organization', input.organizations],
    ['place', input.places],
  ];
  for (const [kind, group] of groups) {
    for (const [name, aliases] of Object.entries(group ?? {})) {
      catalog.kinds.set(name, kind);
      catalog.spellings.set(name, [name, ...aliases]);
      for (const alias of [name, ...aliases]) catalog.aliases.set(aliasKey(alias), name);
    }
  }
  for (const pronoun of ['she', 'he'] as const) for (const name of input.pronouns?.[pronoun] ?? []) catalog.pronouns.set(name, pronoun);
  return catalog;
}
