import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type { BuiltMessage } from './build-message.js';
import type { SmtpSettings } from './smtp-settings.js';
import { checkpoint } from '../output/checkpoint.js';

export type Outcome =
  | { state: 'sent'; response: string }
  /** Not delivered; safe to try again (4xx replies, network faults before the message was complete). */
  | { state: 'failed-transient'; response: string; code?: number }
  /** Refused for good (5xx); `auth` for a rejected login (535). */
  | { state: 'failed-permanent'; response: string; code?: number; auth?: boolean }
  /** The connection broke after the final dot and before the reply: it may have been delivered. */
  | { state: 'unknown'; response: string }
  /** TLS could not be set up safely (untrusted certificate, no STARTTLS): never retried, never sent in clear. */
  | { state: 'tls'; response: string };

export interface Timeouts {
  connection: number;
  greeting: number;
  socket: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connection: 15_000, greeting: 15_000, socket: 60_000 };

const tlsCodes = new Set(['ETLS', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED', 'ERR_SSL_WRONG_VERSION_NUMBER']);

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  cause?: { code?: string };
}

function describe(error: SmtpError): string {
  return (error.response ?? `${error.message}${error.code ? ` (${error.code})` : ''}`).trim();
}

/** Sorts a failure into what the caller can do about it. */
export function classify(error: SmtpError, finalDotSent: boolean): Exclude<Outcome, { state: 'sent' }> {
  const response = describe(error);
  const code = error.responseCode;
  // Certificate and STARTTLS failures are configuration; a reset during the handshake is just a network fault.
  if (tlsCodes.has(error.code ?? '') || tlsCodes.has(error.cause?.code ?? '') || (/certificate|STARTTLS/i.test(error.message) && !code)) return { state: 'tls', response };
  if (code === 535 || error.code === 'EAUTH') return { state: 'failed-permanent', response, ...(code && { code }), auth: true };
  if (code && code >= 500) return { state: 'failed-permanent', response, code };
  if (code && code >= 400) return { state: 'failed-transient', response, code };
  return finalDotSent ? { state: 'unknown', response } : { state: 'failed-transient', response };
}

/**
 * One delivery attempt over SMTP: connect (implicit TLS or STARTTLS, certificates verified, never a
 * fall back to plaintext unless the settings say so), log in, send. It watches the socket for the
 * final dot, so a connection lost afterwards is reported as unknown rather than retried.
 */
export function sendOnce(settings: SmtpSettings, message: BuiltMessage, timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<Outcome> {
  return new Promise((resolve) => {
    let finalDotSent = false;
    let settled = false;
    const connection = new SMTPConnection({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: !settings.secure && settings.requireTls,
      ignoreTLS: !settings.secure && !settings.requireTls,
      tls: { rejectUnauthorized: true, servername: settings.host, ...(settings.ca && { ca: settings.ca }) },
      connectionTimeout: timeouts.connection,
      greetingTimeout: timeouts.greeting,
      socketTimeout: timeouts.socket,
      name: 'briefwright.localhost',
      logger: false,
    });
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      if (outcome.state === 'sent') connection.quit();
      else connection.close();
      resolve(outcome);
    };
    const fail = (error: SmtpError) => finish(classify(error, finalDotSent));
    connection.on('error', fail);
    connection.connect(() => {
      const send = () => {
        // Watch what goes to the server: once "\r\n.\r\n" is written, the message may be delivered.
        const socket = (connection as unknown as { _socket: { write: (chunk: unknown, ...rest: unknown[]) => boolean } })._socket;
        const write = socket.write.bind(socket);
        let tail = '';
        let inData = false;
        socket.write = (chunk: unknown, ...rest: unknown[]) => {
          const text = Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk);
          if (inData && !text.endsWith('\r\n.\r\n')) checkpoint('during-data');
          if (text === 'DATA\r\n') inData = true;
          tail = (tail + text).slice(-5);
          if (tail.endsWith('\r\n.\r\n')) finalDotSent = true;
          return write(chunk, ...rest);
        };
        connection.send(message.envelope, Readable.from([message.raw]), (error, info) => {
          if (error) return fail(error as SmtpError);
          finish({ state: 'sent', response: info.response ?? '250' });
        });
      };
      if (settings.auth) connection.login(settings.auth, (error) => (error ? fail(error as SmtpError) : send()));
      else send();
    });
  });
}
