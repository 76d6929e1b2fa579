import yargs, { type Argv } from 'yargs';
import type { GenerateCommandOptions } from './commands/generate.js';
import type { SendCommandOptions } from './commands/send.js';
import type { RunOptions } from './commands/run-all.js';
import type { PeriodFlags } from './commands/period-option.js';
import { storePath } from './commands/store-option.js';
import { ExitCode } from './errors.js';
import { packageVersion } from './paths.js';
import { runCommand, type CommandIO } from './run.js';

/** What the command line asked for, as typed options (tested as a table of argv → invocation). */
export type Invocation =
  | { command: 'generate'; options: GenerateCommandOptions }
  | { command: 'validate'; options: { briefs: string[] } }
  | { command: 'topics'; options: { brief?: string; json: boolean } }
  | { command: 'ingest'; options: { inputs: string[]; store: string; json: boolean; quiet: boolean } }
  | { command: 'send'; options: SendCommandOptions }
  | { command: 'run'; options: RunOptions }
  | { command: 'init'; options: { dir: string; force: boolean } }
  | { command: 'doctor'; options: { brief?: string; store: string } }
  | { command: 'eval'; options: PeriodFlags & { brief: string; facts: string; store: string; minRecall: number; json: boolean } }
  | { command: 'sources'; options: PeriodFlags & { store: string; undated: boolean; search?: string; json: boolean } }
  | { command: 'schema'; options: Record<string, never> }
  | { command: 'templates'; options: { action: 'list' | 'eject' | 'check' | 'docs'; name?: string; to?: string; force: boolean } }
  | { command: 'preview'; options: { brief: string; out: string; store: string; watch: boolean } };

export interface Parsed {
  invocation?: Invocation;
  /** Help or version text, or the usage error's message. */
  output: string;
  error?: string;
  debug: boolean;
}

const periodOptions = <T,>(y: Argv<T>) =>
  y
    .option('week', { type: 'string', describe: 'ISO week, e.g. 2026-W04', group: 'Period (default: the brief\'s):' })
    .option('month', { type: 'string', describe: 'Month, e.g. 2026-01', group: 'Period (default: the brief\'s):' })
    .option('date', { type: 'string', describe: 'One day, e.g. 2026-01-19', group: 'Period (default: the brief\'s):' })
    .option('from', { type: 'string', describe: 'First day of a custom range', group: 'Period (default: the brief\'s):' })
    .option('to', { type: 'string', describe: 'Last day of a custom range', group: 'Period (default: the brief\'s):' });

const storeOption = <T,>(y: Argv<T>) =>
  y.option('store', { type: 'string', describe: 'Corpus store (SQLite); --no-store reads sources without keeping them [default: .brief/corpus.db]' });

/** --no-refresh: for archives that `brief ingest` keeps current, generate reads only the store. */
const refreshOption = <T,>(y: Argv<T>) =>
  y
    .option('refresh', {
      type: 'boolean',
      default: true,
      describe: 'Check source files for changes and fetch feeds first; --no-refresh reads the store as last ingested (an archive brief ingest keeps current)',
    })
    .check((args) => (args.refresh === false && args.store === false ? '--no-refresh reads the store as last ingested; it cannot be used with --no-store' : true));

/** Period flags, as given. */
function periodFlags(args: PeriodFlags): PeriodFlags {
  return {
    ...(args.week !== undefined && { week: args.week }),
    ...(args.month !== undefined && { month: args.month }),
    ...(args.date !== undefined && { date: args.date }),
    ...(args.from !== undefined && { from: args.from }),
    ...(args.to !== undefined && { to: args.to }),
  };
}

/** The arguments that take a list: each command's positional files or inputs. */
const LISTS = new Set(['briefs', 'inputs', '_']);

/**
 * An option given twice (`--out a --out b`, `--store x --no-store`) is a usage error: yargs would
 * pass on both values as a list to code that expects one, and which was meant is not ours to guess.
 */
