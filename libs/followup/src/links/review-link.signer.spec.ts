import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { ReviewLinkSigner } from './review-link.signer';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('ReviewLinkSigner (JWS compact, HS256)', () => {
  const secret = randomBytes(32);
  const signer = new ReviewLinkSigner(secret);
  const now = new Date('2025-04-01T08:00:00Z');
  const claims = { reviewId: randomUUID(), supplierId: randomUUID(), contractId: randomUUID(), period: '2025-03', exp: now.getTime() / 1000 + 3600 };
  /** A token signed with the real secret, the way an attacker who had it would shape the payload. */
  const signedRaw = (payload: Record<string, unknown>) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuer('klausul').setAudience('klausul:review-confirmation').setExpirationTime(claims.exp).sign(secret);

  it('verifies its own token (review id and supplier in the claims) until it expires', async () => {
    const token = await signer.sign(claims);
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(await signer.verify(token, now)).toEqual({ ok: true, claims });
    expect(await signer.verify(token, new Date(now.getTime() + 3600_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses tampered tokens, tokens of another secret and things that are no token', async () => {
    const token = await signer.sign(claims);
    const [header, , mac] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, reviewId: randomUUID() })).toString('base64url')}.${mac}`;
    expect(await signer.verify(forged, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await new ReviewLinkSigner(randomBytes(32)).verify(token, now)).toEqual({ ok: false, reason: 'bad_signature' });
    for (const junk of ['not a token', 'a.b', 'a.b.c.d', '', '..']) expect(await signer.verify(junk, now)).toMatchObject({ ok: false });
  });

  it('#12.3: accepts only the canonical encoding: the 3 other spellings of the last signature character are refused', async () => {
    const token = await signer.sign(claims);
    const last = token.at(-1)!;
    // 32 bytes of HMAC are 43 base64url characters; the last one carries 4 bits, so 4 characters decode alike.
    const siblings = [...BASE64URL].filter((c) => c !== last && Buffer.from(token.slice(0, -1).split('.')[2] + c, 'base64url').equals(Buffer.from(token.split('.')[2], 'base64url')));
    expect(siblings).toHaveLength(3);
    for (const c of siblings) expect(await signer.verify(token.slice(0, -1) + c, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('#12.3: a validly signed payload of the wrong shape is refused after the signature check, not trusted', async () => {
    const shapes = [
      { ...claims, reviewId: 'not-a-uuid' },
      { ...claims, reviewId: 42 },
      { ...claims, supplierId: undefined },
      { ...claims, period: '2025-13' },
      { ...claims, contractId: ["'; DROP TABLE review; --"] },
    ];
    for (const payload of shapes) expect(await signer.verify(await signedRaw(payload), now)).toEqual({ ok: false, reason: 'wrong_purpose' });
    // A payload that is JSON null (or not an object) carries no claims at all.
    const nullPayload = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('null').toString('base64url')}`;
    const { createHmac } = await import('node:crypto');
    const mac = createHmac('sha256', secret).update(nullPayload).digest('base64url');
    expect(await signer.verify(`${nullPayload}.${mac}`, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses another algorithm and another audience, even when signed with the secret', async () => {
    const hs512 = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS512' }).setIssuer('klausul').setAudience('klausul:review-confirmation').sign(secret);
    expect(await signer.verify(hs512, now)).toMatchObject({ ok: false });
    const otherPurpose = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuer('klausul').setAudience('klausul:password-reset').sign(secret);
    expect(await signer.verify(otherPurpose, now)).toEqual({ ok: false, reason: 'wrong_purpose' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(await signer.verify(unsigned, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
