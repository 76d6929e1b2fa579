import { loadBrief } from '../brief/load-brief.js';
import { BriefError, ExitCode, formatBriefError } from '../errors.js';
import { resolvePeriod } from '../period/period.js';
import type { CommandIO } from '../run.js';

/** `brief validate`: checks briefs without reading sources; reports every problem in every file. */
export async function validateCommand(options: { briefs: string[] }, io: CommandIO): Promise<number> {
  let worst: number = ExitCode.ok;
  for (const file of options.briefs) {
    try {
      const brief = await loadBrief(file);
      const period = resolvePeriod(brief.period, io.now(), brief.timezone);
      io.stdout(`ok ${file}: ${brief.topics.length} topics, period ${period.label}, template ${brief.template}`);
    } catch (error) {
      if (!(error instanceof BriefError)) throw error;
      io.stderr(formatBriefError(error));
      worst = Math.max(worst, error.exitCode);
    }
  }
  return worst;
}
