import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Brief } from '../brief/brief.js';
import { BriefError, ExitCode } from '../errors.js';
import { decodeUtf8, parseConfigYaml } from '../yaml/read-yaml.js';
import { MAX_RECIPIENTS, parseMailbox, type Mailbox } from './validate-addresses.js';
import { parseOnce } from '../parse-once.js';

const groupsSchema = z.strictObject({ groups: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), z.array(z.string())) });

/** Named recipient groups from `recipients.yaml` beside the brief (none when there is no file). */
export async function loadRecipientGroups(briefDir: string): Promise<Map<string, string[]>> {
  const file = join(briefDir, 'recipients.yaml');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return new Map();
  }
  const source = parseConfigYaml(decodeUtf8(bytes, file), file);
  const parsed = groupsSchema.safeParse(source.value, parseOnce);
  if (!parsed.success) throw new BriefError('recipients', 'recipients.yaml must be { groups: { name: [addresses] } }', { location: { file, line: 1, col: 1 } });
  return new Map(Object.entries(parsed.data.groups));
}

export interface Recipients {
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  replyTo?: Mailbox;
}

/** Expands @groups and checks every address and the total, naming the field at fault (exit 65). */
export function resolveRecipients(brief: Brief, groups: ReadonlyMap<string, string[]>): Recipients {
  const email = brief.email!;
  const fail = (field: string, message: string) =>
    new BriefError('recipients', `email.${field}: ${message}`, { exitCode: ExitCode.dataErr, location: brief.emailLocation ?? { file: brief.file }, hint: 'fix the address in the brief or in recipients.yaml; nothing was sent' });
  const expand = (field: string, list: readonly string[] = []): Mailbox[] =>
    list.flatMap((entry) => {
      const members = entry.startsWith('@') ? groups.get(entry.slice(1)) : [entry];
      if (!members) throw fail(field, `unknown recipient group "${entry}" (groups: ${[...groups.keys()].join(', ') || 'none; add recipients.yaml beside the brief'})`);
      return members.map((member) => {
        const mailbox = parseMailbox(member);
        if (typeof mailbox === 'string') throw fail(field, `${entry.startsWith('@') ? `${entry}: ` : ''}address ${mailbox}`);
        return mailbox;
      });
    });
  const recipients: Recipients = { to: expand('to', email.to), cc: expand('cc', email.cc), bcc: expand('bcc', email.bcc) };
  if (email.replyTo) recipients.replyTo = expand('replyTo', [email.replyTo])[0]!;
  const total = new Set([...recipients.to, ...recipients.cc, ...recipients.bcc].map((m) => m.address.toLowerCase())).size;
  if (total > MAX_RECIPIENTS) throw fail('to', `${total} recipients exceed the limit of ${MAX_RECIPIENTS}`);
  return recipients;
}
