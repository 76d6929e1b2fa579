#!/usr/bin/env node
// npm run bench:compare [-- --runs 3] [-- --no-install]: the same brief through Briefwright and the
// tools a user might pick instead, in one run, as ratios. Installs what it can: the Typst npm
// compiler into bench/.tools, and from Debian (apt-get, as root or through sudo without a password;
// not with --no-install) pandoc, wkhtmltopdf, chromium, pdflatex with the LaTeX packages pandoc's
// template uses, and weasyprint. A tool still missing, or failing, is skipped with a note.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, forgetAnalyses, measure } from './lib.js';
import { writeCorpus } from './make-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const node = process.execPath;
const cli = join(root, 'dist', 'brief.js');
const tmp = mkdtempSync(join(tmpdir(), 'brief-compare-'));
// Briefwright's caches (shaped words, compiled code) in a folder of this run's own: warm after the
// warm-up (an analyst regenerating a brief); a second row measures them turned off (a first run).
// The analyses it keeps are removed before each run of the first row, so every stage runs, as the
// other tools do all their work; a third row keeps them (a brief regenerated after an edit to its
// judgments or templates).
env.BRIEF_CACHE_DIR = join(tmp, 'cache');
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const pages = (pdf) => (existsSync(pdf) ? Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0) : 0);
const notes = [];

/**
 * The Debian packages each tool comes in. pdflatex needs the LaTeX packages pandoc's default
 * template loads, and rsvg-convert for the brief's SVG charts.
 */
const debianTools = [
  { tool: 'pandoc', packages: ['pandoc'] },
  { tool: 'wkhtmltopdf', packages: ['wkhtmltopdf'] },
  { tool: 'chromium', packages: ['chromium'], also: ['chromium-browser'] },
  { tool: 'pdflatex', packages: ['texlive-latex-base', 'texlive-latex-recommended', 'texlive-fonts-recommended', 'lmodern', 'librsvg2-bin'] },
  { tool: 'weasyprint', packages: ['weasyprint'] },
];

/** Installs the missing tools' packages with apt-get, tool by tool, when this user can; notes what it could not. */
function installFromDebian() {
  const missing = debianTools.filter(({ tool, also = [] }) => ![tool, ...also].some(has));
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0 ? [] : spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : undefined;
  if (!asRoot || !has('apt-get')) {
    notes.push(`not installed (apt-get as root or sudo is needed): ${missing.map(({ tool }) => tool).join(', ')}`);
    return;
  }
  const apt = (...args) => {
    const command = [...asRoot, 'apt-get', ...args];
    return spawnSync(command[0], command.slice(1), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: 'ignore', timeout: 1_800_000 }).status === 0;
  };
  console.error(`installing from Debian: ${missing.map(({ tool }) => tool).join(', ')}`);
  apt('update', '-qq');
  for (const { tool, packages } of missing) if (!apt('install', '-y', '-qq', '--no-install-recommends', ...packages)) notes.push(`${tool}: apt-get install ${packages.join(' ')} failed`);
}
if (!args.includes('--no-install')) installFromDebian();

// Two briefs from the same pipeline: the sample (a few pages) and an 80-page one (four weeks of
// 3,000 articles, every topic). Each is timed with the outputs it defines (the sample's own:
// Markdown, PDF and JSON); the HTML Chromium prints is written once beforehand, untimed, as the
// .typ Typst compiles is. The sample reads its 29 files at each run (--no-store); the long brief
// reads a store its articles were ingested into beforehand, untimed, as an operator's would be,
// and refreshes it (checks every file) at each run.
const sample = readFileSync(join(root, 'briefs', 'ukraine-weekly.yaml'), 'utf8').replace('path: ../corpus/**/*.md', `path: ${join(root, 'corpus')}/**/*.md`);
const corpus = writeCorpus(root, 3000, { vary: true });
const long = `id: long\ntitle: Long brief\nperiod: {from: 2026-01-05, to: 2026-02-01}\nsources: [{path: ${corpus}}]\ntopics: [security-guarantees, spain-politics, russia-china, energy-infrastructure, battlefield-technology, reconstruction-finance, eu-accession, us-policy]\nlimits: {developments: 50, quotes: 20}\nformats: [md, pdf]\n`;
const longStore = join(tmp, 'long.db');
execFileSync(node, [cli, 'ingest', corpus, '--store', longStore, '-q'], { env, stdio: 'ignore' });
/** The same brief writing HTML too (only `formats` differs). */
const withHtml = (yaml) => yaml.replace(/^formats: \[([^\]]*)\]$/m, (_, formats) => `formats: [${formats}, html]`);
const briefs = [
  { name: 'sample', yaml: sample, id: 'ukraine-weekly', label: '2026-W04', store: ['--no-store'] },
  { name: 'long', yaml: long, id: 'long', label: '2026-01-05_2026-02-01', store: ['--store', longStore] },
];

