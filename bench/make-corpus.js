// Writes a deterministic synthetic corpus of N Markdown articles (realistic lengths and topic mix,
// recombined from the sample corpus) under bench/.data/corpus-N, once.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { syntheticArticles } from './synthetic-corpus.js';

/** One synthetic article as a Markdown file with front matter. */
export function markdownOf(a) {
  return `---\ntitle: "${a.title.replace(/"/g, "'")}"\npublisher: ${a.publisher}\npublished: ${a.published}\nurl: ${a.url}\n---\n\n${a.paragraphs.join('\n\n')}\n`;
}

/** Writes the corpus (once) and returns its folder; `vary`: each article's details varied (syntheticArticles). */
export function writeCorpus(root, count, { days = 28, from = '2026-01-05', vary = false } = {}) {
  const dir = join(root, 'bench', '.data', `corpus-${vary ? 'varied-' : ''}${count}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return dir;
  const articles = syntheticArticles(root, count, { from, days, seed: count, vary });
  for (const [i, a] of articles.entries()) {
    const folder = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${a.id}.md`), markdownOf(a));
  }
  writeFileSync(marker, String(count));
  return dir;
}

// `node bench/make-corpus.js N [--varied]`: writes the corpus of N articles the benchmarks use (or,
// with --varied, the one whose articles' details vary) and prints its folder; 100, 1000, 10000 and
// 100000 are the sizes, any count works. Once written, a corpus is left as it is.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [count, ...flags] = process.argv.slice(2);
  const unknown = flags.filter((flag) => flag !== '--varied');
  if (!/^[1-9]\d*$/.test(count ?? '') || unknown.length > 0) {
    console.error('usage: node bench/make-corpus.js N [--varied]   (N articles, e.g. 100, 1000, 10000, 100000)');
    process.exit(64);
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  console.log(writeCorpus(root, Number(count), { vary: flags.includes('--varied') }));
}
