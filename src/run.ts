import { BriefError, ExitCode, formatBriefError } from './errors.js';

/** Where a command talks to the world: output streams and the clock. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
  /** Show stack traces for expected errors too. */
  debug?: boolean;
}

/** The process's own streams and clock. */
export const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  now: () => new Date(),
};

/**
 * Runs a command and turns its outcome into an exit code: expected problems print as
 * `error[code]: file:line:col: what` plus a hint; anything else is a bug and keeps its stack.
 */
export async function runCommand(io: CommandIO, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof BriefError) {
      io.stderr(formatBriefError(error));
      if (io.debug) io.stderr(String(error.stack));
      return error.exitCode;
    }
    io.stderr(`error[internal]: ${error instanceof Error ? error.message : String(error)}`);
    io.stderr('hint: this is a bug in Briefwright; please report it with the stack below');
    io.stderr(error instanceof Error ? String(error.stack) : '');
    return ExitCode.software;
  }
}
