import type { CommandIO } from '../run.js';
import { formatWarning } from '../sources/collect-sources.js';
import { sendBrief } from '../delivery/send-brief.js';
import { DEFAULT_TIMEOUTS } from '../delivery/send-smtp.js';
import { periodFromFlags, type PeriodFlags } from './period-option.js';
import { took } from '../code-paths.js';

export interface SendCommandOptions extends PeriodFlags {
  brief: string;
  out: string;
  store: string;
  force: boolean;
  dryRun: boolean;
  resend: boolean;
}

/** `brief send` (and `generate --send`): generate or reuse the outputs, then mail them once. */
export async function sendCommand(options: SendCommandOptions, io: CommandIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  took('send');
  const period = periodFromFlags(options);
  const timeout = Number(env.BRIEF_SMTP_TIMEOUT_MS) || undefined;
  const result = await sendBrief({
    briefFile: options.brief,
    ...(period && { period }),
    now: io.now(),
    outDir: options.out,
    store: options.store,
    force: options.force,
    dryRun: options.dryRun,
    resend: options.resend,
    env,
    ...(timeout && { timeouts: { ...DEFAULT_TIMEOUTS, connection: timeout, greeting: timeout, socket: timeout } }),
    onProgress: (event) => {
      if (event.stage === 'warning') io.stderr(formatWarning(event.warning));
    },
    report: (line) => io.stdout(line),
  });
  return result.exitCode;
}