function givenOnce(args: Record<string, unknown>): true | string {
  const twice = Object.keys(args).find((key) => !LISTS.has(key) && !/[A-Z]/.test(key) && Array.isArray(args[key]));
  if (twice === undefined) return true;
  const values = (args[twice] as unknown[]).map((value) => (value === false ? `--no-${twice}` : `--${twice}${value === true ? '' : ` ${String(value)}`}`));
  return `--${twice} is given more than once (${values.join(', ')}); give it once`;
}

/** Parses argv without running anything or exiting. */
export async function parseArgs(argv: readonly string[]): Promise<Parsed> {
  let invocation: Invocation | undefined;
  const parser = yargs()
    .scriptName('brief')
    .usage('$0 <command> [options]\n\nTurn a week of news into sourced policy briefings (Markdown + PDF).')
    .command(
      'generate <brief>',
      'Generate a brief: read its sources, analyse each topic, write Markdown, PDF and JSON',
      (y) =>
        periodOptions(
          refreshOption(storeOption(y))
            .positional('brief', { type: 'string', demandOption: true, describe: 'Brief definition (YAML)' })
            .option('out', { type: 'string', default: 'output', describe: 'Output folder; files go to <out>/<brief-id>/<period>/' })
            .option('force', { type: 'boolean', default: false, describe: 'Replace an earlier output that differs' })
            .option('include-undated', { type: 'boolean', default: false, describe: 'Also use articles without a publication date' })
            .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only warnings, errors and written files' })
            .option('explain', { type: 'boolean', default: false, describe: 'Print why each development was chosen, the best passages left out, and what was read as no report' })
            .option('send', { type: 'boolean', default: false, describe: 'Then email it to the brief\'s distribution list (see brief send)' })
            .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Also list the articles read and each topic\'s candidates' }),
        )
          .example('$0 generate briefs/ukraine-weekly.yaml', 'the brief\'s own period, into output/')
          .example('$0 generate briefs/ukraine-weekly.yaml --from 2026-01-19 --to 2026-02-01 --out /tmp/briefs', 'a custom range elsewhere')
          .example('$0 ingest archive/ && $0 generate briefs/weekly.yaml --no-refresh', 'from a store kept current by ingest (cron), without checking every file'),
      (args) => {
        invocation = {
          command: 'generate',
          options: {
            brief: args.brief,
            out: args.out,
            force: args.force,
            includeUndated: args['include-undated'],
            ...(args.refresh === false && { refresh: false }),
            quiet: args.quiet,
            ...(args.explain && { explain: true }),
            ...(args.send && { send: true }),
            ...(args.verbose && { verbose: true }),
            store: storePath(args.store as string | false | undefined),
            ...periodFlags(args),
          },
        };
      },
    )
    .command(
      'init [dir]',
      'Create a workspace to start from: a sample brief, the topic library, the templates and a small corpus',
      (y) =>
        y
          .positional('dir', { type: 'string', default: '.', describe: 'Folder (created if needed; must be empty)' })
          .option('force', { type: 'boolean', default: false, describe: 'Add the files even if the folder is not empty' })
          .example('$0 init desk-briefs && cd desk-briefs && $0 generate briefs/weekly.yaml', 'a new workspace, then its first brief'),
      (args) => {
        invocation = { command: 'init', options: { dir: args.dir, force: args.force } };
      },
    )
    .command(
      'run [briefs..]',
      'Generate every brief in briefs/ (or those named) in parallel, and send those with --send; a summary at the end',
      (y) =>
        periodOptions(
          refreshOption(storeOption(y))
            .positional('briefs', { type: 'string', array: true, describe: 'Brief files [default: briefs/*.yaml]' })
            .option('out', { type: 'string', default: 'output', describe: 'Output folder' })
            .option('force', { type: 'boolean', default: false, describe: 'Replace earlier outputs that differ' })
            .option('send', { type: 'boolean', default: false, describe: 'Email the briefs that have an email: block' })
            .option('jobs', { alias: 'j', type: 'number', describe: 'Briefs at once [default: the number of cores]' })
            .option('json', { type: 'boolean', default: false, describe: 'Print the summary as JSON' })
            .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Only the summary' }),
        )
          .example('$0 run --send', 'every brief for last week, mailed (e.g. from cron on Mondays)')
          .example('$0 run briefs/a.yaml briefs/b.yaml --week 2026-W04 --json', 'two briefs for one week, machine-readable'),
      (args) => {
        invocation = {
          command: 'run',
          options: { briefs: args.briefs ?? [], out: args.out, force: args.force, ...(args.refresh === false && { refresh: false }), send: args.send, json: args.json, quiet: args.quiet, ...(args.jobs !== undefined && { jobs: args.jobs }), store: storePath(args.store as string | false | undefined), ...periodFlags(args) },
        };
      },
    )
    .command(
      'send <brief>',
      'Email the brief (PDF attached) to its distribution list, exactly once; SMTP settings come from BRIEF_SMTP_*',
      (y) =>
        periodOptions(
          storeOption(y)
            .positional('brief', { type: 'string', demandOption: true, describe: 'Brief definition (YAML) with an email: block' })
            .option('out', { type: 'string', default: 'output', describe: 'Where the outputs are (generated first when missing)' })
            .option('force', { type: 'boolean', default: false, describe: 'Replace an earlier output that differs before sending' })
            .option('dry-run', { type: 'boolean', default: false, describe: 'Write the .eml next to the PDF and print recipients and size; send nothing' })
            .option('resend', { type: 'boolean', default: false, describe: 'Send again a message the ledger records as sent or unknown' }),
        )
          .example('BRIEF_SMTP_URL=smtps://user:pass@smtp.example.org:465 BRIEF_SMTP_FROM=desk@example.org $0 send briefs/ukraine-weekly.yaml', 'send this week\'s brief')
          .example('$0 send briefs/ukraine-weekly.yaml --dry-run', 'write the .eml and show who would receive it'),
      (args) => {
        invocation = {
          command: 'send',
          options: { brief: args.brief, out: args.out, force: args.force, dryRun: args['dry-run'], resend: args.resend, store: storePath(args.store as string | false | undefined), ...periodFlags(args) },
        };
      },
    )
    .command(
      'validate <briefs..>',
      'Check brief definitions and report every problem with file:line:col',
      (y) => y.positional('briefs', { type: 'string', array: true, demandOption: true, describe: 'Brief files' }).example('$0 validate briefs/*.yaml', 'check every brief'),
      (args) => {
        invocation = { command: 'validate', options: { briefs: args.briefs } };
      },
    )
    .command(
      'topics',
      'List the topic library a brief can use',
      (y) =>
        y
          .option('brief', { type: 'string', describe: 'Include the topics/ folder beside this brief' })
          .option('json', { type: 'boolean', default: false, describe: 'Print topics as JSON' })
          .example('$0 topics --brief briefs/ukraine-weekly.yaml', 'topics available to that brief'),
      (args) => {
        invocation = { command: 'topics', options: { ...(args.brief !== undefined && { brief: args.brief }), json: args.json } };
      },
    )
    .command(
      'ingest <inputs..>',
      'Bring articles into the corpus store: files, folders, globs or feed URLs (only new or changed files are parsed)',
      (y) =>
        storeOption(y)
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Files, folders, globs, or http(s) feed URLs' })
          .option('json', { type: 'boolean', default: false, describe: 'Print the counts and warnings as JSON' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress lines (a large ingest that parses reports each tenth): only warnings, errors and the summary' })
          .example('$0 ingest corpus/ https://example.org/world/rss.xml', 'a folder and a feed')
          .example("$0 ingest 'archive/**/*.html' --store /srv/briefs/corpus.db", 'saved pages into a shared store'),
      (args) => {
        invocation = { command: 'ingest', options: { inputs: args.inputs, store: storePath(args.store as string | false | undefined), json: args.json, quiet: args.quiet } };
      },
    )
    .command(
      'sources',
      'List the articles in the corpus store with dates, publishers and problems',
      (y) =>
        periodOptions(storeOption(y))
          .option('undated', { type: 'boolean', default: false, describe: 'Only articles without a publication date' })
          .option('search', { type: 'string', describe: 'Full-text query (accents ignored), e.g. "security guarantees"' })
          .option('json', { type: 'boolean', default: false, describe: 'Print as JSON' })
          .example('$0 sources --week 2026-W04', 'what a weekly brief would read')
          .example('$0 sources --undated', 'articles left out of dated periods'),
      (args) => {
        invocation = {
          command: 'sources',
          options: { store: storePath(args.store as string | false | undefined), undated: args.undated, json: args.json, ...(args.search !== undefined && { search: args.search }), ...periodFlags(args) },
        };
      },
    )
    .command(
      'eval <brief>',
      'Score a brief against labelled facts: recall and leakage per topic, provenance and context of every statement',
      (y) =>
        periodOptions(storeOption(y))
          .positional('brief', { type: 'string', demandOption: true, describe: 'Brief definition (YAML)' })
          .option('facts', { type: 'string', demandOption: true, describe: 'Facts file (YAML: topics → facts with keywords, must_not_appear)' })
          .option('min-recall', { type: 'number', default: 0.9, describe: 'Recall each topic must reach for exit 0' })
          .option('json', { type: 'boolean', default: false, describe: 'Print the scores as JSON' })
          .example('$0 eval briefs/ukraine-weekly.yaml --facts eval/ukraine-weekly-facts.yaml', 'score the sample brief'),
      (args) => {
        invocation = {
          command: 'eval',
          options: { brief: args.brief, facts: args.facts, minRecall: args['min-recall'], json: args.json, store: storePath(args.store as string | false | undefined), ...periodFlags(args) },
        };
      },
    )
    .command(
      'templates <action> [name]',
      'Customise templates: list the built-in ones, eject one to edit, check a template folder',
      (y) =>
        y
          .positional('action', { choices: ['list', 'eject', 'check', 'docs'] as const, demandOption: true, describe: 'list | eject <name> | check <folder> | docs' })
          .positional('name', { type: 'string', describe: 'Template name (eject) or folder (check)' })
          .option('to', { type: 'string', describe: 'Where eject copies the template [default: templates/<name>]' })
          .option('force', { type: 'boolean', default: false, describe: 'Let eject overwrite an existing folder' })
          .check((args) => (args.action === 'eject' || args.action === 'check') && !args.name ? `templates ${args.action} needs a template name or folder` : true)
          .example('$0 templates eject weekly --to templates/desk-weekly', 'copy the weekly template to edit it')
          .example('$0 templates check templates/desk-weekly', 'lint an edited template against the view model'),
      (args) => {
        invocation = { command: 'templates', options: { action: args.action, ...(args.name !== undefined && { name: args.name }), ...(args.to !== undefined && { to: args.to }), force: args.force } };
      },
    )
    .command(
      'preview <brief>',
      'Render a brief into a preview folder; with --watch, again on every change to the brief, template or theme',
      (y) =>
        storeOption(y)
          .positional('brief', { type: 'string', demandOption: true, describe: 'Brief definition (YAML)' })
          .option('out', { type: 'string', default: 'output/preview', describe: 'Preview folder (replaced on every render)' })
          .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'Keep watching and render on every change' })
          .example('$0 preview briefs/ukraine-weekly.yaml --watch', 'edit templates and see the result'),
      (args) => {
        invocation = { command: 'preview', options: { brief: args.brief, out: args.out, watch: args.watch, store: storePath(args.store as string | false | undefined) } };
      },
    )
    .command(
      'doctor',
      'Check this machine: Node version, templates, fonts, the corpus store, SMTP settings (nothing is sent)',
      (y) =>
        storeOption(y)
          .option('brief', { type: 'string', describe: 'Also check this brief and its template' })
          .example('$0 doctor --brief briefs/ukraine-weekly.yaml', 'everything a weekly run needs'),
      (args) => {
        invocation = { command: 'doctor', options: { ...(args.brief !== undefined && { brief: args.brief }), store: storePath(args.store as string | false | undefined) } };
      },
    )
    .completion('completion', 'Print a bash/zsh completion script (brief completion >> ~/.bashrc)')
    .command(
      'schema',
      'Print the JSON Schema of brief files',
      (y) => y.example('$0 schema > briefs/brief.schema.json', 'refresh the schema editors use'),
      () => {
        invocation = { command: 'schema', options: {} };
      },
    )
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces for errors' })
    .check(givenOnce)
    .demandCommand(1, 'Name a command: init, generate, run, send, preview, validate, ingest, sources, eval, topics, templates, doctor or schema')
    .strict()
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(packageVersion())
    .wrap(100)
    .exitProcess(false)
    // A command's own .check() fails without reaching the parse callback's error: keep its message.
    .fail((message, error) => {
      failure = error?.message ?? message;
    });

  skipHelpCopy(parser);

  let failure: string | undefined;
  return new Promise((resolve) => {
    parser.parse([...argv], {}, (error, args, output) => {
      const message = error?.message ?? failure;
      resolve({ ...(invocation && !message && { invocation }), output: message ? '' : output, ...(message && { error: message }), debug: Boolean(args.debug) });
    });
  });
}

