import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { parseArgs, skipHelpCopy } from '../../src/cli.js';
import { runCli } from '../helpers.js';

describe('argv → invocation', () => {
  it.each([
    [['generate', 'b.yaml'], { command: 'generate', options: { brief: 'b.yaml', out: 'output', force: false, includeUndated: false, quiet: false, store: '.brief/corpus.db' } }],
    [
      ['generate', 'b.yaml', '--from', '2026-01-19', '--to', '2026-02-01', '--out', '/tmp/x', '--force', '-q'],
      { command: 'generate', options: { brief: 'b.yaml', out: '/tmp/x', force: true, includeUndated: false, quiet: true, store: '.brief/corpus.db', from: '2026-01-19', to: '2026-02-01' } },
    ],
    [['generate', 'b.yaml', '--week', '2026-W04', '--include-undated'], { command: 'generate', options: { brief: 'b.yaml', out: 'output', force: false, includeUndated: true, quiet: false, store: '.brief/corpus.db', week: '2026-W04' } }],
    [['generate', 'b.yaml', '--no-store'], { command: 'generate', options: { brief: 'b.yaml', out: 'output', force: false, includeUndated: false, quiet: false, store: ':memory:' } }],
    [['generate', 'b.yaml', '--store', '/srv/c.db'], { command: 'generate', options: { brief: 'b.yaml', out: 'output', force: false, includeUndated: false, quiet: false, store: '/srv/c.db' } }],
    [['generate', 'b.yaml', '--no-refresh'], { command: 'generate', options: { brief: 'b.yaml', out: 'output', force: false, includeUndated: false, refresh: false, quiet: false, store: '.brief/corpus.db' } }],
    [['run', '--no-refresh', '-q'], { command: 'run', options: { briefs: [], out: 'output', force: false, refresh: false, send: false, json: false, quiet: true, store: '.brief/corpus.db' } }],
    [['ingest', 'corpus', 'https://example.org/rss.xml', '--json'], { command: 'ingest', options: { inputs: ['corpus', 'https://example.org/rss.xml'], store: '.brief/corpus.db', json: true, quiet: false } }],
    [['ingest', 'archive', '-q'], { command: 'ingest', options: { inputs: ['archive'], store: '.brief/corpus.db', json: false, quiet: true } }],
    [['sources', '--week', '2026-W04', '--search', 'Feijoo'], { command: 'sources', options: { store: '.brief/corpus.db', undated: false, json: false, search: 'Feijoo', week: '2026-W04' } }],
    [['validate', 'a.yaml', 'b.yaml'], { command: 'validate', options: { briefs: ['a.yaml', 'b.yaml'] } }],
    [['topics'], { command: 'topics', options: { json: false } }],
    [['topics', '--brief', 'b.yaml', '--json'], { command: 'topics', options: { brief: 'b.yaml', json: true } }],
    [['schema'], { command: 'schema', options: {} }],
  ])('%j', async (argv, expected) => {
    const parsed = await parseArgs(argv);
    expect(parsed.error).toBeUndefined();
    expect(parsed.invocation).toEqual(expected);
  });

  it.each([[['generat', 'b.yaml']], [['generate']], [['generate', 'b.yaml', '--colour']], [[]]])('%j is a usage error (exit 64)', async (argv) => {
    const result = await runCli(argv);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/^error\[usage\]: /);
    expect(result.stderr).toMatch(/^hint: run brief --help/m);
  });

  // A command's own check (not yargs' built-in ones) must fail the same way, not print help and exit 0.
  it.each([
    [['generate', 'b.yaml', '--no-store', '--no-refresh'], '--no-refresh reads the store as last ingested; it cannot be used with --no-store'],
    [['templates', 'eject'], 'templates eject needs a template name or folder'],
    // A repeated option reached the commands as a list: `--out a --out b` was an internal error with
    // a stack trace, `--store x --no-store` a store named "x,false".
    [['generate', 'b.yaml', '--out', 'a', '--out', 'b'], '--out is given more than once (--out a, --out b); give it once'],
    [['generate', 'b.yaml', '--store', 'x.db', '--no-store'], '--store is given more than once (--store x.db, --no-store); give it once'],
    [['run', '--week', '2026-W04', '--week', '2026-W05'], '--week is given more than once (--week 2026-W04, --week 2026-W05); give it once'],
    [['send', 'b.yaml', '--to', '2026-01-02', '--to', '2026-01-03'], '--to is given more than once (--to 2026-01-02, --to 2026-01-03); give it once'],
  ])('%j is a usage error (exit 64) naming the problem', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(64);
    expect(result.stderr.split('\n')[0]).toBe(`error[usage]: ${message}`);
    expect(result.stdout).toBe('');
  });

  it('refuses two periods at once (exit 64)', async () => {
    const result = await runCli(['generate', 'b.yaml', '--week', '2026-W04', '--from', '2026-01-01', '--to', '2026-01-02']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('give only one of --week, --month, --date or --from/--to');
  });
});

describe("yargs' copy of each command's help", () => {
  it('is switched off through the hook yargs still has (else every start renders the help again)', () => {
    const parser = yargs();
    expect(skipHelpCopy(parser)).toBe(true);
    expect(skipHelpCopy({})).toBe(false);
  });
});

describe('--help text (pinned)', () => {
  it.each([[[]], [['generate']], [['validate']], [['topics']], [['ingest']], [['sources']]])('brief %j --help', async (argv) => {
    const result = await runCli([...argv, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });

  it('every command has a one-line purpose and an example', async () => {
    for (const command of ['generate', 'validate', 'ingest', 'sources', 'topics', 'schema']) {
      const { stdout } = await runCli([command, '--help']);
      expect(stdout, command).toMatch(/^Examples:$/m);
    }
  });
});
