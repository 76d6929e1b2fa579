import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../output/write-outputs.js';

export type LedgerState = 'pending' | 'sent' | 'failed-transient' | 'failed-permanent' | 'unknown';

export interface LedgerEntry {
  state: LedgerState;
  recipients: string[];
  attempts: { at: string; outcome: string; response: string }[];
}

/** What was sent from one output folder: Message-ID → state, so a rerun never mails twice. */
export interface Ledger {
  version: 1;
  messages: Record<string, LedgerEntry>;
}

export const LEDGER_FILE = 'send-ledger.json';

export async function readLedger(folder: string): Promise<Ledger> {
  try {
    const data = JSON.parse(await readFile(join(folder, LEDGER_FILE), 'utf8')) as Ledger;
    if (data.version === 1 && data.messages && typeof data.messages === 'object') return data;
  } catch {
    // No ledger yet (or an unreadable one, which is treated as empty and replaced).
  }
  return { version: 1, messages: {} };
}

/** Records an entry's new state atomically (temp, fsync, rename). */
export async function recordLedger(folder: string, ledger: Ledger, messageId: string, entry: LedgerEntry): Promise<void> {
  ledger.messages[messageId] = entry;
  await writeAtomic(join(folder, LEDGER_FILE), Buffer.from(`${JSON.stringify(ledger, null, 2)}\n`));
}
