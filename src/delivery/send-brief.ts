import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ViewModel } from '../briefing/view-model.js';
import { BriefError, ExitCode } from '../errors.js';
import { mebibytes } from '../bytes.js';
import { compileTemplate, createTemplateEnvironment, runtimeOptions } from '../markdown/handlebars-env.js';
import { escapeViewModel } from '../markdown/escape-markdown.js';
import { pruneFootnotes } from '../markdown/render-markdown.js';
import { writeOutputs } from '../output/write-outputs.js';
import { checkpoint } from '../output/checkpoint.js';
import { generateBrief, type GenerateOptions } from '../pipeline.js';
import type { Template } from '../templates/load-template.js';
import { buildMessage, DEFAULT_SUBJECT, renderSubject, type Attachment } from './build-message.js';
import { readLedger, recordLedger, type LedgerEntry } from './ledger.js';
import { loadRecipientGroups, resolveRecipients } from './recipients.js';
import { DEFAULT_TIMEOUTS, sendOnce, type Outcome, type Timeouts } from './send-smtp.js';
import { smtpSettingsFromEnv } from './smtp-settings.js';
import { parseMailbox } from './validate-addresses.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const contentTypes: Record<string, string> = { pdf: 'application/pdf', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json' };

export interface SendOptions extends GenerateOptions {
  dryRun?: boolean;
  resend?: boolean;
  env: NodeJS.ProcessEnv;
  /** Injected for tests: the wait between retries, and the jitter's randomness. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  timeouts?: Timeouts;
  report: (line: string) => void;
}

export interface SendResult {
  exitCode: number;
  messageId: string;
  state: string;
}

/** The mail body: the template's email.md.hbs over the escaped view model. */
function renderEmailBody(view: ViewModel, template: Template): string {
  if (!template.email) return `**${view.brief.title}** — ${view.period.text}\n\nThe brief is attached.\n`;
  const env = createTemplateEnvironment(Object.fromEntries(Object.entries(template.partials).map(([name, p]) => [name, p.source])));
  return `${pruneFootnotes(compileTemplate(env, template.email.source)(escapeViewModel(view), runtimeOptions)).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function mib(bytes: number): string {
  return `${mebibytes(bytes)} MiB`;
}

/**
 * `brief send`: generates the brief (or finds identical outputs), builds the mail, and sends it to
 * the distribution list exactly once: the ledger in the output folder records every attempt, a
 * rerun after "sent" sends nothing, and an "unknown" outcome needs --resend.
 */
export async function sendBrief(options: SendOptions): Promise<SendResult> {
  // The output folder's lock is held from generating to the ledger's last word: one sender at a time.
  const generated = await generateBrief({ ...options, keepLock: true });
  try {
    return await deliver(generated, options);
  } finally {
    await generated.release?.();
  }
}

async function deliver(generated: Awaited<ReturnType<typeof generateBrief>>, options: SendOptions): Promise<SendResult> {
  const { brief, view, template, folder, period } = generated;
  if (!brief.email) {
    throw new BriefError('no-email', 'the brief has no email: block', { exitCode: ExitCode.config, location: { file: brief.file }, hint: 'add email: { to: [...] } to the brief' });
  }
  const email = brief.email;
  const base = `${brief.id}-${period.label}`;
  const attach = email.attach ?? ['pdf'];
  const attachments: Attachment[] = [];
  for (const format of attach) {
    if (!brief.formats.includes(format)) {
      throw new BriefError('attach', `email.attach names ${format}, which the brief's formats do not produce`, { exitCode: ExitCode.config, location: brief.emailLocation ?? { file: brief.file } });
    }
    const filename = `${base}.${format}`;
    attachments.push({ filename, content: await readFile(join(folder, filename)), contentType: contentTypes[format]! });
  }
  const recipients = resolveRecipients(brief, await loadRecipientGroups(brief.dir));
  const fromText = options.dryRun ? (options.env.BRIEF_SMTP_FROM ?? email.from ?? 'briefwright@example.invalid') : undefined;
  const settings = options.dryRun ? undefined : smtpSettingsFromEnv(options.env, (path) => readFileSync(path, 'utf8'), email.from);
  const from = parseMailbox(settings?.from ?? fromText!);
  if (typeof from === 'string') throw new BriefError('smtp-config', `BRIEF_SMTP_FROM: address ${from}`, { exitCode: ExitCode.config });
  const message = await buildMessage({
    view,
    from,
    recipients,
    subject: renderSubject(email.subject ?? DEFAULT_SUBJECT, view),
    bodyMarkdown: renderEmailBody(view, template),
    attachments,
    // A dry run is reproducible: its date is the period's end, not the wall clock.
    date: options.dryRun ? new Date(`${view.period.to}T00:00:00Z`) : options.now,
  });
  const maxBytes = email.maxBytes ?? DEFAULT_MAX_BYTES;
  if (message.raw.length > maxBytes) {
    throw new BriefError('too-large', `the message is ${mib(message.raw.length)}, over the ${mib(maxBytes)} limit; nothing was sent`, {
      exitCode: ExitCode.dataErr,
      location: brief.emailLocation ?? { file: brief.file },
      hint: 'attach fewer formats, shorten the brief, or raise email.maxBytes if the server accepts it',
    });
  }
  const summary = `${message.recipients.length} recipient${message.recipients.length === 1 ? '' : 's'} (${message.recipients.join(', ')}), ${mib(message.raw.length)}`;
  if (options.dryRun) {
    const [eml] = await writeOutputs(folder, [{ name: `${base}.eml`, bytes: message.raw }], true);
    options.report(`dry run: ${eml!.path} (${summary}); nothing was sent`);
    return { exitCode: ExitCode.ok, messageId: message.messageId, state: 'dry-run' };
  }
  const ledger = await readLedger(folder);
  const previous = ledger.messages[message.messageId];
  if (previous?.state === 'sent' && !options.resend) {
    options.report(`already sent (Message-ID ${message.messageId}); nothing to do (--resend sends it again)`);
    return { exitCode: ExitCode.ok, messageId: message.messageId, state: 'sent' };
  }
  if ((previous?.state === 'unknown' || previous?.state === 'pending') && !options.resend) {
    throw new BriefError('delivery-unknown', `the last attempt to send Message-ID ${message.messageId} ended with its delivery state unknown`, {
      exitCode: ExitCode.deliveryUnknown,
      hint: 'check with the recipients or the server log; rerun with --resend to send it again',
    });
  }
  const entry: LedgerEntry = { state: 'pending', recipients: message.recipients, attempts: [...(previous?.attempts ?? [])] };
  const retries = email.retry?.attempts ?? 3;
  const delay = email.retry?.delayMs ?? 2000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  let outcome: Outcome = { state: 'failed-transient', response: 'not attempted' };
  for (let attempt = 0; attempt <= retries; attempt++) {
    entry.state = 'pending';
    await recordLedger(folder, ledger, message.messageId, entry);
    checkpoint('after-pending');
    outcome = await sendOnce(settings!, message, options.timeouts ?? DEFAULT_TIMEOUTS);
    entry.attempts.push({ at: new Date().toISOString(), outcome: outcome.state, response: outcome.response });
    if (outcome.state !== 'failed-transient' || attempt === retries) break;
    const wait = Math.round(delay * 2 ** attempt * (0.8 + 0.4 * random()));
    options.report(`temporary failure (${outcome.response}); retry ${attempt + 1} of ${retries} in ${(wait / 1000).toFixed(1)} s`);
    await sleep(wait);
  }
  entry.state = outcome.state === 'tls' ? 'failed-permanent' : outcome.state;
  await recordLedger(folder, ledger, message.messageId, entry);
  return finishSend(outcome, message.messageId, summary, options);
}

