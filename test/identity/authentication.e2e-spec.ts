import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, IdentityFactory, login, TEST_PASSWORD, type TestUser } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

describe('authentication', () => {
  let app: INestApplication;
  let identity: IdentityFactory;
  const http = () => request(app.getHttpServer());

  const api = useTestApi();

  beforeAll(async () => {
    app = api.app;
    identity = new IdentityFactory(app);
  });

  describe('login', () => {
    let user: TestUser;

    beforeAll(async () => {
      user = await identity.user({ role: 'employment_caseworker', displayName: 'Mette Hansen' });
    });

    it('returns a token, its expiry and the user, and sets an httpOnly SameSite=Lax session cookie', async () => {
      const res = await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);

      expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const hoursLeft = (Date.parse(res.body.expiresAt) - Date.now()) / 3_600_000;
      expect(hoursLeft).toBeGreaterThan(11.9);
      expect(hoursLeft).toBeLessThanOrEqual(12);
      expect(res.body.user).toMatchObject({
        id: user.id,
        email: user.email,
        displayName: 'Mette Hansen',
        role: 'employment_caseworker',
        municipality: { id: user.municipalityId },
        supplierId: null,
      });
      const cookie = sessionCookieOf(res);
      expect(cookie).toContain(`klausul_session=${res.body.token}`);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/; Secure/); // NODE_ENV=test; production adds Secure
    });

    it('accepts the e-mail address in any case', async () => {
      await http().post('/api/v1/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    });

    it('stores only the SHA-256 digest of the session token', async () => {
      const token = await login(app, user.email);
      const [row] = await identity.query<{ hex: string }>(
        `SELECT encode(token_hash, 'hex') AS hex FROM user_session WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
        [token],
      );
      expect(row.hex).toHaveLength(64);
      const plain = await identity.query(`SELECT 1 FROM user_session WHERE token_hash = convert_to($1, 'UTF8')`, [token]);
      expect(plain).toHaveLength(0);
    });

    it('answers a wrong password and an unknown e-mail with the same 401', async () => {
      const wrongPassword = await http().post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
      const unknownEmail = await http()
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@example.test', password: TEST_PASSWORD })
        .expect(401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a deactivated user with the same message', async () => {
      const inactive = await identity.user({ active: false });
      const res = await http().post('/api/v1/auth/login').send({ email: inactive.email, password: TEST_PASSWORD }).expect(401);
      expect(res.body.message).toBe('The e-mail address or the password is wrong');
    });

    it('answers a missing e-mail address with a 400 naming the field', async () => {
      const res = await http().post('/api/v1/auth/login').send({ password: TEST_PASSWORD }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain('email');
    });
  });

  describe('the session', () => {
    it('works as a cookie and as a bearer token', async () => {
      const user = await identity.user();
      const res = await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const cookie = sessionCookieOf(res).split(';')[0];

      await http().get('/api/v1/me').set('Cookie', cookie).expect(200);
      const me = await http().get('/api/v1/me').set(bearer(res.body.token)).expect(200);
      expect(me.body.id).toBe(user.id);
    });

    it('needs the CSRF header for a change made with the cookie (not with a bearer token)', async () => {
      const user = await identity.user();
      const res = await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const cookie = sessionCookieOf(res).split(';')[0];
      const refused = await http().post('/api/v1/auth/logout').set('Cookie', cookie).expect(403);
      expect(refused.body.message).toContain('x-klausul-csrf');
      await http().get('/api/v1/me').set('Cookie', cookie).expect(200); // still signed in: nothing changed
      await http().post('/api/v1/auth/logout').set('Cookie', cookie).set('X-Klausul-CSRF', '1').expect(204);
    });

    it('ends at logout: the token answers 401 afterwards and the cookie is cleared', async () => {
      const user = await identity.user();
      const token = await login(app, user.email);
      const res = await http().post('/api/v1/auth/logout').set(bearer(token)).expect(204);
      expect(sessionCookieOf(res)).toMatch(/^klausul_session=;.*Expires=Thu, 01 Jan 1970/);

      const after = await http().get('/api/v1/me').set(bearer(token)).expect(401);
      expect(after.body.code).toBe('UNAUTHENTICATED');
    });

    it('answers 401 once it has expired', async () => {
      const user = await identity.user();
      const token = await identity.session(user, new Date(Date.now() - 1_000));
      await http().get('/api/v1/me').set(bearer(token)).expect(401);
    });

    it('answers 401 once the user is deactivated', async () => {
      const { user, token } = await identity.signedIn();
      await http().get('/api/v1/me').set(bearer(token)).expect(200);
      await identity.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
      await http().get('/api/v1/me').set(bearer(token)).expect(401);
    });

    it('carries the role the user has now, not the one at sign-in', async () => {
      const { user, token } = await identity.signedIn({ role: 'procurement_caseworker' });
      await identity.query(`UPDATE app_user SET role = 'jobcenter_contact' WHERE id = $1`, [user.id]);
      const me = await http().get('/api/v1/me').set(bearer(token)).expect(200);
      expect(me.body.role).toBe('jobcenter_contact');
    });

    it('answers 401 for a token nobody issued', async () => {
      await http().get('/api/v1/me').set(bearer('made-up')).expect(401);
    });
  });

  describe('without credentials', () => {
    it('answers 401 UNAUTHENTICATED', async () => {
      const res = await http().get('/api/v1/me').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('still serves the health probes and the API documentation', async () => {
      await http().get('/health').expect(200);
      await http().get('/health/ready').expect(200);
      await http().get('/api/docs-json').expect(200);
    });
  });

  describe('changing the password', () => {
    it('ends every other session, keeps this one, and only the new password signs in', async () => {
      const user = await identity.user();
      const current = await login(app, user.email);
      const other = await login(app, user.email);
      const newPassword = 'a brand new passphrase';

      await http()
        .post('/api/v1/me/password')
        .set(bearer(current))
        .send({ currentPassword: TEST_PASSWORD, newPassword })
        .expect(204);

      await http().get('/api/v1/me').set(bearer(other)).expect(401);
      await http().get('/api/v1/me').set(bearer(current)).expect(200);
      await http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
      await login(app, user.email, newPassword);
    });

    it('refuses a wrong current password and a short new one, and changes nothing', async () => {
      const { user, token } = await identity.signedIn();
      const wrong = await http()
        .post('/api/v1/me/password')
        .set(bearer(token))
        .send({ currentPassword: 'not the password', newPassword: 'a brand new passphrase' })
        .expect(400);
      expect(wrong.body.message).toContain('currentPassword');
      const short = await http()
        .post('/api/v1/me/password')
        .set(bearer(token))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'short' })
        .expect(400);
      expect(short.body.message).toContain('newPassword must be at least 12 characters');
      await login(app, user.email);
    });
  });

  describe('API keys', () => {
    it('authenticate an integration, until revoked', async () => {
      const municipality = await identity.municipality();
      const { token } = await identity.signedIn({ role: 'admin', municipalityId: municipality.id });

      const created = await http()
        .post('/api/v1/api-keys')
        .set(bearer(token))
        .send({ name: 'Jobcenter integration', role: 'jobcenter_contact' })
        .expect(201);
      expect(created.body.key).toMatch(/^kla_/);

      // An API key has no user profile, but it is authenticated: 403, not 401.
      await http().get('/api/v1/me').set('X-API-Key', created.body.key).expect(403);
      // And its role is enforced: a jobcenter_contact key may not manage users.
      await http().get('/api/v1/users').set('X-API-Key', created.body.key).expect(403);

      await http().delete(`/api/v1/api-keys/${created.body.id}`).set(bearer(token)).expect(204);
      const res = await http().get('/api/v1/me').set('X-API-Key', created.body.key).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('with the admin role can manage users of their own municipality', async () => {
      const key = await identity.apiKey({ role: 'admin' });
      const colleague = await identity.user({ municipalityId: key.municipalityId });
      const res = await http().get('/api/v1/users').set('X-API-Key', key.key).expect(200);
      expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([colleague.id]);
    });

    it('answer 401 for a key nobody issued', async () => {
      await http().get('/api/v1/users').set('X-API-Key', 'kla_made-up').expect(401);
    });
  });
});

function sessionCookieOf(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('klausul_session='));
  if (!cookie) throw new Error('no klausul_session cookie was set');
  return cookie;
}
