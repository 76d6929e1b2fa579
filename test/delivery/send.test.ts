import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load-brief.js';
import { readLedger } from '../../src/delivery/ledger.js';
import { BriefError } from '../../src/errors.js';
import { repoRoot } from '../helpers.js';
import { briefWithEmail, envFor, send, standardEmail, startScripted, startSmtp, type TestServer } from './smtp-helpers.js';

const folder = (out: string) => join(out, 'ukraine-weekly', '2026-W04');
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('brief send over STARTTLS with AUTH', () => {
  it('delivers one message with the right envelope, subject, both body parts and the PDF byte for byte', async () => {
    server = await startSmtp();
    const paths = await briefWithEmail(standardEmail);
    const run = await send(paths, envFor(server.port));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.at(-1)).toMatch(/^sent to 4 recipients .* \(Message-ID <[0-9a-f]{32}\.ukraine-weekly\.2026-W04@example\.org>; 250/);
    expect(server.received).toHaveLength(1);
    const [message] = server.received;
    expect(message!.from).toBe('desk@example.org');
    expect(message!.to.sort()).toEqual(['ana.ruiz@example.org', 'archive@example.org', 'europe-desk@example.org', 'lead@example.org']);
    const mail = await simpleParser(message!.raw);
    expect(mail.subject).toBe('Ukraine Peace Diplomacy — Weekly Brief — 19–25 January 2026');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.text).toContain('Security guarantees and the peace track:');
    expect(mail.html).toContain('<strong>Ukraine Peace Diplomacy — Weekly Brief</strong>');
    expect(mail.attachments).toHaveLength(1);
    const pdf = await readFile(join(folder(paths.out), 'ukraine-weekly-2026-W04.pdf'));
    expect(mail.attachments[0]!.filename).toBe('ukraine-weekly-2026-W04.pdf');
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
    const ledger = await readLedger(folder(paths.out));
    expect(Object.values(ledger.messages).map((m) => m.state)).toEqual(['sent']);
  });

  it('sends once: a rerun sends nothing; --resend sends again with the same Message-ID', async () => {
    server = await startSmtp();
    const paths = await briefWithEmail(standardEmail);
    expect((await send(paths, envFor(server.port))).code).toBe(0);
    const again = await send(paths, envFor(server.port));
    expect(again.code).toBe(0);
    expect(again.stdout.at(-1)).toMatch(/^already sent \(Message-ID </);
    expect(server.received).toHaveLength(1);
    expect((await send(paths, envFor(server.port), { resend: true })).code).toBe(0);
    expect(server.received).toHaveLength(2);
    const [a, b] = await Promise.all(server.received.map((m) => simpleParser(m.raw)));
    expect(a!.messageId).toBe(b!.messageId);
  });
});

describe('validation before connecting (reliability row 26)', () => {
  it.each([
    ['subject: "Daily\\r\\nBcc: evil@x"', /subject must be one line/],
    ['to: ["a@b.com\\r\\nBcc: c@d"]', /email\.to\.0: address contains a line break/],
    ['to: [\'"a@evil.com x"@corp.example\']', /email\.to\.0: address .* is not a plain address/],
    ['to: ["a@evil.com(c).corp.example"]', /email\.to\.0: address .* is not a plain address/],
  ])('%s is refused with its position (exit 65)', async (line, message) => {
    const paths = await briefWithEmail(`email:\n  to: [desk@example.org]\n  ${line}\n`.replace(/  to: \[desk@example.org\]\n  to:/, '  to:'));
    const error = await loadBrief(paths.brief).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefError);
    expect((error as BriefError).exitCode).toBe(65);
    expect((error as BriefError).problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n')).toMatch(message);
  });

  it('more than 100 recipients are refused, naming the field, before any connection', async () => {
    server = await startSmtp();
    const many = Array.from({ length: 101 }, (_, i) => `r${i}@example.org`).join(', ');
    const paths = await briefWithEmail(`email:\n  to: [${many}]\n`);
    const run = await send(paths, envFor(server.port));
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/email\.to: 101 recipients exceed the limit of 100/);
    expect(server.connections).toBe(0);
  });
});

