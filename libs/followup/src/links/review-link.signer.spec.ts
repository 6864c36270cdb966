import { randomBytes } from 'node:crypto';
import { ReviewLinkSigner } from './review-link.signer';

describe('ReviewLinkSigner', () => {
  const signer = new ReviewLinkSigner(randomBytes(32));
  const now = new Date('2025-04-01T08:00:00Z');
  const claims = { reviewId: 'r1', contractId: 'c1', period: '2025-03', exp: now.getTime() / 1000 + 3600 };

  it('verifies its own token until it expires', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, now)).toEqual({ ok: true, claims: { purpose: 'review-confirmation', ...claims } });
    expect(signer.verify(token, new Date(now.getTime() + 3600_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses tampered tokens and tokens of another secret', () => {
    const token = signer.sign(claims);
    const [, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ purpose: 'review-confirmation', ...claims, reviewId: 'r2' })).toString('base64url')}.${mac}`;
    expect(signer.verify(forged, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(new ReviewLinkSigner(randomBytes(32)).verify(token, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(signer.verify('not a token', now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
