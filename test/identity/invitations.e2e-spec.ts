import request from 'supertest';
import { ManualClock } from '@klausul/domain';
import { INVITATION_TTL_MS, SESSION_COOKIE } from '@klausul/identity';
import { LinkBuilder } from '@klausul/links';
import { mailsTo, nthMailTo, tokenOf } from '../support/account-mail';
import { bearer, IdentityFactory, type TestUser } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

const SUBJECT = 'Du er inviteret til Klausul';
const PASSWORD = 'a passphrase of my own';

describe('invitations: an account whose password only its owner chose', () => {
  const clock = new ManualClock(new Date());
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' }, clock);
  let identity: IdentityFactory;
  let admin: TestUser & { token: string };
  let procurement: TestUser & { token: string };
  let supplierId: string;
  let n = 0;
  const address = (what: string) => `${what}-${++n}@example.test`;
  const http = () => api.http();
  const invite = (token: string, body: object) => http().post('/api/v1/invitations').set(bearer(token)).send(body);
  const counts = async () =>
    (await identity.query<{ tokens: number; messages: number; users: number }>(
      `SELECT (SELECT count(*)::int FROM account_token) AS tokens, (SELECT count(*)::int FROM message) AS messages, (SELECT count(*)::int FROM app_user) AS users`,
    ))[0];

  beforeAll(async () => {
    identity = new IdentityFactory(api.app);
    const municipality = await identity.municipality('Odense Kommune test');
    const signedIn = async (role: 'admin' | 'procurement_caseworker', displayName: string) => {
      const { user, token } = await identity.signedIn({ role, municipalityId: municipality.id, displayName });
      return { ...user, token };
    };
    admin = await signedIn('admin', 'Anne Admin');
    procurement = await signedIn('procurement_caseworker', 'Per Indkøb');
    supplierId = await identity.supplier(municipality.id);
  });

  it('invite → the mail arrives over SMTP → its link shows the invitation → the person chooses a password, is signed in, and can sign in again', async () => {
    const email = address('jobcenter');
    const created = await invite(admin.token, { email: email.toUpperCase(), role: 'jobcenter_contact', displayName: 'Jonas Jobcenter' }).expect(201);
    expect(created.body).toMatchObject({ email, role: 'jobcenter_contact', supplierId: null, state: 'pending', acceptedAt: null, userId: null });
    expect(Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt)).toBe(INVITATION_TTL_MS);
    // Nothing can sign in as a pending invitation: there is no user yet.
    expect(await identity.query('SELECT id FROM app_user WHERE email = $1', [email])).toEqual([]);

    const mail = await nthMailTo(api.app, email, SUBJECT);
    expect(mail.subject).toBe('Du er inviteret til Klausul (Odense Kommune test)');
    expect(mail.text).toContain('Anne Admin fra Odense Kommune test har oprettet en konto til dig i Klausul som kontaktperson i jobcentret');
    const token = tokenOf(mail, 'invitation');
    expect(mail.text).toContain(api.app.get(LinkBuilder).invitation(token));
    const [stored] = await identity.query<{ token_hash: Buffer }>('SELECT token_hash FROM account_token WHERE id = $1', [created.body.id]);
    expect(stored.token_hash.toString('hex')).not.toContain(Buffer.from(token).toString('hex'));

    const preview = await http().get(`/api/v1/invitations/${token}`).expect(200);
    expect(preview.body).toEqual({
      email, role: 'jobcenter_contact', displayName: 'Jonas Jobcenter', municipalityName: 'Odense Kommune test', supplierName: null, expiresAt: created.body.expiresAt,
    });

    const accepted = await http().post(`/api/v1/invitations/${token}`).send({ password: PASSWORD }).expect(200);
    expect(accepted.body.user).toMatchObject({ email, displayName: 'Jonas Jobcenter', role: 'jobcenter_contact', active: true });
    expect(String(accepted.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=${accepted.body.token}`);
    await http().get('/api/v1/me').set(bearer(accepted.body.token)).expect(200);
    const login = await http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(login.body.user.id).toBe(accepted.body.user.id);

    // Single use.
    const again = await http().post(`/api/v1/invitations/${token}`).send({ password: 'another passphrase' }).expect(410);
    expect(again.body.code).toBe('INVITATION_USED');
    expect((await http().get(`/api/v1/invitations/${token}`).expect(410)).body.code).toBe('INVITATION_USED');
    const list = await http().get('/api/v1/invitations').set(bearer(admin.token)).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ state: 'accepted', userId: accepted.body.user.id });

    // The message log shows that a link went out, not the link.
    const logged = await http().get('/api/v1/messages?template=invitation').set(bearer(admin.token)).expect(200);
    const shown = JSON.stringify(logged.body);
    expect(shown).not.toContain(token);
    expect(shown).toContain('/invitation/•••');
  });

  it('lets a procurement caseworker invite a supplier HR contact of a supplier of the municipality, who then sees that supplier', async () => {
    const email = address('hr');
    await invite(procurement.token, { email, role: 'supplier_hr', supplierId }).expect(201);
    const mail = await nthMailTo(api.app, email, SUBJECT);
    expect(mail.text).toContain('Per Indkøb fra Odense Kommune test');
    expect(mail.text).toContain('HR-kontakt hos leverandøren for Leverandør');
    const token = tokenOf(mail, 'invitation');
    const accepted = await http().post(`/api/v1/invitations/${token}`).send({ password: PASSWORD, displayName: 'Hanne HR' }).expect(200);
    expect(accepted.body.user).toMatchObject({ role: 'supplier_hr', supplierId, displayName: 'Hanne HR' });

    // The caseworker's list shows supplier HR invitations only; the admin's shows all.
    await invite(admin.token, { email: address('caseworker'), role: 'employment_caseworker' }).expect(201);
    const theirs = await http().get('/api/v1/invitations?limit=200').set(bearer(procurement.token)).expect(200);
    expect(theirs.body.items.length).toBeGreaterThan(0);
    expect(theirs.body.items.every((i: { role: string }) => i.role === 'supplier_hr')).toBe(true);
    const all = await http().get('/api/v1/invitations?limit=200').set(bearer(admin.token)).expect(200);
    expect(all.body.items.some((i: { role: string }) => i.role === 'employment_caseworker')).toBe(true);
  });

  it('answers 403 to a procurement caseworker inviting an admin (or a caseworker), and stores and sends nothing', async () => {
    const jobcenter = await identity.signedIn({ role: 'jobcenter_contact', municipalityId: admin.municipalityId });
    const before = await counts();
    for (const role of ['admin', 'employment_caseworker', 'jobcenter_contact']) {
      const res = await invite(procurement.token, { email: address('climber'), role }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    await invite(jobcenter.token, { email: address('friend'), role: 'jobcenter_contact' }).expect(403);
    expect(await counts()).toEqual(before);
  });

  it("refuses a supplier of another municipality, a supplier for another role, and an address that already has an account", async () => {
    const before = await counts();
    const foreign = await identity.supplier((await identity.municipality()).id);
    expect((await invite(procurement.token, { email: address('hr'), role: 'supplier_hr', supplierId: foreign }).expect(400)).body.details).toMatchObject({ field: 'supplierId' });
    await invite(admin.token, { email: address('hr'), role: 'supplier_hr' }).expect(400);
    await invite(admin.token, { email: address('x'), role: 'admin', supplierId }).expect(400);
    await invite(admin.token, { email: procurement.email, role: 'admin' }).expect(409);
    await invite(admin.token, { email: address('op'), role: 'operator' }).expect(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses an invitation after 72 hours, and creates no user', async () => {
    const email = address('late');
    await invite(admin.token, { email, role: 'employment_caseworker' }).expect(201);
    const token = tokenOf(await nthMailTo(api.app, email, SUBJECT), 'invitation');
    clock.advance(INVITATION_TTL_MS - 60_000);
    await http().get(`/api/v1/invitations/${token}`).expect(200);
    clock.advance(60_000);
    expect((await http().get(`/api/v1/invitations/${token}`).expect(410)).body.code).toBe('INVITATION_EXPIRED');
    expect((await http().post(`/api/v1/invitations/${token}`).send({ password: PASSWORD }).expect(410)).body.code).toBe('INVITATION_EXPIRED');
    expect(await identity.query('SELECT id FROM app_user WHERE email = $1', [email])).toEqual([]);
    const list = await http().get('/api/v1/invitations?limit=200').set(bearer(admin.token)).expect(200);
    expect(list.body.items.find((i: { email: string }) => i.email === email).state).toBe('expired');
  });

  it('lets a newer invitation to the same address replace the older one', async () => {
    const email = address('twice');
    await invite(admin.token, { email, role: 'jobcenter_contact' }).expect(201);
    const first = tokenOf(await nthMailTo(api.app, email, SUBJECT, 1), 'invitation');
    await invite(admin.token, { email, role: 'employment_caseworker' }).expect(201);
    const second = tokenOf(await nthMailTo(api.app, email, SUBJECT, 2), 'invitation');
    expect((await http().post(`/api/v1/invitations/${first}`).send({ password: PASSWORD }).expect(410)).body.code).toBe('INVITATION_REPLACED');
    const accepted = await http().post(`/api/v1/invitations/${second}`).send({ password: PASSWORD }).expect(200);
    expect(accepted.body.user.role).toBe('employment_caseworker');
  });

  it('answers 404 for a link that never existed, and keeps the link usable after a refused password', async () => {
    await http().get('/api/v1/invitations/not-a-real-token').expect(404);
    await http().post('/api/v1/invitations/not-a-real-token').send({ password: PASSWORD }).expect(404);
    const email = address('short');
    await invite(admin.token, { email, role: 'jobcenter_contact' }).expect(201);
    const token = tokenOf(await nthMailTo(api.app, email, SUBJECT), 'invitation');
    await http().post(`/api/v1/invitations/${token}`).send({ password: 'short' }).expect(400);
    await http().post(`/api/v1/invitations/${token}`).send({ password: PASSWORD }).expect(200);
    expect(mailsTo(api.app, email)).toHaveLength(1);
  });

  it('takes no session cookie and no CSRF header on the public routes (the link is the credential)', async () => {
    const email = address('cookie');
    await invite(admin.token, { email, role: 'jobcenter_contact' }).expect(201);
    const token = tokenOf(await nthMailTo(api.app, email, SUBJECT), 'invitation');
    const res = await request(api.app.getHttpServer()).post(`/api/v1/invitations/${token}`).set('Cookie', `${SESSION_COOKIE}=${admin.token}`).send({ password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
  });
});