describe('temporary failures are retried with backoff (reliability row 27)', () => {
  it('451 twice, then success: three attempts, one message', async () => {
    server = await startSmtp({ refuseRcpt: (attempt) => (attempt <= 2 ? 451 : undefined) });
    const paths = await briefWithEmail('email:\n  to: [desk@example.org]\n  retry: { attempts: 3, delayMs: 1000 }\n');
    const run = await send(paths, envFor(server.port));
    expect(run.code, run.stderr).toBe(0);
    expect(server.received).toHaveLength(1);
    expect(run.sleeps).toEqual([1000, 2000]);
  });

  it('451 every time: exit 75 after the retries, quoting the server; the ledger says failed-transient', async () => {
    server = await startSmtp({ refuseRcpt: () => 451 });
    const paths = await briefWithEmail('email:\n  to: [desk@example.org]\n  retry: { attempts: 2, delayMs: 500 }\n');
    const run = await send(paths, envFor(server.port));
    expect(run.code).toBe(75);
    expect(run.stderr).toMatch(/^error\[smtp-temporary\]: temporary failure \(451 Try again later\), not sent, safe to retry$/m);
    expect(run.sleeps).toEqual([500, 1000]);
    expect(server.rcptAttempts).toBe(3);
    expect(Object.values((await readLedger(folder(paths.out))).messages)[0]!.state).toBe('failed-transient');
  });
});

describe('permanent refusals are not retried (reliability row 28)', () => {
  it.each([
    [550, 'rcpt', 76, /the server refused the message; the server said: 550 Mailbox unavailable/],
    [552, 'data', 76, /552 Message exceeds fixed maximum message size[\s\S]*hint: the message is larger than the server accepts/],
  ])('%i at %s → exit %i', async (code, stage, exit, message) => {
    server = await startSmtp(stage === 'rcpt' ? { refuseRcpt: () => code } : { refuseData: code });
    const paths = await briefWithEmail(standardEmail);
    const run = await send(paths, envFor(server.port));
    expect(run.code).toBe(exit);
    expect(run.stderr).toMatch(message);
    expect(run.sleeps).toEqual([]);
    expect(Object.values((await readLedger(folder(paths.out))).messages)[0]!.state).toBe('failed-permanent');
  });

  it('535 (bad login) → exit 77, quoting the server', async () => {
    server = await startSmtp();
    const paths = await briefWithEmail(standardEmail);
    const run = await send(paths, envFor(server.port, { BRIEF_SMTP_URL: `smtp://desk:wrong@localhost:${server.port}` }));
    expect(run.code).toBe(77);
    expect(run.stderr).toMatch(/login refused; the server said: 535 Authentication credentials invalid/);
    expect(run.sleeps).toEqual([]);
  });
});

