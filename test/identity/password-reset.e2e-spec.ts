import { ManualClock } from '@klausul/domain';
import { PASSWORD_RESET_TTL_MS, RESET_MAILS_PER_ACCOUNT, RESET_REQUESTS_PER_ADDRESS } from '@klausul/identity';
import { LinkBuilder } from '@klausul/links';
import { mailsTo, nthMailTo, tokenOf } from '../support/account-mail';
import { bearer, IdentityFactory, TEST_PASSWORD, type UserOptions } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { eventually } from '../support/test-runtime';

const SUBJECT = 'Nulstil din adgangskode til Klausul';
const NEW_PASSWORD = 'a brand new passphrase';

describe('password reset ("Glemt adgangskode")', () => {
  const clock = new ManualClock(new Date());
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' }, clock);
  let identity: IdentityFactory;
  const http = () => api.http();
  const ask = (email: string) => http().post('/api/v1/auth/password-reset').send({ email });
  const user = (options: UserOptions = {}) => identity.user({ role: 'supplier_hr', ...options });

  beforeAll(() => {
    identity = new IdentityFactory(api.app);
  });
  // Every request comes from 127.0.0.1: start each test with fresh counters (the limits have a test of their own).
  beforeEach(async () => {
    await identity.query('DELETE FROM rate_limit_window');
  });

  it('gives the same answer for an unknown address as for a known one, and mails only the known one', async () => {
    const known = await user();
    const unknown = 'nobody-here@example.test';
    const [a, b] = [await ask(known.email).expect(202), await ask(unknown).expect(202)];
    expect(b.body).toEqual(a.body);
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    await nthMailTo(api.app, known.email, SUBJECT);
    const deactivated = await user({ active: false });
    await ask(deactivated.email).expect(202);
    const rows = await identity.query<{ recipient: string }>("SELECT recipient FROM message WHERE template = 'password-reset'");
    expect(rows.map((r) => r.recipient)).toEqual([known.email]);
    expect(mailsTo(api.app, unknown)).toEqual([]);
  });

  it('sets the new password with the link, ends every session of the user, and uses the link up', async () => {
    const person = await user();
    const sessions = [await identity.session(person), await identity.session(person)];
    for (const token of sessions) await http().get('/api/v1/me').set(bearer(token)).expect(200);

    await ask(person.email).expect(202);
    const mail = await nthMailTo(api.app, person.email, SUBJECT);
    const token = tokenOf(mail, 'reset-password');
    expect(mail.text).toContain(api.app.get(LinkBuilder).resetPassword(token));
    expect(mail.text).toContain(api.app.get(LinkBuilder).forgotPassword());
    await http().post(`/api/v1/auth/password-reset/${token}`).send({ password: NEW_PASSWORD }).expect(204);

    for (const old of sessions) expect((await http().get('/api/v1/me').set(bearer(old))).status).toBe(401);
    await http().post('/api/v1/auth/login').send({ email: person.email, password: TEST_PASSWORD }).expect(401);
    await http().post('/api/v1/auth/login').send({ email: person.email, password: NEW_PASSWORD }).expect(200);
    const again = await http().post(`/api/v1/auth/password-reset/${token}`).send({ password: 'yet another passphrase' }).expect(410);
    expect(again.body.code).toBe('RESET_LINK_USED');
    await http().post('/api/v1/auth/login').send({ email: person.email, password: NEW_PASSWORD }).expect(200);
  });

  it('lets a newer link replace the older unused one', async () => {
    const person = await user();
    await ask(person.email).expect(202);
    const first = tokenOf(await nthMailTo(api.app, person.email, SUBJECT, 1), 'reset-password');
    await ask(person.email).expect(202);
    const second = tokenOf(await nthMailTo(api.app, person.email, SUBJECT, 2), 'reset-password');
    expect((await http().post(`/api/v1/auth/password-reset/${first}`).send({ password: NEW_PASSWORD }).expect(410)).body.code).toBe('RESET_LINK_REPLACED');
    await http().post(`/api/v1/auth/password-reset/${second}`).send({ password: NEW_PASSWORD }).expect(204);
  });

  it('refuses a link after an hour, a link that never existed, and a user deactivated since', async () => {
    const person = await user();
    await ask(person.email).expect(202);
    const token = tokenOf(await nthMailTo(api.app, person.email, SUBJECT), 'reset-password');
    clock.advance(PASSWORD_RESET_TTL_MS);
    expect((await http().post(`/api/v1/auth/password-reset/${token}`).send({ password: NEW_PASSWORD }).expect(410)).body.code).toBe('RESET_LINK_EXPIRED');
    await http().post('/api/v1/auth/password-reset/not-a-real-token').send({ password: NEW_PASSWORD }).expect(404);

    const leaver = await user();
    await ask(leaver.email).expect(202);
    const leaverToken = tokenOf(await nthMailTo(api.app, leaver.email, SUBJECT), 'reset-password');
    await identity.query('UPDATE app_user SET active = false WHERE id = $1', [leaver.id]);
    await http().post(`/api/v1/auth/password-reset/${leaverToken}`).send({ password: NEW_PASSWORD }).expect(404);
    await http().post('/api/v1/auth/password-reset/x').send({ password: 'short' }).expect(400);
  });

  it(`mails one account at most ${RESET_MAILS_PER_ACCOUNT} times an hour, answering alike, and lets a client address ask ${RESET_REQUESTS_PER_ADDRESS} times before 429`, async () => {
    const person = await user();
    for (let i = 0; i < RESET_MAILS_PER_ACCOUNT + 2; i++) await ask(person.email).expect(202);
    await eventually(async () => (mailsTo(api.app, person.email, SUBJECT).length >= RESET_MAILS_PER_ACCOUNT ? true : undefined));
    const [{ n }] = await identity.query<{ n: number }>("SELECT count(*)::int AS n FROM message WHERE template = 'password-reset' AND recipient = $1", [person.email]);
    expect(n).toBe(RESET_MAILS_PER_ACCOUNT);

    for (let i = RESET_MAILS_PER_ACCOUNT + 2; i < RESET_REQUESTS_PER_ADDRESS; i++) await ask(`someone-${i}@example.test`).expect(202);
    const blocked = await ask('one-more@example.test').expect(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
