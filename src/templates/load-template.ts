import { readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { BriefError, ExitCode, type Problem } from '../errors.js';
import { builtinTemplatesDir } from '../paths.js';
import { decodeUtf8, parseConfigYaml } from '../yaml/read-yaml.js';
import { parseTheme, type Theme } from '../pdf/theme.js';
import { viewModelShape } from '../briefing/view-model-shape.js';
import { lintTemplate } from './lint-template.js';
import { lintedClean, rememberClean } from '../markdown/template-cache.js';

/** A template folder: the main Markdown template, its partials and the PDF theme. */
export interface Template {
  name: string;
  dir: string;
  main: string;
  partials: Record<string, { source: string; file: string }>;
  theme: Theme;
  /** The mail body template (email.md.hbs), when the template has one. */
  email: { source: string; file: string } | undefined;
  /** style.css beside the template, for the HTML output; undefined uses the default. */
  stylesheet: string | undefined;
  files: { main: string; theme: string };
}

/** A built-in name (`weekly`) or a folder path relative to the brief. */
export function resolveTemplateDir(name: string, briefDir: string): string {
  if (isAbsolute(name) || name.includes('/') || name.startsWith('.')) return resolve(briefDir, name);
  return join(builtinTemplatesDir, name);
}

/** A template file's text (small files, read synchronously as the brief's own are; see load-topics.ts). */
async function readText(file: string): Promise<string> {
  return decodeUtf8(readFileSync(file), file);
}

/** Loads a template folder: `brief.md.hbs`, `partials/*.hbs`, `theme.yaml`. */
export async function loadTemplate(name: string, briefDir: string): Promise<Template> {
  const dir = resolveTemplateDir(name, briefDir);
  const main = join(dir, 'brief.md.hbs');
  const themeFile = join(dir, 'theme.yaml');
  let source: string;
  try {
    source = await readText(main);
  } catch (error) {
    if (error instanceof BriefError) throw error;
    throw new BriefError('template-missing', `template "${name}" not found (no ${main})`, {
      exitCode: ExitCode.noInput,
      location: { file: main },
      hint: 'use a built-in template (weekly) or a folder holding brief.md.hbs',
    });
  }
  const partials: Template['partials'] = {};
  let partialNames: string[] = [];
  try {
    partialNames = readdirSync(join(dir, 'partials'));
  } catch {
    // No partials folder: the template has none.
  }
  for (const file of partialNames.filter((n) => n.endsWith('.hbs')).sort()) {
    const path = join(dir, 'partials', file);
    partials[basename(file, '.hbs')] = { source: await readText(path), file: path };
  }
  const themeSource = parseConfigYaml(await readText(themeFile).catch(() => ''), themeFile);
  const stylesheet = await readText(join(dir, 'style.css')).catch(() => undefined);
  const emailFile = join(dir, 'email.md.hbs');
  const emailSource = await readText(emailFile).catch(() => undefined);
  const email = emailSource === undefined ? undefined : { source: emailSource, file: emailFile };
  // A theme's mistakes are reported with the template's own, all at once.
  let theme: Template['theme'] | BriefError;
  try {
    theme = parseTheme(themeSource);
  } catch (error) {
    if (!(error instanceof BriefError)) throw error;
    theme = error;
  }
  const files = { main, theme: themeFile };
  // A template this build linted clean before is clean (src/markdown/template-cache.ts).
  const texts = { main: source, partials, email };
  const clean = lintedClean(texts);
  const problems = clean ? [] : checkTemplate({ main: source, partials, email, files });
  if (theme instanceof BriefError) {
    if (problems.length === 0) throw theme;
    const themeProblems = (theme.problems.length > 0 ? theme.problems : [{ file: themeFile, message: theme.message }]).map((problem) => ({ ...problem, code: theme.code }));
    throw new BriefError('template', problems[0]!.message, {
      problems: [...themeProblems, ...problems],
      hint: `${theme.hint ?? 'fix the theme'}; templates receive the view model listed in docs/templates.md; nothing was written`,
    });
  }
  if (problems.length > 0) {
    throw new BriefError('template', problems[0]!.message, {
      problems,
      hint: 'templates receive the view model listed in docs/templates.md; nothing was written',
    });
  }
  if (!clean) rememberClean(texts);
  return { name, dir, main: source, partials, theme, email, stylesheet, files };
}

/** Lints a loaded template's main file and mail body (partials are checked where they are used). */
export function checkTemplate(template: Pick<Template, 'main' | 'partials' | 'email' | 'files'>): Problem[] {
  const partials = new Map(Object.entries(template.partials).map(([name, partial]) => [name, { file: partial.file, source: partial.source }]));
  const context = { root: viewModelShape, partials };
  return [...lintTemplate({ file: template.files.main, source: template.main }, context), ...(template.email ? lintTemplate(template.email, context) : [])];
}