// Typst: the npm compiler (its binary comes inside a registry package).
const tools = join(root, 'bench', '.tools');
if (!existsSync(join(tools, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) {
  mkdirSync(tools, { recursive: true });
  // The install needs the machine's own environment (its CA settings), unlike the timed runs.
  const install = spawnSync('npm', ['install', '--prefix', tools, '--no-save', '@myriaddreamin/typst-ts-node-compiler@0.7.0'], { env: process.env, stdio: 'ignore', timeout: 300_000 });
  if (install.status !== 0) notes.push('Typst: the npm compiler could not be installed; skipped');
}
const typstScript = join(tmp, 'typst.cjs');
writeFileSync(typstScript, `const { NodeCompiler } = require(${JSON.stringify(join(tools, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))});\nconst fs = require('fs');\nconst compiler = NodeCompiler.create();\nconst pdf = compiler.pdf({ mainFileContent: fs.readFileSync(process.argv[2], 'utf8') });\nfs.writeFileSync(process.argv[3], pdf);\n`);

/** The brief's Markdown as Typst markup (headings, lists, emphasis, tables, footnotes as plain refs). */
function toTypst(markdown) {
  const unescape = (text) => text.replace(/\\([\\`*_[\]<>|~#+.!-])/g, '$1');
  const escape = (text) => text.replace(/[#$@<>\\*_`=]/g, (c) => `\\${c}`);
  const inline = (text) =>
    escape(unescape(text).replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'))
      .replace(/\\\*\\\*(.+?)\\\*\\\*/g, '*$1*')
      .replace(/\[\^(\d+)\]/g, '[$1]');
  const out = ['#set page(paper: "a4", margin: 2.3cm, numbering: "1 / 1")', '#set text(size: 10.5pt)', '#outline()'];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) out.push(`${'='.repeat(heading[1].length)} ${inline(heading[2])}`);
    else if (/^\|/.test(line)) {
      const rows = [];
      while (i < lines.length && /^\|/.test(lines[i])) rows.push(lines[i++]);
      i--;
      const cells = rows.filter((r) => !/^\|[-| ]+\|$/.test(r)).map((r) => r.split('|').slice(1, -1).map((c) => `[${inline(c.trim())}]`));
      out.push(`#table(columns: ${cells[0].length}, ${cells.flat().join(', ')})`);
    } else if (/^\[\^(\d+)\]: /.test(line)) out.push(`+ ${inline(line.replace(/^\[\^\d+\]: /, ''))}`);
    else if (/^> /.test(line)) out.push(`#quote[${inline(line.slice(2))}]`);
    else out.push(/^- /.test(line) ? `- ${inline(line.slice(2))}` : inline(line));
  }
  return out.join('\n');
}

const rows = [];
for (const brief of briefs) {
  const dir = join(tmp, brief.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'brief.yaml'), brief.yaml);
  writeFileSync(join(dir, 'brief-html.yaml'), withHtml(brief.yaml));
  const out = join(dir, 'out');
  execFileSync(node, [cli, 'generate', join(dir, 'brief-html.yaml'), '--out', out, ...brief.store, '-q', '--force'], { env, stdio: 'ignore' });
  const folder = join(out, brief.id, brief.label);
  const md = join(folder, `${brief.id}-${brief.label}.md`);
  const html = join(folder, `${brief.id}-${brief.label}.html`);
  const results = [];
  const generate = [node, cli, 'generate', join(dir, 'brief.yaml'), '--out', out, ...brief.store, '-q', '--force'];
  results.push({ ...measure(`Briefwright generate (all stages, embedded fonts)`, generate, { runs, before: forgetAnalyses }), pages: pages(join(folder, `${brief.id}-${brief.label}.pdf`)) });
  results.push({ ...measure(`Briefwright regenerated (analysis kept)`, generate, { runs }), pages: pages(join(folder, `${brief.id}-${brief.label}.pdf`)) });
  results.push({ ...measure(`Briefwright generate, caches off (a first run)`, generate, { runs, extraEnv: { BRIEF_CACHE_DIR: 'off' } }), pages: pages(join(folder, `${brief.id}-${brief.label}.pdf`)) });
  if (existsSync(join(tools, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) {
    const typ = join(dir, 'brief.typ');
    writeFileSync(typ, toTypst(readFileSync(md, 'utf8')));
    try {
      results.push({ ...measure('Typst (npm compiler, .typ already written)', [node, typstScript, typ, join(dir, 'typst.pdf')], { runs }), pages: pages(join(dir, 'typst.pdf')) });
    } catch (error) {
      notes.push(`Typst failed on the ${brief.name} brief: ${String(error.message).slice(0, 160)}`);
    }
  }
  const chromium = ['chromium', 'chromium-browser'].find(has);
  if (chromium) {
    const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];
    results.push({ ...measure('Chromium --print-to-pdf (HTML already written)', [chromium, ...flags, `--print-to-pdf=${join(dir, 'chromium.pdf')}`, `file://${html}`], { runs }), pages: pages(join(dir, 'chromium.pdf')) });
  } else notes.push('Chromium: not installed (apt-get install chromium); skipped');
  // pandoc with each PDF engine, run beside the Markdown (its charts' paths are relative to it).
  // wkhtmltopdf from Debian wants an X display; without one, Qt's offscreen platform stands in.
  const engines = [{ engine: 'wkhtmltopdf', extraEnv: process.env.DISPLAY ? {} : { QT_QPA_PLATFORM: 'offscreen' } }, { engine: 'pdflatex' }, { engine: 'weasyprint' }];
  for (const { engine, extraEnv } of engines) {
    const label = `pandoc + ${engine}`;
    if (!has('pandoc') || !has(engine)) {
      notes.push(`${label}: ${has('pandoc') ? engine : 'pandoc'} not installed; skipped`);
      continue;
    }
    const pdf = join(dir, `pandoc-${engine}.pdf`);
    try {
      results.push({ ...measure(label, ['pandoc', md, '-o', pdf, `--pdf-engine=${engine}`, '--metadata', 'title=Brief'], { runs, cwd: folder, extraEnv }), pages: pages(pdf) });
    } catch (error) {
      // The first line says which run failed; the tool's own error is further down.
      const [first, ...rest] = String(error.message).split('\n');
      notes.push(`${first.replace(/:.*$/, '')} on the ${brief.name} brief: ${rest.find((line) => /error/i.test(line)) ?? first}`.slice(0, 240));
    }
  }
  const briefwright = results[0].wall;
  const typst = results.find((r) => r.label.startsWith('Typst'))?.wall;
  const chrome = results.find((r) => r.label.startsWith('Chromium'))?.wall;
  rows.push(`\n### The ${brief.name} brief (${results[0].pages} pages from Briefwright)\n`);
  rows.push('| path | pages | wall (median) | × Briefwright | Briefwright ÷ this |', '|---|---:|---:|---:|---:|');
  for (const r of results) rows.push(`| ${r.label} | ${r.pages} | ${r.wall.toFixed(3)} s | ${(r.wall / briefwright).toFixed(2)} | ${(briefwright / r.wall).toFixed(2)} |`);
  if (typst) rows.push(`\nBriefwright = ${(briefwright / typst).toFixed(2)} × Typst${chrome ? `, ${(briefwright / chrome).toFixed(2)} × Chromium` : ''}.`);
}
console.log(`Medians of ${runs} whole-process runs after a warm-up, measured in one run on this machine.\n${rows.join('\n')}\n\n${[...new Set(notes)].map((n) => `- ${n}`).join('\n')}`);
