import { inFlightWindowMs, relayCertainlyRefused } from './mail-attempt';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('smtp'), fields);

describe('relayCertainlyRefused (#12.10)', () => {
  it.each([
    ['a 5xx after DATA', smtpError({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' })],
    ['a 4xx greeting', smtpError({ code: 'EPROTOCOL', responseCode: 421 })],
    ['a refused recipient', smtpError({ code: 'EENVELOPE', responseCode: 550 })],
    ['failed authentication', smtpError({ code: 'EAUTH' })],
    ['relay down', smtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' })],
    ['unknown host', smtpError({ code: 'EDNS' })],
  ])('%s: the relay did not take it, send again at once', (_what, error) => {
    expect(relayCertainlyRefused(error)).toBe(true);
  });

  it.each([
    ['a timeout waiting for the reply to the message', smtpError({ code: 'ETIMEDOUT', command: 'CONN' })],
    ['the connection lost mid-conversation', smtpError({ code: 'ECONNECTION', command: 'CONN' })],
    ['a socket reset', smtpError({ code: 'ESOCKET', originalCode: 'ECONNRESET' })],
    ['our own deadline', Object.assign(new Error('aborted'), { code: 'EABORT' })],
    ['something unknown', new Error('boom')],
    ['not an error', 'oops'],
  ])('%s: possibly sent', (_what, error) => {
    expect(relayCertainlyRefused(error)).toBe(false);
  });
});

describe('inFlightWindowMs', () => {
  it('covers the whole conversation deadline plus a margin', () => {
    expect(inFlightWindowMs(30_000)).toBe(35_000);
  });
});
