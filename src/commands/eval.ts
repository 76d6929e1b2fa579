import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { BriefError, ExitCode } from '../errors.js';
import { scoreFacts, type EvalResult, type FactsFile } from '../eval/score-facts.js';
import { generateBrief } from '../pipeline.js';
import type { CommandIO } from '../run.js';
import { decodeUtf8, parseConfigYaml } from '../yaml/read-yaml.js';
import { periodFromFlags, type PeriodFlags } from './period-option.js';
import { toProblems } from '../brief/to-problems.js';
import { parseOnce } from '../parse-once.js';

const factSchema = z.object({ id: z.string(), statement: z.string(), keywords: z.array(z.string()).min(1) });
const factsSchema = z.object({ topics: z.record(z.string(), z.object({ facts: z.array(factSchema), must_not_appear: z.array(factSchema).optional() })) });

async function loadFacts(file: string): Promise<FactsFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new BriefError('facts-missing', 'facts file not found', { exitCode: ExitCode.noInput, location: { file } });
  }
  const source = parseConfigYaml(decodeUtf8(bytes, file), file);
  const parsed = factsSchema.safeParse(source.value, parseOnce);
  if (!parsed.success) {
    const problems = toProblems(parsed.error.issues, source, () => ['topics', 'facts', 'must_not_appear', 'id', 'statement', 'keywords']);
    throw new BriefError('facts', problems[0]?.message ?? 'invalid facts file', { problems, hint: 'see ../shared/eval/seeds-facts.yaml for the format' });
  }
  return parsed.data as FactsFile;
}

function report(result: EvalResult, io: CommandIO): void {
  io.stdout('| topic | recall | leakage |\n|---|---:|---:|');
  for (const topic of result.topics) io.stdout(`| ${topic.topic} | ${topic.surfaced.length}/${topic.facts} (${(topic.recall * 100).toFixed(0)}%) | ${topic.leaked.length} |`);
  const { checked, verified } = result.provenance;
  io.stdout(`\nprovenance: ${verified}/${checked} statements found verbatim in their cited article, each quote's speaker named there (${checked ? ((verified / checked) * 100).toFixed(1) : '100.0'}%)`);
  const { checked: leaning, standing } = result.context;
  io.stdout(`context: ${standing}/${leaning} statements that lean on the sentence before them ("This visit…", "However, …") follow it in the brief`);
  for (const topic of result.topics) {
    for (const fact of topic.missing) io.stdout(`missing  ${topic.topic} ${fact.id}: ${fact.statement} [${fact.keywords.join(', ')}]`);
    for (const fact of topic.leaked) io.stdout(`LEAKED   ${topic.topic} ${fact.id}: ${fact.statement} [${fact.keywords.join(', ')}]`);
  }
  for (const failure of result.provenance.failures) io.stdout(`UNPROVEN ${failure.topic} (${failure.source}): ${failure.text}`);
  for (const failure of result.context.failures) io.stdout(`ALONE    ${failure.topic} (${failure.source}): ${failure.text}`);
}

/**
 * `brief eval`: generates a brief in memory and scores it against a facts file. Exit 0 when every
 * topic reaches the recall threshold with no leakage and full provenance, 1 otherwise.
 */
export async function evalCommand(options: PeriodFlags & { brief: string; facts: string; store: string; minRecall: number; json: boolean }, io: CommandIO): Promise<number> {
  const facts = await loadFacts(options.facts);
  const period = periodFromFlags(options);
  const generated = await generateBrief({ briefFile: options.brief, ...(period && { period }), now: io.now(), outDir: 'output', store: options.store, write: false });
  const result = scoreFacts(facts, generated.view, generated.articles, generated.catalog.spellings);
  if (options.json) io.stdout(JSON.stringify(result, null, 2));
  else report(result, io);
  const pass = result.topics.every((t) => t.recall >= options.minRecall && t.leaked.length === 0) && result.provenance.failures.length === 0 && result.context.failures.length === 0;
  return pass ? ExitCode.ok : 1;
}
