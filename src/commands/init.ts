import { realpathSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join, relative, resolve } from 'node:path';
import { BriefError, ExitCode } from '../errors.js';
import { builtinTemplatesDir, packageRoot } from '../paths.js';
import type { CommandIO } from '../run.js';

/** The sample articles a new workspace starts with: one week, every kind of story. */
const starterArticles = [
  'vilnius-guarantees-ready.md',
  'guarantees-ready-second-report.md',
  'zelensky-instructs-team.md',
  'spain-rejects-board-of-peace.md',
  'spain-inflation-debt.md',
  'shoigu-beijing-trip.md',
  'ukrenergo-imports.md',
  'starlink-russian-terminals.md',
  'chip-export-controls.md',
];

const readme = `# Briefing workspace

Made by \`brief init\`. Everything here is yours to edit:

- \`briefs/weekly.yaml\` — the brief: topics, sources, period, template, analyst judgement, email.
- \`briefs/topics/\` — the topic library (weighted terms, entities, anchors); \`briefs/entities.yaml\` — names and aliases.
- \`templates/\` — the weekly, one-pager and memo templates and their PDF themes.
- \`corpus/\` — a few sample articles; add your own (Markdown, text, HTML, RSS/Atom, JSON).

\`\`\`sh
brief generate briefs/weekly.yaml          # writes output/weekly/2026-W04/
brief validate briefs/weekly.yaml          # checks the brief, with file:line:col
brief preview briefs/weekly.yaml --watch   # re-renders as you edit templates
\`\`\`

\`brief\` is Briefwright's command. If your shell does not find it, run \`npm install -g .\` once in
the Briefwright folder. Do not use \`npx brief\` here: outside the Briefwright folder, npx offers
to download an unrelated npm package that is also called \`brief\`.

Set \`period: week\` in the brief to report on the last complete week, and see the Briefwright
README for sending it by email and running it from cron.
`;

/** `brief init [dir]`: a workspace anyone can start from, ready for `brief generate`. */
export async function initCommand(options: { dir: string; force: boolean }, io: CommandIO): Promise<number> {
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const existing = (await readdir(dir)).filter((name) => !name.startsWith('.'));
  if (existing.length > 0 && !options.force) {
    throw new BriefError('not-empty', `${dir} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''})`, {
      exitCode: ExitCode.cantCreate,
      hint: 'run brief init in an empty folder, or pass --force to add the workspace files anyway',
    });
  }
  await cp(join(packageRoot, 'briefs', 'topics'), join(dir, 'briefs', 'topics'), { recursive: true });
  await cp(join(packageRoot, 'briefs', 'entities.yaml'), join(dir, 'briefs', 'entities.yaml'));
  await cp(join(packageRoot, 'briefs', 'brief.schema.json'), join(dir, 'briefs', 'brief.schema.json'));
  await cp(builtinTemplatesDir, join(dir, 'templates'), { recursive: true });
  await mkdir(join(dir, 'corpus'), { recursive: true });
  for (const name of starterArticles) await cp(join(packageRoot, 'corpus', '2026-W04', name), join(dir, 'corpus', name));
  const sample = (await readFile(join(packageRoot, 'briefs', 'ukraine-weekly.yaml'), 'utf8'))
    .replace('id: ukraine-weekly', 'id: weekly')
    .replace('path: ../corpus/**/*.md          # relative to this file', 'path: ../corpus                    # relative to this file')
    .replace('template: weekly', 'template: ../templates/weekly     # edit it, or name weekly, one-pager or memo');
  await writeFile(join(dir, 'briefs', 'weekly.yaml'), sample);
  await writeFile(join(dir, 'README.md'), readme);
  await writeFile(join(dir, '.gitignore'), 'output/\n.brief/\n');
  io.stdout(`created a workspace in ${dir}`);
  const cd = relative(process.cwd(), dir) ? `cd ${shellWord(options.dir)} && ` : '';
  const brief = briefOnPath() ? 'brief' : `node ${shellWord(cliScript)}`;
  io.stdout(`next: ${cd}${brief} generate briefs/weekly.yaml`);
  if (brief !== 'brief') io.stdout(`(to type brief instead, put it on your PATH once: npm install -g ${shellWord(packageRoot)})`);
  return ExitCode.ok;
}

/** The script this install's \`brief\` command runs. */
const cliScript = join(packageRoot, 'dist', 'brief.js');

/**
 * Whether \`brief\` on the PATH is this install. The next step is only shown as \`brief …\` then:
 * \`npx brief\` finds Briefwright only inside its own folder, and elsewhere offers to download an
 * unrelated npm package called \`brief\`.
 */
function briefOnPath(): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  };
  const ours = real(cliScript);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && ours !== undefined && real(join(dir, 'brief')) === ours);
}

/** A path as one shell word: quoted when it holds anything but plain characters. */
function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
