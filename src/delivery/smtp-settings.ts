import { BriefError, ExitCode } from '../errors.js';

/** How to reach the SMTP server: from the environment only, never from a brief file. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (smtps, port 465) rather than STARTTLS. */
  secure: boolean;
  /** false only when BRIEF_SMTP_TLS=none says so explicitly (a local relay); never a silent fallback. */
  requireTls: boolean;
  auth?: { user: string; pass: string };
  /** PEM of a private CA to trust (BRIEF_SMTP_CA). */
  ca?: string;
  from: string;
}

function configError(variable: string, what: string): BriefError {
  return new BriefError('smtp-config', `${variable} ${what}`, {
    exitCode: ExitCode.config,
    hint: 'set BRIEF_SMTP_URL (e.g. smtps://user:pass@smtp.example.org:465) or BRIEF_SMTP_HOST/PORT/USER/PASS/SECURE, and BRIEF_SMTP_FROM',
  });
}

/**
 * SMTP settings from the environment: BRIEF_SMTP_URL, or BRIEF_SMTP_HOST with _PORT, _USER, _PASS,
 * _SECURE; BRIEF_SMTP_FROM (or the brief's email.from) for the sender; BRIEF_SMTP_CA for a private
 * CA; BRIEF_SMTP_TLS=none for a relay without TLS. A missing setting is exit 78 naming it.
 */
export function smtpSettingsFromEnv(env: NodeJS.ProcessEnv, readCa: (path: string) => string, fallbackFrom?: string): SmtpSettings {
  const from = env.BRIEF_SMTP_FROM ?? fallbackFrom;
  if (!from) throw configError('BRIEF_SMTP_FROM', 'is not set (and the brief has no email.from)');
  const requireTls = (env.BRIEF_SMTP_TLS ?? '').toLowerCase() !== 'none';
  let ca: string | undefined;
  if (env.BRIEF_SMTP_CA) {
    try {
      ca = readCa(env.BRIEF_SMTP_CA);
    } catch {
      throw configError('BRIEF_SMTP_CA', `names a file that cannot be read (${env.BRIEF_SMTP_CA})`);
    }
  }
  if (env.BRIEF_SMTP_URL) {
    let url: URL;
    try {
      url = new URL(env.BRIEF_SMTP_URL);
    } catch {
      throw configError('BRIEF_SMTP_URL', 'is not a URL');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw configError('BRIEF_SMTP_URL', `must start with smtp:// or smtps:// (got ${url.protocol}//)`);
    const secure = url.protocol === 'smtps:';
    return {
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      requireTls,
      ...(url.username && { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
      ...(ca && { ca }),
      from,
    };
  }
  if (!env.BRIEF_SMTP_HOST) throw configError('BRIEF_SMTP_URL', '(or BRIEF_SMTP_HOST) is not set');
  const secure = /^(1|true|yes)$/i.test(env.BRIEF_SMTP_SECURE ?? '');
  const port = Number(env.BRIEF_SMTP_PORT ?? (secure ? 465 : 587));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw configError('BRIEF_SMTP_PORT', `is not a port number (${env.BRIEF_SMTP_PORT})`);
  if (env.BRIEF_SMTP_USER && env.BRIEF_SMTP_PASS === undefined) throw configError('BRIEF_SMTP_PASS', 'is not set (BRIEF_SMTP_USER is)');
  return {
    host: env.BRIEF_SMTP_HOST,
    port,
    secure,
    requireTls,
    ...(env.BRIEF_SMTP_USER && { auth: { user: env.BRIEF_SMTP_USER, pass: env.BRIEF_SMTP_PASS ?? '' } }),
    ...(ca && { ca }),
    from,
  };
}
