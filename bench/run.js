#!/usr/bin/env node
// npm run bench [-- --runs 5] [-- --large] [-- --write]
// Whole-process benchmarks of the CLI, reported as medians and as ratios measured in this run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, forgetAnalyses, measure, table } from './lib.js';
import { writeCorpus } from './make-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const large = args.includes('--large');
const cli = join(root, 'dist', 'brief.js');
const node = process.execPath;
const tmp = mkdtempSync(join(tmpdir(), 'brief-bench-'));
// A cache folder of this run's own (shaped words, font subsets, the CLI's compiled code, parsed
// YAML), warm after each benchmark's warm-up run, as when an analyst regenerates a brief; one row
// measures the sample with the caches off, as a first run. The analyses Briefwright keeps are
// removed before each timed run (forgetAnalyses: every stage runs, as over a new week's articles)
// but in the row that says they are kept (a brief regenerated after an edit to its judgments).
env.BRIEF_CACHE_DIR = join(tmp, 'cache');
const sample = readFileSync(join(root, 'briefs', 'ukraine-weekly.yaml'), 'utf8').replace('path: ../corpus/**/*.md', `path: ${join(root, 'corpus')}/**/*.md`);

function brief(name, yaml) {
  const file = join(tmp, 'briefs', `${name}.yaml`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, yaml);
  return file;
}

const pagesOf = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
const log = (line) => process.stderr.write(`${line}\n`);

const results = [];
const add = (result) => {
  results.push(result);
  log(`${result.label}: ${result.wall.toFixed(3)} s`);
};

// 1. Start-up.
add(measure('node -e 0', [node, '-e', '0'], { runs: runs + 2 }));
add(measure('brief --version', [node, cli, '--version'], { runs: runs + 2 }));

// 2. The sample brief, end to end and by stage.
const out = join(tmp, 'out');
const generateSample = [node, cli, 'generate', brief('sample', sample), '--out', out, '--force', '--no-store', '-q'];
add(measure('generate sample (md+pdf+json)', generateSample, { runs, before: forgetAnalyses }));
add(measure('generate sample, regenerated (analysis kept)', generateSample, { runs }));
add(measure('generate sample, caches off (a first run)', generateSample, { runs, extraEnv: { BRIEF_CACHE_DIR: 'off' } }));
add(measure('generate sample, Markdown only', [node, cli, 'generate', brief('sample-md', sample.replace('id: ukraine-weekly', 'id: sample-md').replace('formats: [md, pdf, json]', 'formats: [md]')), '--out', out, '--force', '--no-store', '-q'], { runs, before: forgetAnalyses }));
const pdf8 = brief('pdf8', sample.replace('id: ukraine-weekly', 'id: pdf8').replace('formats: [md, pdf, json]', 'formats: [pdf]'));
add(measure('generate sample, PDF only', [node, cli, 'generate', pdf8, '--out', out, '--force', '--no-store', '-q'], { runs, before: forgetAnalyses }));
log(`  (the sample PDF has ${pagesOf(join(out, 'pdf8', '2026-W04', 'pdf8-2026-W04.pdf'))} pages)`);

// 3. A long brief: four weeks of 3,000 synthetic articles (their details varied, so they hold
// hundreds of distinct reports), every topic, many developments: about 80 pages. Its articles are
// ingested into a store beforehand, untimed, as an operator's archive is; each run refreshes it.
const topics = 'security-guarantees, spain-politics, russia-china, energy-infrastructure, battlefield-technology, reconstruction-finance, eu-accession, us-policy';
const corpus3k = writeCorpus(root, 3000, { vary: true });
const longStore = join(tmp, 'long.db');
execFileSync(node, [cli, 'ingest', corpus3k, '--store', longStore, '-q'], { env, stdio: 'ignore' });
const long = brief('long', `id: long\ntitle: Long brief\nperiod: {from: 2026-01-05, to: 2026-02-01}\nsources: [{path: ${corpus3k}}]\ntopics: [${topics}]\nlimits: {developments: 50, quotes: 20}\nformats: [pdf]\n`);
add(measure('generate long brief (PDF only)', [node, cli, 'generate', long, '--out', out, '--force', '--store', longStore, '-q'], { runs: Math.max(3, runs - 2), before: forgetAnalyses }));
log(`  (the long PDF has ${pagesOf(join(out, 'long', '2026-01-05_2026-02-01', 'long-2026-01-05_2026-02-01.pdf'))} pages)`);

