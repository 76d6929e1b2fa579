import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs, { type Argv } from 'yargs';
import type { GenerateCommandOptions } from './commands/generate.js';
import { ExitCode } from './errors.js';
import { packageRoot } from './paths.js';
import { runCommand, type CommandIO } from './run.js';

/** What the command line asked for, as typed options (tested as a table of argv → invocation). */
export type Invocation =
  | { command: 'generate'; options: GenerateCommandOptions }
  | { command: 'validate'; options: { briefs: string[] } }
  | { command: 'topics'; options: { brief?: string; json: boolean } }
  | { command: 'schema'; options: Record<string, never> };

export interface Parsed {
  invocation?: Invocation;
  /** Help or version text, or the usage error's message. */
  output: string;
  error?: string;
  debug: boolean;
}

const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

const periodOptions = <T,>(y: Argv<T>) =>
  y
    .option('week', { type: 'string', describe: 'ISO week, e.g. 2026-W04', group: 'Period (default: the brief\'s):' })
    .option('month', { type: 'string', describe: 'Month, e.g. 2026-01', group: 'Period (default: the brief\'s):' })
    .option('date', { type: 'string', describe: 'One day, e.g. 2026-01-19', group: 'Period (default: the brief\'s):' })
    .option('from', { type: 'string', describe: 'First day of a custom range', group: 'Period (default: the brief\'s):' })
    .option('to', { type: 'string', describe: 'Last day of a custom range', group: 'Period (default: the brief\'s):' });

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
          y
            .positional('brief', { type: 'string', demandOption: true, describe: 'Brief definition (YAML)' })
            .option('out', { type: 'string', default: 'output', describe: 'Output folder; files go to <out>/<brief-id>/<period>/' })
            .option('force', { type: 'boolean', default: false, describe: 'Replace an earlier output that differs' })
            .option('include-undated', { type: 'boolean', default: false, describe: 'Also use articles without a publication date' })
            .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only warnings, errors and written files' }),
        )
          .example('$0 generate briefs/ukraine-weekly.yaml', 'the brief\'s own period, into output/')
          .example('$0 generate briefs/ukraine-weekly.yaml --from 2026-01-19 --to 2026-02-01 --out /tmp/briefs', 'a custom range elsewhere'),
      (args) => {
        invocation = {
          command: 'generate',
          options: {
            brief: args.brief,
            out: args.out,
            force: args.force,
            includeUndated: args['include-undated'],
            quiet: args.quiet,
            ...(args.week !== undefined && { week: args.week }),
            ...(args.month !== undefined && { month: args.month }),
            ...(args.date !== undefined && { date: args.date }),
            ...(args.from !== undefined && { from: args.from }),
            ...(args.to !== undefined && { to: args.to }),
          },
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
      'schema',
      'Print the JSON Schema of brief files',
      (y) => y.example('$0 schema > briefs/brief.schema.json', 'refresh the schema editors use'),
      () => {
        invocation = { command: 'schema', options: {} };
      },
    )
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces for errors' })
    .demandCommand(1, 'Name a command: generate, validate, topics or schema')
    .strict()
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(version)
    .wrap(100)
    .exitProcess(false);

  return new Promise((resolve) => {
    parser.parse([...argv], {}, (error, args, output) => {
      resolve({ ...(invocation && !error && { invocation }), output, ...(error && { error: error.message }), debug: Boolean(args.debug) });
    });
  });
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
