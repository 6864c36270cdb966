import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of every webhook Klausul sends (see libs/messaging/README.md). */
export const WEBHOOK_HEADERS = {
  /** Unix seconds when this attempt was signed. */
  timestamp: 'X-Klausul-Timestamp',
  /** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" under the endpoint's secret>`. */
  signature: 'X-Klausul-Signature',
  /** The message id: the same on every attempt, so a receiver can drop repeats. */
  messageId: 'X-Klausul-Message-Id',
  /** The event, e.g. `placement.confirmed`. */
  event: 'X-Klausul-Event',
} as const;

function hmacHex(secret: string, timestamp: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The X-Klausul-Signature value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string | Buffer): string {
  return `sha256=${hmacHex(secret, String(timestamp), body)}`;
}

/**
 * For receivers: whether `signature` is Klausul's signature of exactly this raw body at
 * this timestamp, and the timestamp is within `toleranceSeconds` of `now` (which stops an
 * old request from being replayed). Verify the raw bytes, before parsing the JSON.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number,
  body: string | Buffer,
  signature: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const stamp = String(timestamp);
  if (!/^\d{1,12}$/.test(stamp)) return false;
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(stamp)) > toleranceSeconds) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
  if (!match) return false;
  const expected = Buffer.from(hmacHex(secret, stamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}
