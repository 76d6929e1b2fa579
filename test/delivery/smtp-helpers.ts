import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { sendBrief, type SendOptions } from '../../src/delivery/send-brief.js';
import { BriefError, formatBriefError } from '../../src/errors.js';
import { repoRoot, tempDir } from '../helpers.js';

const tls = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'tls', name));
export const caFile = join(repoRoot, 'test', 'fixtures', 'tls', 'ca.pem');

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestServer {
  port: number;
  received: Received[];
  connections: number;
  /** Attempts seen at RCPT TO (including refused ones). */
  rcptAttempts: number;
  close(): Promise<void>;
}

/** smtp-server on 127.0.0.1: STARTTLS with the test certificate, AUTH user/secret, and hooks to refuse. */
export async function startSmtp(options: { refuseRcpt?: (attempt: number) => number | undefined; refuseData?: number; auth?: boolean; server?: Partial<SMTPServerOptions>; untrusted?: boolean } = {}): Promise<TestServer> {
  const state = { received: [] as Received[], connections: 0, rcptAttempts: 0 };
  const server = new SMTPServer({
    key: tls(options.untrusted ? 'untrusted-key.pem' : 'server-key.pem'),
    cert: tls(options.untrusted ? 'untrusted.pem' : 'server.pem'),
    authOptional: options.auth === false,
    logger: false,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === 'desk' && auth.password === 'secret') return callback(null, { user: 'desk' });
      const error = Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 });
      return callback(error);
    },
    onRcptTo(address, _session, callback) {
      state.rcptAttempts += 1;
      const code = options.refuseRcpt?.(state.rcptAttempts);
      if (code) return callback(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }));
      callback();
      void address;
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.refuseData) return callback(Object.assign(new Error(options.refuseData === 552 ? 'Message exceeds fixed maximum message size' : 'Rejected'), { responseCode: options.refuseData }));
        state.received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
    ...options.server,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    get received() {
      return state.received;
    },
    get connections() {
      return state.connections;
    },
    get rcptAttempts() {
      return state.rcptAttempts;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A scripted SMTP peer on a raw socket, for faults smtp-server cannot stage: it answers the
 * dialogue and then, per connection, drops or stalls where the script says.
 */
export async function startScripted(script: (connection: number) => 'drop-at-data' | 'drop-after-dot' | 'no-greeting' | 'ok'): Promise<{ port: number; delivered: number; connections: number; close(): Promise<void> }> {
  const state = { delivered: 0, connections: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const mode = script(++state.connections);
    if (mode === 'no-greeting') return;
    socket.write('220 scripted.test ESMTP\r\n');
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          if (mode === 'drop-after-dot') {
            socket.destroy();
            return;
          }
          state.delivered += 1;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-scripted.test\r\n250 SIZE 52428800\r\n');
        else if (verb === 'HELO' || verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') socket.write('250 OK\r\n');
        else if (verb === 'DATA') {
          if (mode === 'drop-at-data') {
            socket.destroy();
            return;
          }
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('502 unknown\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get delivered() {
      return state.delivered;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A copy of the sample brief with an email block, in a temp folder. */
export async function briefWithEmail(email: string): Promise<{ brief: string; out: string; dir: string }> {
  const dir = await tempDir();
  const yaml = (await readFile(join(repoRoot, 'briefs', 'ukraine-weekly.yaml'), 'utf8')).replace('path: ../corpus/**/*.md', `path: ${join(repoRoot, 'corpus')}/**/*.md`);
  await writeFile(join(dir, 'brief.yaml'), `${yaml}${email}`);
  return { brief: join(dir, 'brief.yaml'), out: join(dir, 'out'), dir };
}

export const standardEmail = 'email:\n  to: [europe-desk@example.org, "Ana Ruiz <ana.ruiz@example.org>"]\n  cc: [lead@example.org]\n  bcc: [archive@example.org]\n  retry: { attempts: 3, delayMs: 1000 }\n';

export function envFor(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { BRIEF_SMTP_URL: `smtp://desk:secret@localhost:${port}`, BRIEF_SMTP_FROM: 'Europe Desk <desk@example.org>', BRIEF_SMTP_CA: caFile, ...extra };
}

export interface SendRun {
  code: number;
  stdout: string[];
  stderr: string;
  sleeps: number[];
}

/** Runs a send in-process with a fake clock for the backoff, returning the exit code and output. */
export async function send(paths: { brief: string; out: string }, env: NodeJS.ProcessEnv, extra: Partial<SendOptions> = {}): Promise<SendRun> {
  const stdout: string[] = [];
  const sleeps: number[] = [];
  try {
    await sendBrief({
      briefFile: paths.brief,
      now: new Date('2026-01-26T07:00:00Z'),
      outDir: paths.out,
      store: ':memory:',
      env,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      timeouts: { connection: 2000, greeting: 1500, socket: 2000 },
      report: (line) => stdout.push(line),
      ...extra,
    });
    return { code: 0, stdout, stderr: '', sleeps };
  } catch (error) {
    if (!(error instanceof BriefError)) throw error;
    return { code: error.exitCode, stdout, stderr: formatBriefError(error), sleeps };
  }
}