// 4. Ingest: 10,000 files cold, then unchanged.
const corpus10k = writeCorpus(root, 10_000);
const store = join(tmp, 'store.db');
const clearStore = () => rmSync(store, { force: true }) || rmSync(`${store}-wal`, { force: true }) || rmSync(`${store}-shm`, { force: true });
add(measure('ingest 10,000 files (cold)', [node, cli, 'ingest', corpus10k, '--store', store], { runs: 3, before: clearStore, warmup: false }));
add(measure('ingest 10,000 files (unchanged)', [node, cli, 'ingest', corpus10k, '--store', store], { runs }));
// An operator's monthly brief over that store: all 10,000 articles fall in the month, and each of
// the long brief's eight topics gathers thousands of passages, so the analysis is most of the run.
const month = brief('month-10k', `id: month-10k\ntitle: Month over 10k\nperiod: {from: 2026-01-05, to: 2026-02-01}\nsources: [{path: ${corpus10k}}]\ntopics: [${topics}]\nlimits: {developments: 40}\nformats: [md, json]\n`);
add(measure('a month of 10,000 articles, 8 topics (Markdown and JSON)', [node, cli, 'generate', month, '--out', out, '--force', '--store', store, '-q'], { runs: 3, before: forgetAnalyses }));

// 5. brief run over 20 briefs, two at a time. Each lists the sample's five topics in another order:
// the same work, but 20 analyses, not one analysis and 19 copies of it kept.
const sampleTopics = /^topics:.*\n((?:\s+- .*\n)+)/m.exec(sample)[1].split('\n').filter(Boolean);
const orders = (items) => (items.length <= 1 ? [items] : items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])));
const topicOrders = orders(sampleTopics);
for (let i = 1; i <= 20; i++) brief(`run/brief-${String(i).padStart(2, '0')}`, sample.replace('id: ukraine-weekly', `id: brief-${String(i).padStart(2, '0')}`).replace(sampleTopics.join('\n'), topicOrders[i - 1].join('\n')));
add(measure('run 20 briefs (--jobs 2)', [node, cli, 'run', join(tmp, 'briefs', 'run'), '--out', out, '--force', '--no-store', '-q', '--jobs', '2'].filter((a) => a !== join(tmp, 'briefs', 'run')).concat(Array.from({ length: 20 }, (_, i) => join(tmp, 'briefs', 'run', `brief-${String(i + 1).padStart(2, '0')}.yaml`))), { runs: 3, before: forgetAnalyses }));

