import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BriefError, ExitCode } from '../errors.js';
import { builtinTopicsDir } from '../paths.js';
import { loadTopicLibrary, type LibraryTopic } from '../topics/load-topics.js';
import { decodeUtf8, parseConfigYaml } from '../yaml/read-yaml.js';
import type { Brief } from './brief.js';
import { normalizeBrief } from './normalize-brief.js';
import { briefSchema, makeBriefSchema } from './schema.js';
import { toProblems } from './to-problems.js';
import { parseOnce } from '../parse-once.js';

/** Keys each map in a brief may have, for "did you mean" suggestions. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  const [first] = path;
  if (path.length === 0) return Object.keys(briefSchema.shape);
  if (first === 'sources' && path.length > 2) return ['title', 'text', 'url', 'published', 'publisher', 'author'];
  if (first === 'sources') return ['path', 'feed', 'published', 'publisher', 'fields', 'oversize'];
  if (first === 'limits') return ['developments', 'quotes'];
  if (first === 'analyst' && path.length === 1) return ['bluf', 'judgments', 'notes', 'watch'];
  if (first === 'analyst') return ['text', 'likelihood', 'confidence'];
  if (first === 'topics') return ['id', 'title', 'description', 'terms', 'entities', 'anchors', 'exclude'];
  if (first === 'period') return ['week', 'month', 'day', 'from', 'to'];
  if (first === 'email' && path.length === 1) return ['to', 'cc', 'bcc', 'replyTo', 'from', 'subject', 'attach', 'maxBytes', 'retry'];
  if (first === 'email') return ['attempts', 'delayMs'];
  return [];
}

/** Top-level words a brief's writer may reach for, and where that setting lives. */
const elsewhere: Record<string, string> = {
  recipients: 'the distribution list is email: { to: [...] }',
  distribution: 'the distribution list is email: { to: [...] }',
  to: 'the distribution list is email: { to: [...] }',
  cc: 'copies go to email: { cc: [...] }',
  bcc: 'blind copies go to email: { bcc: [...] }',
  subject: "the email's subject is email: { subject: ... }",
  feeds: 'a feed is a source: sources: [{ feed: <url> }]',
  feed: 'a feed is a source: sources: [{ feed: <url> }]',
  week: 'the period is period: { week: ... }',
  month: 'the period is period: { month: ... }',
  from: 'a date range is period: { from: ..., to: ... }',
  output: 'the output folder is the --out option of brief generate; the files written are formats: [...]',
  out: 'the output folder is the --out option of brief generate',
  bluf: 'the bottom line is analyst: { bluf: ... }',
  notes: "a topic's note is analyst: { notes: { <topic>: ... } }",
};

/** What an unknown key stands for, when it is a word for a setting that lives elsewhere. */
function meantElsewhere(key: string, path: readonly PropertyKey[]): string | undefined {
  return path.length === 0 ? elsewhere[key.toLowerCase()] : undefined;
}

/** Topic folders searched for a brief: `topics/` beside it, then the shipped library. */
export function topicDirsFor(briefFile: string): string[] {
  return [join(resolve(briefFile, '..'), 'topics'), builtinTopicsDir];
}

/** Reads the brief file, refusing oversized and non-UTF-8 input. */
async function readBriefText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BriefError('brief-missing', 'brief file not found', { exitCode: ExitCode.noInput, location: { file }, hint: 'check the path; briefs usually live in briefs/<id>.yaml' });
    }
    if (code === 'EISDIR') {
      throw new BriefError('brief-missing', 'is a folder, not a brief file', { exitCode: ExitCode.noInput, location: { file } });
    }
    throw new BriefError('brief-unreadable', `cannot read brief (${code})`, { exitCode: ExitCode.noInput, location: { file }, cause: error });
  }
  return decodeUtf8(bytes, file);
}

/**
 * Loads, validates and normalises a brief. Every problem (syntax, schema, cross-field) is
 * reported at once, each with file:line:col, as one BriefError (exit 65).
 */
export async function loadBrief(file: string, library?: ReadonlyMap<string, LibraryTopic>): Promise<Brief> {
  // Read the brief first: a missing or unreadable brief is reported before anything else.
  const source = parseConfigYaml(await readBriefText(file), file);
  const topics = library ?? (await loadTopicLibrary(topicDirsFor(file)));
  const parsed = makeBriefSchema([...topics.keys()]).safeParse(source.value, parseOnce);
  if (!parsed.success) throw invalidBrief(dedupe(toProblems(parsed.error.issues, source, knownKeys, meantElsewhere)));
  return normalizeBrief(parsed.data, file, topics, source);
}

function dedupe<T extends { line?: number; col?: number; message: string }>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}:${p.col}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

function invalidBrief(problems: BriefError['problems']): BriefError {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new BriefError('brief', problems[0]?.message ?? 'invalid brief', {
    problems,
    hint: `the brief has ${count}; see briefs/brief.schema.json or the README's brief format`,
  });
}
