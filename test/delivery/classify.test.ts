import { describe, expect, it } from 'vitest';
import { classify } from '../../src/delivery/send-smtp.js';

const error = (fields: { message?: string; code?: string; responseCode?: number; response?: string; cause?: { code?: string } }) => Object.assign(new Error(fields.message ?? 'failed'), fields);

describe('what an SMTP failure means', () => {
  it.each([
    ['451 at RCPT', error({ responseCode: 451, response: '451 Try again later' }), false, 'failed-transient'],
    ['550', error({ responseCode: 550, response: '550 Mailbox unavailable' }), false, 'failed-permanent'],
    ['535', error({ responseCode: 535, code: 'EAUTH', response: '535 Authentication failed' }), false, 'failed-permanent'],
    ['an untrusted certificate', error({ message: 'self-signed certificate in certificate chain', cause: { code: 'SELF_SIGNED_CERT_IN_CHAIN' } }), false, 'tls'],
    ['no STARTTLS where it is required', error({ message: 'STARTTLS is required but not offered', code: 'ETLS' }), false, 'tls'],
    ['a reset during the TLS handshake', error({ message: 'Client network socket disconnected before secure TLS connection was established', code: 'ESOCKET' }), false, 'failed-transient'],
    ['a timeout before the final dot', error({ message: 'Timeout', code: 'ETIMEDOUT' }), false, 'failed-transient'],
    ['a connection lost after the final dot', error({ message: 'Connection closed unexpectedly', code: 'ECONNECTION' }), true, 'unknown'],
  ])('%s → %s', (_what, failure, finalDotSent, state) => {
    expect(classify(failure, finalDotSent as boolean).state).toBe(state);
  });
});
