import { z } from 'zod';
import { checkPeriodSpec } from '../period/period.js';
import { duplicateTopic, unknownNoteTopics, unknownTimezone, unknownTopic } from './rules.js';
import { parseMailbox } from '../delivery/validate-addresses.js';

/**
 * The brief as written in `briefs/<id>.yaml`. Types are inferred from this schema and
 * `briefs/brief.schema.json` is generated from it (pinned by a test).
 */

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-01-19');

/** Ids become folder and file names, so they are restricted to a safe alphabet. */
export const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Names Windows reserves: a brief id must make a folder name that works everywhere. */
const reservedNames = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;
const id = z
  .string()
  .regex(idPattern, 'expected lower-case letters, digits and "-" (at most 64), like ukraine-weekly')
  .refine((value) => !reservedNames.test(value), 'is a reserved device name on Windows');

export const periodSchema = z.union(
  [
    z.enum(['week', 'month', 'day']),
    z.strictObject({ week: z.string() }),
    z.strictObject({ month: z.string() }),
    z.strictObject({ day: z.string() }),
    z.strictObject({ from: z.string(), to: z.string() }),
  ],
  { error: 'period must be week, month, day, {week: 2026-W04}, {month: 2026-01}, {day: 2026-01-19} or {from: 2026-01-19, to: 2026-01-25}' },
).superRefine((period, ctx) => {
  const message = checkPeriodSpec(period);
  if (message) ctx.addIssue({ code: 'custom', message, path: typeof period === 'string' ? [] : Object.keys(period).slice(0, 1) });
});

const termSchema = z.union([z.string().min(1), z.strictObject({ phrase: z.string().min(1), weight: z.number().positive().max(10) })]);

/** A topic as written in `briefs/topics/*.yaml` or inline in a brief. */
export const topicSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().optional(),
  terms: z.array(termSchema).min(1),
  entities: z.array(z.string().min(1)).optional(),
  anchors: z
    .array(z.array(z.string().min(1)).min(1))
    .optional()
    .describe('Groups of names; a passage must mention one name (or alias) from every group to belong to the topic'),
  exclude: z.array(z.string().min(1)).optional(),
});

const fieldMapSchema = z
  .strictObject({
    title: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    published: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
  })
  .describe('For JSON/JSONL dumps: the record field (dotted path) holding each article field');

export const sourceSchema = z.union([
  z.strictObject({
    path: z.string().min(1).describe('A file, folder or glob, relative to the brief file'),
    published: civilDate.optional().describe('Publication date for files that carry none'),
    publisher: z.string().min(1).optional().describe('Publisher for files that name none'),
    fields: fieldMapSchema.optional(),
    oversize: z.enum(['skip', 'truncate']).optional().describe('Files over the size limit (5 MB): skipped (default) or truncated'),
  }),
  z.strictObject({
    feed: z.url({ protocol: /^https?$/, error: 'feed must be an http(s) URL' }).describe('An RSS or Atom feed URL'),
    publisher: z.string().min(1).optional().describe('Publisher when the feed names none'),
  }),
]);

/** ICD 203 expressions of likelihood, in order. */
export const likelihoods = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const;
export const confidences = ['low', 'moderate', 'high'] as const;

export const analystSchema = z.strictObject({
  bluf: z.string().min(1).optional().describe('Bottom line up front, written by the analyst'),
  judgments: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        likelihood: z.enum(likelihoods, { error: `likelihood must be one of: ${likelihoods.join(', ')}` }),
        confidence: z.enum(confidences, { error: `confidence must be one of: ${confidences.join(', ')}` }),
      }),
    )
    .optional(),
  notes: z.record(z.string(), z.string()).optional().describe('Per-topic notes, keyed by topic id'),
  watch: z.array(z.string().min(1)).optional().describe('What to watch next period'),
});

export const formats = ['md', 'pdf', 'html', 'json'] as const;

/** A recipient: a plain mailbox, or @group from briefs/recipients.yaml. */
const recipient = z.string().superRefine((value, ctx) => {
  if (/^@[a-z0-9][a-z0-9-]*$/.test(value)) return;
  const parsed = parseMailbox(value);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `address ${parsed}` });
});

