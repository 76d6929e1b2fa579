/** Most recipients one brief may go to (more is a misconfigured list, not a distribution). */
export const MAX_RECIPIENTS = 100;

/**
 * A plain address: dot-atom local part, dot-separated domain labels. Quoted local parts, comments,
 * IP literals, spaces and line breaks are refused: they are where address-parser bugs and header
 * injection live, and no desk distribution list needs them.
 */
const addrSpec = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
/** "Display Name <addr>" with a name free of quotes, brackets and control characters. */
const named = /^([^"<>()[\]\\,;:@\u0000-\u001f\u007f]+?)\s*<([^<>]+)>$/;

export interface Mailbox {
  name?: string;
  address: string;
}

/** Parses one mailbox, or says why not. */
export function parseMailbox(text: string): Mailbox | string {
  if (/[\r\n\u0000-\u001f\u007f]/.test(text)) return 'contains a line break or control character';
  const trimmed = text.trim();
  const match = named.exec(trimmed);
  const address = match ? match[2]!.trim() : trimmed;
  if (address.length > 254) return 'is longer than 254 characters';
  if (!addrSpec.test(address)) return `"${address}" is not a plain address (no quotes, comments, spaces or IP literals)`;
  return match ? { name: match[1]!.trim(), address } : { address };
}

/** The header form of a mailbox. */
export function formatMailbox(mailbox: Mailbox): string {
  return mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address;
}
