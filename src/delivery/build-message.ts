import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { ViewModel } from '../briefing/view-model.js';
import { BriefError } from '../errors.js';
import { compileTemplate, createTemplateEnvironment, runtimeOptions } from '../markdown/handlebars-env.js';
import { renderHtml } from '../markdown/render-html.js';
import { markdownToText } from './markdown-to-text.js';
import type { Recipients } from './recipients.js';
import { formatMailbox, type Mailbox } from './validate-addresses.js';

export const DEFAULT_SUBJECT = '{{brief.title}} — {{period.text}}';

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MessageParts {
  view: ViewModel;
  from: Mailbox;
  recipients: Recipients;
  subject: string;
  /** The mail body as Markdown (the template's email.md.hbs, rendered). */
  bodyMarkdown: string;
  attachments: Attachment[];
  /** The Date header: the wall clock for a real send, the period's end for a dry run. */
  date: Date;
}

export interface BuiltMessage {
  raw: Buffer;
  messageId: string;
  envelope: { from: string; to: string[] };
  /** Every recipient address, for messages and the ledger. */
  recipients: string[];
}

/** Renders the subject template over the (unescaped) view model; one line, or an error. */
export function renderSubject(template: string, view: ViewModel): string {
  try {
    const subject = compileTemplate(createTemplateEnvironment({}), template)(view, runtimeOptions).trim();
    if (/[\r\n]/.test(subject)) throw new Error('the subject would span lines');
    return subject;
  } catch (error) {
    throw new BriefError('subject', `email.subject: ${(error as Error).message.split('\n')[0]}`, { hint: 'the subject is a Handlebars template over the view model (docs/templates.md)' });
  }
}

/**
 * The message, byte for byte: multipart/alternative text and HTML from the same Markdown, the
 * attachments from memory, file and URL access disabled, and a Message-ID and MIME boundary
 * derived from the brief, the period and the content — so a resend is recognisably the same mail.
 */
export async function buildMessage(parts: MessageParts): Promise<BuiltMessage> {
  const { view, recipients } = parts;
  const digest = createHash('sha256').update(`${view.brief.id}\n${view.period.label}\n${parts.subject}\n${parts.bodyMarkdown}`);
  for (const attachment of parts.attachments) digest.update(attachment.filename).update(attachment.content);
  const hash = digest.digest('hex');
  const domain = parts.from.address.split('@')[1]!;
  const messageId = `<${hash.slice(0, 32)}.${view.brief.id}.${view.period.label}@${domain}>`;
  const all = [...recipients.to, ...recipients.cc, ...recipients.bcc];
  const composer = new MailComposer({
    from: formatMailbox(parts.from),
    to: recipients.to.map(formatMailbox),
    ...(recipients.cc.length > 0 && { cc: recipients.cc.map(formatMailbox) }),
    ...(recipients.bcc.length > 0 && { bcc: recipients.bcc.map(formatMailbox) }),
    ...(recipients.replyTo && { replyTo: formatMailbox(recipients.replyTo) }),
    subject: parts.subject,
    text: markdownToText(parts.bodyMarkdown),
    html: renderHtml(parts.bodyMarkdown, parts.subject),
    attachments: parts.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    messageId,
    date: parts.date,
    baseBoundary: hash.slice(32, 48),
    disableFileAccess: true,
    disableUrlAccess: true,
    headers: { 'X-Briefwright-Brief': `${view.brief.id} ${view.period.label}` },
  } as ConstructorParameters<typeof MailComposer>[0] & { baseBoundary: string });
  const raw = await composer.compile().build();
  return { raw, messageId, envelope: { from: parts.from.address, to: all.map((m) => m.address) }, recipients: all.map((m) => m.address) };
}