export const emailSchema = z.strictObject({
  to: z.array(recipient).min(1).describe('Addresses, or @group names from recipients.yaml beside the brief'),
  cc: z.array(recipient).optional(),
  bcc: z.array(recipient).optional(),
  replyTo: recipient.optional(),
  from: recipient.optional().describe('Sender, when BRIEF_SMTP_FROM is not set'),
  subject: z
    .string()
    .min(1)
    .refine((value) => !/[\r\n]/.test(value), 'subject must be one line')
    .optional()
    .describe('Handlebars over the view model; default "{{brief.title}} — {{period.text}}"'),
  attach: z.array(z.enum(formats)).min(1).optional().describe('Output formats to attach (default: pdf)'),
  maxBytes: z.int().min(1024).max(50 * 1024 * 1024).optional().describe('Refuse messages larger than this before connecting (default 10 MB)'),
  retry: z
    .strictObject({ attempts: z.int().min(0).max(10).optional(), delayMs: z.int().min(0).max(600_000).optional() })
    .optional()
    .describe('Retries for temporary failures (4xx, network): count and first delay, doubling with jitter'),
});

/**
 * The brief schema. Given the ids of the topic library, topic references are checked too;
 * every check is field-level, so one pass reports all problems at once.
 */
export function makeBriefSchema(topicIds?: readonly string[]) {
  const topicRef = topicIds
    ? id.superRefine((value, ctx) => {
        const message = unknownTopic(value, topicIds);
        if (message) ctx.addIssue({ code: 'custom', message });
      })
    : id;
  return z.strictObject({
  $schema: z.string().optional(),
  id,
  title: z.string().min(1),
  subtitle: z.string().optional(),
  organization: z.string().optional(),
  audience: z.string().optional().describe('Who the brief is for (the memo template\'s TO line)'),
  classification: z.string().optional().describe('Printed as a banner on every PDF page'),
  timezone: z
    .string()
    .superRefine((value, ctx) => {
      const message = unknownTimezone(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    })
    .optional()
    .describe('IANA time zone that defines the period (default UTC)'),
  period: periodSchema.optional().describe('Default: the last complete ISO week'),
  sources: z.array(sourceSchema).min(1),
  topics: z
    .array(z.union([topicRef, topicSchema]))
    .min(1)
    .superRefine((topics, ctx) => {
      for (const [index, message] of duplicateTopic(topics)) ctx.addIssue({ code: 'custom', message, path: [index] });
    }),
  limits: z
    .strictObject({
      developments: z.int().min(1).max(50).optional(),
      quotes: z.int().min(0).max(20).optional(),
    })
    .optional(),
  template: z.string().min(1).optional().describe('A built-in template name (weekly) or a folder path'),
  formats: z.array(z.enum(formats)).min(1).optional(),
  analyst: analystSchema.optional(),
  email: emailSchema.optional().describe('Distribution: who receives the PDF (SMTP settings come from the environment, never from here)'),
}).superRefine((brief, ctx) => {
  for (const id of unknownNoteTopics(brief)) {
    ctx.addIssue({ code: 'custom', message: `note for "${id}", which is not a topic of this brief`, path: ['analyst', 'notes', id] });
  }
});
}

export const briefSchema = makeBriefSchema();

export type BriefInput = z.infer<ReturnType<typeof makeBriefSchema>>;
export type TopicInput = z.infer<typeof topicSchema>;
export type SourceInput = z.infer<typeof sourceSchema>;
export type AnalystInput = z.infer<typeof analystSchema>;
export type Format = (typeof formats)[number];
export type EmailInput = z.infer<typeof emailSchema>;

/** The JSON Schema editors use for completion and checking (written to briefs/brief.schema.json). */
export function buildBriefJsonSchema(): object {
  return {
    ...z.toJSONSchema(briefSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://briefwright.dev/schema/brief.schema.json',
    title: 'Briefwright brief definition',
  };
}