// 6. Optional: a weekly brief over a 100,000-article store.
if (large) {
  const corpus100k = writeCorpus(root, 100_000, { days: 730, from: '2024-02-05' });
  const bigStore = join(tmp, 'big.db');
  add(measure('ingest 100,000 files (cold)', [node, cli, 'ingest', corpus100k, '--store', bigStore], { runs: 1, warmup: false }));
  const weekly = brief('weekly-100k', `id: weekly-100k\ntitle: Weekly over 100k\nperiod: {week: 2026-W04}\nsources: [{path: ${corpus100k}}]\ntopics: [security-guarantees, spain-politics, russia-china, energy-infrastructure, battlefield-technology]\n`);
  add(measure('weekly brief over the 100,000-article store', [node, cli, 'generate', weekly, '--out', out, '--force', '--store', bigStore, '-q'], { runs: 3, before: forgetAnalyses }));
  // Warm caches are a brief regenerated; a cron's first run of a new week draws new glyph sets and
  // words, so this row bounds it (every cache off, the CLI's compiled code included).
  add(measure('the same, caches off (a first run)', [node, cli, 'generate', weekly, '--out', out, '--force', '--store', bigStore, '-q'], { runs: 3, extraEnv: { BRIEF_CACHE_DIR: 'off' } }));
  add(measure('the same, --no-refresh (store as last ingested)', [node, cli, 'generate', weekly, '--out', out, '--force', '--store', bigStore, '-q', '--no-refresh'], { runs: 3, before: forgetAnalyses }));
  // A file in the middle of the archive's order touched before each run: the background scan finds
  // its new mtime halfway through and hashes it (the same bytes: the store stays current).
  const middle = join(corpus100k, '050', 'a50000.md');
  const touch = () => {
    forgetAnalyses();
    utimesSync(middle, new Date(), new Date());
  };
  add(measure('the same, one file touched first', [node, cli, 'generate', weekly, '--out', out, '--force', '--store', bigStore, '-q'], { runs: 3, before: touch }));
  // The same file edited before each run (a trailing newline added or taken away: new bytes, the
  // same article): the scan finds the change, the analysis stops, and the refresh parses the file.
  const original = readFileSync(middle);
  let edits = 0;
  const edit = () => {
    forgetAnalyses();
    writeFileSync(middle, edits++ % 2 === 0 ? Buffer.concat([original, Buffer.from('\n')]) : original);
  };
  add(measure('the same, one file edited first', [node, cli, 'generate', weekly, '--out', out, '--force', '--store', bigStore, '-q'], { runs: 3, before: edit }));
  writeFileSync(middle, original);
  // A cron's case: an article of the week arrives before each run (under the archive's newest name,
  // one of two texts in turn, so each run finds it new or changed). The scan finds it at once; the
  // analysis made meanwhile, of the period as the refresh will leave it, stands. Removed afterwards.
  const arriving = join(corpus100k, '099', 'a99999z.md');
  let arrivals = 0;
  const arrive = () => {
    forgetAnalyses();
    const turn = arrivals++ % 2;
    writeFileSync(arriving, `---\ntitle: "Kyiv says the guarantees text is ready${turn ? ' for signature' : ''}"\npublisher: Kyiv Ledger\npublished: 2026-01-21\nurl: https://synthetic.example/arriving-${turn}\n---\n\nUkraine's negotiators said on Wednesday that the security guarantees document was ready${turn ? ' for signature by the leaders' : ''}.\n\nThe partners are expected to review the text before their next meeting.\n`);
  };
  add(measure('the same, a new article of the week first', [node, cli, 'generate', weekly, '--out', out, '--force', '--store', bigStore, '-q'], { runs: 3, before: arrive }));
  rmSync(arriving);
}

// 7. Analysis alone, in-process on one core; and the sample regenerated in a warm process.
const analysis = spawnSync(node, [join(root, 'bench', 'analysis.js'), '1000'], { env, encoding: 'utf8' }).stdout.trim();
const warm = spawnSync(node, [join(root, 'bench', 'warm.js')], { env, encoding: 'utf8' }).stdout.trim();

rmSync(tmp, { recursive: true, force: true });
const byLabel = Object.fromEntries(results.map((r) => [r.label, r]));
const ratio = (a, b) => (byLabel[a].wall / byLabel[b].wall).toFixed(2);
const report = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; medians of ${runs} runs after a warm-up unless the table says otherwise.`,
  '',
  table(results, 'node -e 0'),
  '',
  `- \`brief --version\` = ${ratio('brief --version', 'node -e 0')} × \`node -e 0\` (target ≤ 2)`,
  `- ingest of 10,000 files: ${byLabel['ingest 10,000 files (cold)'].wall.toFixed(1)} s cold (target < 20 s), ${byLabel['ingest 10,000 files (unchanged)'].wall.toFixed(2)} s unchanged (target < 1 s)`,
  `- \`run\` of 20 briefs: CPU / wall = ${(byLabel['run 20 briefs (--jobs 2)'].cpu / byLabel['run 20 briefs (--jobs 2)'].wall).toFixed(2)} (target ≥ 1.6)`,
  `- ${analysis} (target < 2 s)`,
  `- ${warm}`,
  ...(large
    ? ['weekly brief over the 100,000-article store', 'the same, caches off (a first run)', 'the same, --no-refresh (store as last ingested)', 'the same, one file touched first', 'the same, one file edited first', 'the same, a new article of the week first'].map(
        (label) => `- ${label}: ${byLabel[label].wall.toFixed(2)} s, ${byLabel[label].rss.toFixed(0)} MB peak RSS (targets < 2 s, < 300 MB)`,
      )
    : []),
].join('\n');
console.log(report);
if (args.includes('--write')) {
  const command = `npm run bench -- ${args.join(' ')}`.trim();
  writeFileSync(join(root, 'bench', 'RESULTS.md'), `# Benchmark results\n\nMade by \`${command}\` on ${new Date().toISOString().slice(0, 10)}.\n\n${report}\n`);
}
