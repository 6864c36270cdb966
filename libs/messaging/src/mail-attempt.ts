/**
 * The rules of one e-mail delivery attempt, kept apart from SMTP and SQL so they are
 * unit-tested. SMTP cannot be made exactly-once: a relay may have taken a message whose
 * sender died before it heard the relay's "250 OK". What can be made small is the window,
 * and what can be avoided is two conversations for one message at the same time.
 */

/** Extra time beyond the send's own deadline before another attempt may take over: a stalled process, clocks. */
export const IN_FLIGHT_MARGIN_MS = 5_000;

/**
 * How long after an attempt began (recorded in its own committed step) it could still be
 * talking to the relay: the deadline the sender puts on the whole conversation, plus a margin.
 * A retry that finds an attempt begun and not finished resends only after this.
 */
export function inFlightWindowMs(smtpTimeoutMs: number): number {
  return smtpTimeoutMs + IN_FLIGHT_MARGIN_MS;
}

/** nodemailer codes of failures before the relay could have taken the message. */
const REFUSED_BEFORE_ACCEPTANCE = new Set([
  'EENVELOPE', 'EMESSAGE', 'EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'EREQUIRETLS', 'EDNS', 'ECONFIG', 'EMAXRECIPIENTS', 'EMAXLIMIT',
]);
/** Socket errors that mean no conversation took place. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether a failed send certainly left nothing at the relay: it answered with a refusal,
 * or was never reached. Anything else (a timeout, a connection lost mid-way, our own
 * deadline) may have come after the relay took the message: "possibly sent".
 */
export function relayCertainlyRefused(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { responseCode?: unknown; code?: unknown; originalCode?: unknown };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return true;
  if (typeof e.code === 'string' && REFUSED_BEFORE_ACCEPTANCE.has(e.code)) return true;
  return [e.code, e.originalCode].some((code) => typeof code === 'string' && NEVER_CONNECTED.has(code));
}
