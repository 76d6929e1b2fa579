import { cp, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BriefError, ExitCode } from '../errors.js';
import { builtinTemplatesDir } from '../paths.js';
import type { CommandIO } from '../run.js';
import { loadThemeFiles } from '../pdf/load-fonts.js';
import { loadTemplate } from '../templates/load-template.js';
import { buildTemplateReference } from '../templates/template-docs.js';

/** The first comment in a template's brief.md.hbs: its one-line description. */
async function describeTemplate(dir: string): Promise<string> {
  const source = await readFile(join(dir, 'brief.md.hbs'), 'utf8').catch(() => '');
  return /\{\{!--\s*([\s\S]*?)--\}\}/.exec(source)?.[1]?.split('\n')[0]?.trim() ?? '';
}

/** `brief templates list|eject|check|docs`. */
export async function templatesCommand(options: { action: 'list' | 'eject' | 'check' | 'docs'; name?: string; to?: string; force: boolean }, io: CommandIO): Promise<number> {
  switch (options.action) {
    case 'list': {
      for (const name of (await readdir(builtinTemplatesDir)).sort()) io.stdout(`${name.padEnd(10)}  ${await describeTemplate(join(builtinTemplatesDir, name))}`);
      return ExitCode.ok;
    }
    case 'docs':
      io.stdout(buildTemplateReference().trimEnd());
      return ExitCode.ok;
    case 'eject': {
      const name = options.name!;
      const from = join(builtinTemplatesDir, name);
      if (!(await stat(from).catch(() => undefined))) {
        throw new BriefError('template-missing', `no built-in template "${name}"`, { exitCode: ExitCode.usage, hint: 'brief templates list shows them' });
      }
      const to = resolve(options.to ?? join('templates', name));
      if ((await stat(to).catch(() => undefined)) && !options.force) {
        throw new BriefError('output-exists', `${to} exists; not overwritten`, { exitCode: ExitCode.cantCreate, hint: 'choose another folder with --to, or pass --force' });
      }
      await cp(from, to, { recursive: true, force: options.force });
      io.stdout(`ejected ${name} to ${to}`);
      io.stdout(`use it with   template: ${to}   in a brief (a path relative to the brief works too), then: brief templates check ${to}`);
      return ExitCode.ok;
    }
    case 'check': {
      // A template that fails to load throws a BriefError; runCommand prints it and exits with its code.
      const template = await loadTemplate(options.name!, process.cwd());
      // The fonts and logo the theme names, which only a PDF would otherwise find missing.
      await loadThemeFiles(template.theme, template.dir);
      const parts = [`brief.md.hbs`, ...(template.email ? ['email.md.hbs'] : []), `${Object.keys(template.partials).length} partials`];
      io.stdout(`ok ${template.dir}: ${parts.join(', ')} match the view model; theme valid, its fonts${template.theme.logo ? ' and logo' : ''} found`);
      return ExitCode.ok;
    }
  }
}