describe('connections that break (reliability row 29)', () => {
  it('(a) dropped at DATA, before the message: retried and sent once', async () => {
    const scripted = await startScripted((n) => (n === 1 ? 'drop-at-data' : 'ok'));
    try {
      const paths = await briefWithEmail('email:\n  to: [desk@example.org]\n');
      const run = await send(paths, { BRIEF_SMTP_URL: `smtp://127.0.0.1:${scripted.port}`, BRIEF_SMTP_TLS: 'none', BRIEF_SMTP_FROM: 'desk@example.org' });
      expect(run.code, run.stderr).toBe(0);
      expect(scripted.delivered).toBe(1);
      expect(scripted.connections).toBe(2);
    } finally {
      await scripted.close();
    }
  });

  it('(b) dropped after the final dot, before the reply: unknown, exit 79, no automatic resend; then --resend', async () => {
    const scripted = await startScripted((n) => (n === 1 ? 'drop-after-dot' : 'ok'));
    try {
      const paths = await briefWithEmail('email:\n  to: [desk@example.org]\n');
      const env = { BRIEF_SMTP_URL: `smtp://127.0.0.1:${scripted.port}`, BRIEF_SMTP_TLS: 'none', BRIEF_SMTP_FROM: 'desk@example.org' };
      const run = await send(paths, env);
      expect(run.code).toBe(79);
      expect(run.stderr).toMatch(/delivery state unknown/);
      expect(run.sleeps).toEqual([]);
      expect(scripted.connections).toBe(1);
      const again = await send(paths, env);
      expect(again.code).toBe(79);
      expect(scripted.connections).toBe(1);
      expect((await send(paths, env, { resend: true })).code).toBe(0);
      expect(scripted.delivered).toBe(1);
    } finally {
      await scripted.close();
    }
  });

  it('(c) a server that never greets: exit 75 after the greeting timeout', async () => {
    const scripted = await startScripted(() => 'no-greeting');
    try {
      const paths = await briefWithEmail('email:\n  to: [desk@example.org]\n  retry: { attempts: 1, delayMs: 10 }\n');
      const run = await send(paths, { BRIEF_SMTP_URL: `smtp://127.0.0.1:${scripted.port}`, BRIEF_SMTP_TLS: 'none', BRIEF_SMTP_FROM: 'desk@example.org' }, { timeouts: { connection: 500, greeting: 300, socket: 500 } });
      expect(run.code).toBe(75);
      expect(run.stderr).toMatch(/temporary failure \(.*Greeting never received/i);
      expect(scripted.connections).toBe(2);
    } finally {
      await scripted.close();
    }
  });
});

describe('TLS and size (reliability row 30)', () => {
  it('an untrusted certificate: exit 78, nothing sent in clear', async () => {
    server = await startSmtp({ untrusted: true });
    const paths = await briefWithEmail(standardEmail);
    const run = await send(paths, envFor(server.port));
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/TLS could not be established safely.*no fall back to plaintext/);
    expect(server.received).toHaveLength(0);
  });

  it('a server without STARTTLS: exit 78, no plaintext fallback', async () => {
    server = await startSmtp({ server: { disabledCommands: ['STARTTLS'] } });
    const paths = await briefWithEmail(standardEmail);
    const run = await send(paths, envFor(server.port));
    expect(run.code).toBe(78);
    expect(server.received).toHaveLength(0);
  });

  it('a message over the size limit is refused before connecting (exit 65)', async () => {
    server = await startSmtp();
    const paths = await briefWithEmail('email:\n  to: [desk@example.org]\n  maxBytes: 65536\n');
    const run = await send(paths, envFor(server.port));
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/the message is 0\.\d MiB, over the 0\.1 MiB limit; nothing was sent/);
    expect(server.connections).toBe(0);
  });

  it('missing settings are exit 78 naming the variable', async () => {
    const paths = await briefWithEmail(standardEmail);
    const run = await send(paths, {});
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/^error\[smtp-config\]: BRIEF_SMTP_FROM is not set/m);
    const noHost = await send(paths, { BRIEF_SMTP_FROM: 'desk@example.org' });
    expect(noHost.stderr).toMatch(/^error\[smtp-config\]: BRIEF_SMTP_URL \(or BRIEF_SMTP_HOST\) is not set/m);
  });
});

describe('--dry-run', () => {
  it('writes a reproducible .eml next to the PDF (golden, headers normalised) that mailparser reads', async () => {
    const paths = await briefWithEmail(standardEmail);
    const run = await send(paths, { BRIEF_SMTP_FROM: 'Europe Desk <desk@example.org>' }, { dryRun: true });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout[0]).toMatch(/^dry run: .*ukraine-weekly-2026-W04\.eml \(4 recipients \(europe-desk@example\.org, ana\.ruiz@example\.org, lead@example\.org, archive@example\.org\), 0\.\d MiB\); nothing was sent$/);
    const eml = await readFile(join(folder(paths.out), 'ukraine-weekly-2026-W04.eml'));
    const mail = await simpleParser(eml);
    expect(mail.date?.toISOString()).toBe('2026-01-25T00:00:00.000Z');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['ukraine-weekly-2026-W04.pdf']);
    // The golden holds the headers and the text part; the PDF's base64 is pinned by its own tests.
    const text = eml.toString('latin1');
    const normalised = text.slice(0, text.indexOf('Content-Type: application/pdf'));
    const golden = join(repoRoot, 'test', 'golden', 'send-dry-run.eml.txt');
    if (process.env.UPDATE_GOLDEN) await writeFile(golden, normalised);
    expect(normalised).toBe(await readFile(golden, 'latin1'));
  });
});

describe('the command line', () => {
  it('generate --send generates, then mails once; brief send afterwards finds it sent', async () => {
    const { spawnCli } = await import('../helpers.js');
    server = await startSmtp();
    const paths = await briefWithEmail(standardEmail);
    const env = envFor(server.port);
    const generated = await spawnCli(['generate', paths.brief, '--out', paths.out, '--no-store', '--send', '-q'], { env });
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout).toMatch(/^sent to 4 recipients/m);
    const again = await spawnCli(['send', paths.brief, '--out', paths.out, '--no-store'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^already sent \(Message-ID /m);
    expect(server.received).toHaveLength(1);
  });
});
