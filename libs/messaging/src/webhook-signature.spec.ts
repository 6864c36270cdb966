import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'a-webhook-secret-of-32-characters';
  const body = '{"id":"m1","type":"placement.confirmed","data":{"n":1}}';
  const sentAt = 1_767_225_600; // 2026-01-01T00:00:00Z
  const at = (seconds: number) => new Date(seconds * 1000);

  it('is HMAC-SHA256 over "<timestamp>.<raw body>", as hex', () => {
    // Fixed vector: receivers in other languages can test against it.
    expect(signWebhook('secret', 1700000000, '{}')).toBe('sha256=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163');
    expect(signWebhook(secret, sentAt, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('verifies its own signature within the tolerance', () => {
    const signature = signWebhook(secret, sentAt, body);
    expect(verifyWebhookSignature(secret, String(sentAt), body, signature, at(sentAt + 299))).toBe(true);
    expect(verifyWebhookSignature(secret, sentAt, Buffer.from(body), signature.toUpperCase().replace('SHA256', 'sha256'), at(sentAt - 10))).toBe(true);
  });

  it.each([
    ['another secret', { secret: 'another-secret-entirely-0000000' }],
    ['a changed body', { body: body.replace('1', '2') }],
    ['another timestamp', { timestamp: String(sentAt + 1) }],
    ['a stale timestamp', { now: at(sentAt + 301) }],
    ['a timestamp from the future', { now: at(sentAt - 301) }],
    ['a malformed signature', { signature: 'sha1=abc' }],
    ['a malformed timestamp', { timestamp: '17e8' }],
  ])('refuses %s', (_what, change: Partial<{ secret: string; body: string; timestamp: string; now: Date; signature: string }>) => {
    const signature = change.signature ?? signWebhook(secret, sentAt, body);
    const ok = verifyWebhookSignature(
      change.secret ?? secret, change.timestamp ?? String(sentAt), change.body ?? body, signature, change.now ?? at(sentAt),
    );
    expect(ok).toBe(false);
  });
});