function finishSend(outcome: Outcome, messageId: string, summary: string, options: SendOptions): SendResult {
  const quote = `the server said: ${outcome.response}`;
  switch (outcome.state) {
    case 'sent':
      options.report(`sent to ${summary} (Message-ID ${messageId}; ${outcome.response})`);
      return { exitCode: ExitCode.ok, messageId, state: 'sent' };
    case 'failed-transient':
      throw new BriefError('smtp-temporary', `temporary failure (${outcome.response}), not sent, safe to retry`, { exitCode: ExitCode.tempFail, hint: 'rerun later; the ledger records the attempts' });
    case 'failed-permanent':
      if (outcome.auth) throw new BriefError('smtp-auth', `login refused; ${quote}`, { exitCode: ExitCode.noPerm, hint: 'check BRIEF_SMTP_USER and BRIEF_SMTP_PASS (or the URL)' });
      throw new BriefError('smtp-refused', `the server refused the message; ${quote}`, {
        exitCode: ExitCode.protocol,
        hint: outcome.code === 552 ? 'the message is larger than the server accepts: attach fewer formats or lower email.maxBytes' : 'check the recipients and the sender; not retried',
      });
    case 'unknown':
      throw new BriefError('delivery-unknown', `the connection was lost after the message was sent and before the server confirmed it (${outcome.response}); delivery state unknown`, {
        exitCode: ExitCode.deliveryUnknown,
        hint: 'the message may have been delivered; check, then rerun with --resend to send it again',
      });
    case 'tls':
      throw new BriefError('smtp-tls', `TLS could not be established safely; ${quote}; nothing was sent (no fall back to plaintext)`, {
        exitCode: ExitCode.config,
        hint: 'for a private CA set BRIEF_SMTP_CA to its PEM file; the server must offer STARTTLS or implicit TLS',
      });
  }
}
