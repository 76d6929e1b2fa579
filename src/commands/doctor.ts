import { readFileSync } from 'node:fs';
import { ExitCode } from '../errors.js';
import { loadBrief } from '../brief/load-brief.js';
import type { Brief } from '../brief/brief.js';
import { smtpSettingsFromEnv } from '../delivery/smtp-settings.js';
import { loadFonts } from '../pdf/load-fonts.js';
import { cacheDir, describeCache } from '../cache-dir.js';
import type { CommandIO } from '../run.js';
import { openStore } from '../store/open-store.js';
import { loadTemplate } from '../templates/load-template.js';
import { BriefError } from '../errors.js';

interface Check {
  name: string;
  run: () => Promise<string>;
}

/** `brief doctor`: checks what a brief needs to run here, and says how to fix what is wrong. */
export async function doctorCommand(options: { brief?: string; store: string }, io: CommandIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const brief: Brief | Error | undefined = options.brief ? await loadBrief(options.brief).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))) : undefined;
  const checks: Check[] = [
    {
      name: 'Node.js',
      run: async () => {
        const major = Number(process.versions.node.split('.')[0]);
        if (major < 20) throw new Error(`Node ${process.versions.node} is too old; install Node 20 or newer`);
        return `Node ${process.versions.node}`;
      },
    },
    {
      name: 'brief',
      run: async () => {
        if (!options.brief) return 'skipped (pass --brief to check one)';
        if (brief instanceof Error) throw new Error(brief instanceof BriefError ? `${brief.problems.length || 1} problem(s): ${brief.problems[0]?.message ?? brief.message}; run brief validate` : brief.message);
        return `${options.brief} is valid`;
      },
    },
    {
      name: 'templates',
      run: async () => {
        const names = ['weekly', 'one-pager', 'memo'];
        const own = brief && !(brief instanceof Error) ? brief : undefined;
        if (own) names.push(own.template);
        for (const name of new Set(names)) await loadTemplate(name, own?.dir ?? process.cwd());
        return `${[...new Set(names)].join(', ')}: lint clean`;
      },
    },
    {
      name: 'fonts',
      run: async () => {
        const template = await loadTemplate('weekly', process.cwd());
        const fonts = await loadFonts(template.theme, template.dir);
        return `${Object.keys(fonts).length} TrueType faces found`;
      },
    },
    {
      name: 'cache',
      run: async () => describeCache(cacheDir(env)),
    },
    {
      name: 'corpus store',
      run: async () => {
        const store = openStore(options.store);
        const { n } = store.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number };
        store.close();
        return `${options.store}: ${n} articles`;
      },
    },
    {
      name: 'SMTP settings',
      run: async () => {
        const own = brief && !(brief instanceof Error) ? brief : undefined;
        if (!env.BRIEF_SMTP_URL && !env.BRIEF_SMTP_HOST) return 'not set (only needed for brief send)';
        const settings = smtpSettingsFromEnv(env, (path) => readFileSync(path, 'utf8'), own?.email?.from);
        return `${settings.secure ? 'smtps' : 'smtp'}://${settings.host}:${settings.port}, ${settings.secure ? 'implicit TLS' : settings.requireTls ? 'STARTTLS required' : 'NO TLS (BRIEF_SMTP_TLS=none)'}${settings.auth ? `, as ${settings.auth.user}` : ''}; nothing was sent`;
      },
    },
  ];
  let failed = 0;
  for (const check of checks) {
    try {
      io.stdout(`ok    ${check.name}: ${await check.run()}`);
    } catch (error) {
      failed += 1;
      const message = error instanceof BriefError ? `${error.message}${error.hint ? ` (fix: ${error.hint})` : ''}` : (error as Error).message;
      io.stdout(`FAIL  ${check.name}: ${message}`);
    }
  }
  io.stdout(failed ? `${failed} check(s) failed` : 'all checks passed');
  return failed ? ExitCode.config : ExitCode.ok;
}
