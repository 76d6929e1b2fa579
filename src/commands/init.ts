import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
npx brief generate briefs/weekly.yaml          # writes output/weekly/2026-W04/
npx brief validate briefs/weekly.yaml          # checks the brief, with file:line:col
npx brief preview briefs/weekly.yaml --watch   # re-renders as you edit templates
\`\`\`

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
  io.stdout(`next: cd ${options.dir} && npx brief generate briefs/weekly.yaml`);
  return ExitCode.ok;
}
