/** Exit codes in the BSD sysexits.h style (see docs/operations.md and README). */
export const ExitCode = {
  ok: 0,
  usage: 64,
  dataErr: 65,
  noInput: 66,
  software: 70,
  cantCreate: 73,
  ioErr: 74,
  tempFail: 75,
  protocol: 76,
  noPerm: 77,
  config: 78,
  deliveryUnknown: 79,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Where in an input file a problem is. Lines and columns are 1-based. */
export interface Location {
  file: string;
  line?: number;
  col?: number;
}

/** One problem found in an input, printed as `file:line:col: message`. */
export interface Problem extends Location {
  message: string;
  /** Its own code, when the error reports problems of more than one kind (a template's theme and its files). */
  code?: string;
}

export interface BriefErrorOptions {
  exitCode?: ExitCode;
  location?: Location;
  hint?: string;
  /** Further problems reported together with the first (all problems at once). */
  problems?: Problem[];
  cause?: unknown;
}

/**
 * An expected problem: bad brief, template, source, output clash, delivery refusal.
 * Printed as one line per problem plus a hint, never with a stack trace (unless --debug).
 * Anything that is not a BriefError is a bug and keeps its stack.
 */
export class BriefError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly location: Location | undefined;
  readonly hint: string | undefined;
  readonly problems: Problem[];

  constructor(code: string, message: string, options: BriefErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'BriefError';
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.dataErr;
    this.location = options.location;
    this.hint = options.hint;
    this.problems = options.problems ?? (options.location ? [{ ...options.location, message }] : []);
  }
}

/** `file:line:col` (or less, when line or column is unknown). */
export function formatLocation(location: Location): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.col !== undefined) text += `:${location.col}`;
  }
  return text;
}

/** The lines printed on stderr for an expected error: `error[code]: file:line:col: what` and a hint. */
export function formatBriefError(error: BriefError): string {
  const lines =
    error.problems.length > 0
      ? error.problems.map((p) => `error[${p.code ?? error.code}]: ${formatLocation(p)}: ${p.message}`)
      : [`error[${error.code}]: ${error.message}`];
  if (error.hint) lines.push(`hint: ${error.hint}`);
  return lines.join('\n');
}

/** Maps a Node.js system error (ENOENT, EACCES, ENOSPC…) to our exit codes. */
export function exitCodeForSystemError(error: unknown): ExitCode | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return ExitCode.noInput;
    case 'EACCES':
    case 'EPERM':
      return ExitCode.noPerm;
    case 'ENOSPC':
    case 'EIO':
    case 'EROFS':
    case 'EDQUOT':
      return ExitCode.ioErr;
    default:
      return undefined;
  }
}