/** The part of yargs' internal API that holds the rendered help of the command being run. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } | undefined };
}

/**
 * After a command's handler, yargs renders that command's whole help (~50 ms of every start), to
 * show it if an async handler fails later. Ours only record the invocation and never fail, and
 * --help and usage errors render their text as they happen, so the copy is never read. Returns
 * whether yargs still has the hook (a test fails if an upgrade renames it).
 */
export function skipHelpCopy(parser: object): boolean {
  const usage = (parser as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage !== 'function') return false;
  usage.cacheHelpMessage = () => {};
  return true;
}

/** Runs one invocation and returns the exit code. Commands load only what they use (fast start). */
export async function dispatch(invocation: Invocation, io: CommandIO): Promise<number> {
  switch (invocation.command) {
    case 'generate':
      return (await import('./commands/generate.js')).generateCommand(invocation.options, io);
    case 'validate':
      return (await import('./commands/validate.js')).validateCommand(invocation.options, io);
    case 'topics':
      return (await import('./commands/topics.js')).topicsCommand(invocation.options, io);
    case 'templates':
      return (await import('./commands/templates.js')).templatesCommand(invocation.options, io);
    case 'preview':
      return (await import('./commands/preview.js')).previewCommand(invocation.options, io);
    case 'doctor':
      return (await import('./commands/doctor.js')).doctorCommand(invocation.options, io);
    case 'init':
      return (await import('./commands/init.js')).initCommand(invocation.options, io);
    case 'run':
      return (await import('./commands/run-all.js')).runAllCommand(invocation.options, io);
    case 'send':
      return (await import('./commands/send.js')).sendCommand(invocation.options, io);
    case 'eval':
      return (await import('./commands/eval.js')).evalCommand(invocation.options, io);
    case 'ingest':
      return (await import('./commands/ingest.js')).ingestCommand(invocation.options, io);
    case 'sources':
      return (await import('./commands/sources.js')).sourcesCommand(invocation.options, io);
    case 'schema':
      io.stdout(JSON.stringify((await import('./brief/schema.js')).buildBriefJsonSchema(), null, 2));
      return ExitCode.ok;
  }
}

/** argv → options → one library call → exit code. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = await parseArgs(argv);
  if (parsed.error !== undefined) {
    io.stderr(`error[usage]: ${parsed.error}`);
    io.stderr('hint: run brief --help, or brief <command> --help');
    return ExitCode.usage;
  }
  if (!parsed.invocation) {
    if (parsed.output) io.stdout(parsed.output);
    return ExitCode.ok;
  }
  const invocation = parsed.invocation;
  return runCommand({ ...io, debug: parsed.debug }, () => dispatch(invocation, io));
}
