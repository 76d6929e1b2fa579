import { BriefError, ExitCode } from '../errors.js';
import { checkPeriodSpec, type PeriodSpec } from '../period/period.js';

/** Period flags as given on the command line. */
export interface PeriodFlags {
  week?: string;
  month?: string;
  date?: string;
  from?: string;
  to?: string;
}

/** Turns period flags into a spec (or undefined: use the brief's), refusing contradictions (exit 64). */
export function periodFromFlags(flags: PeriodFlags): PeriodSpec | undefined {
  const given = (['week', 'month', 'date'] as const).filter((key) => flags[key] !== undefined);
  const range = flags.from !== undefined || flags.to !== undefined;
  if (given.length + (range ? 1 : 0) > 1) throw usage('give only one of --week, --month, --date or --from/--to');
  let spec: PeriodSpec | undefined;
  if (flags.week !== undefined) spec = { week: flags.week };
  else if (flags.month !== undefined) spec = { month: flags.month };
  else if (flags.date !== undefined) spec = { day: flags.date };
  else if (range) {
    if (flags.from === undefined || flags.to === undefined) throw usage('--from and --to go together');
    spec = { from: flags.from, to: flags.to };
  }
  const problem = spec && checkPeriodSpec(spec);
  if (problem) throw usage(problem);
  return spec;
}

function usage(message: string): BriefError {
  return new BriefError('usage', message, { exitCode: ExitCode.usage, hint: 'see brief generate --help' });
}
