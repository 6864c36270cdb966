import request from 'supertest';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { nthMailTo, tokenOf } from '../support/account-mail';
import { useTestApi } from '../support/test-api';
import { formTokenIn, mainText, WebAgent } from '../support/web-agent';

const INVITATION_SUBJECT = 'Du er inviteret til Klausul';
const NEW_PASSWORD = 'a long new passphrase for the bus company';

describe('web pages: invitations, forgotten passwords and changing the password', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
  let identity: IdentityFactory;
  let n = 0;
  const address = (what: string) => `${what}-${++n}-${Date.now()}@example.dk`;

  beforeAll(() => {
    identity = new IdentityFactory(api.app);
  });

  async function invited(role = 'jobcenter_contact'): Promise<{ email: string; token: string }> {
    const { user: admin, token } = await identity.signedIn({ role: 'admin' });
    const email = address('invited');
    await request(api.app.getHttpServer()).post('/api/v1/invitations').set(bearer(token)).send({ email, role, displayName: 'Jonas Jobcenter' }).expect(201);
    void admin;
    return { email, token: tokenOf(await nthMailTo(api.app, email, INVITATION_SUBJECT), 'invitation') };
  }

  it('opens the invitation from the e-mail, sets a password and lands signed in on the start page', async () => {
    const { email, token } = await invited();
    const browser = new WebAgent(api.app);
    const page = await browser.get(`/invitation/${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(mainText(page.text)).toContain(email);
    expect(page.text).toContain('value="Jonas Jobcenter"');
    const accepted = await browser.agent.post(`/invitation/${encodeURIComponent(token)}`).type('form')
      .send({ _csrf: formTokenIn(page.text), displayName: 'Jonas Jensen', password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe('/jobcenter');
    expect((await browser.get('/')).headers.location).toBe('/jobcenter');
    const second = await new WebAgent(api.app).get(`/invitation/${encodeURIComponent(token)}`);
    expect(second.status).toBe(410);
    expect(mainText(second.text)).toContain('Linket er allerede brugt');
    await new WebAgent(api.app).signIn(email, NEW_PASSWORD);
  });

  it('keeps the name and shows the error summary when the passwords differ or are too short, and creates no account', async () => {
    const { email, token } = await invited();
    const browser = new WebAgent(api.app);
    const path = `/invitation/${encodeURIComponent(token)}`;
    const short = await browser.submit(path, { displayName: 'Jonas', password: 'short', passwordRepeat: 'short' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('href="#password"');
    expect(short.text).toContain('value="Jonas"');
    const differ = await browser.submit(path, { displayName: 'Jonas', password: NEW_PASSWORD, passwordRepeat: `${NEW_PASSWORD}!` });
    expect(differ.status).toBe(400);
    expect(mainText(differ.text)).toContain('De to adgangskoder er ikke ens');
    expect(await identity.query('SELECT id FROM app_user WHERE email = $1', [email])).toEqual([]);
  });

  it('explains a link that is not valid, in English when English is chosen', async () => {
    const browser = new WebAgent(api.app);
    await browser.get('/language/en');
    const page = await browser.get('/invitation/not-a-real-token');
    expect(page.status).toBe(404);
    expect(mainText(page.text)).toContain('The link does not work');
  });

  it('answers "forgot password" the same for a known and an unknown address, and the link sets a new password that ends old sessions', async () => {
    const user = await identity.user({ role: 'supplier_hr', email: address('hr') });
    const old = await identity.session(user);
    const known = await new WebAgent(api.app).submit('/forgot-password', { email: user.email });
    const unknown = await new WebAgent(api.app).submit('/forgot-password', { email: address('nobody') });
    expect([known.status, known.headers.location]).toEqual([303, '/forgot-password/sent']);
    expect([unknown.status, unknown.headers.location]).toEqual([303, '/forgot-password/sent']);
    const mail = await nthMailTo(api.app, user.email, '');
    const token = tokenOf(mail, 'reset-password');
    const browser = new WebAgent(api.app);
    const reset = await browser.submit(`/reset-password/${encodeURIComponent(token)}`, { password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD });
    expect([reset.status, reset.headers.location]).toEqual([303, '/login?passwordChanged=1']);
    await request(api.app.getHttpServer()).get('/api/v1/me').set(bearer(old)).expect(401);
    await browser.signIn(user.email, NEW_PASSWORD);
    // The used link says so when it is opened, before anyone types a password.
    const again = await new WebAgent(api.app).get(`/reset-password/${encodeURIComponent(token)}`);
    expect(again.status).toBe(410);
    expect(mainText(again.text)).toContain('Linket er allerede brugt');
    expect((await new WebAgent(api.app).get('/reset-password/made-up')).status).toBe(404);
  });

  it('changes the password of the signed-in person and ends their other sessions', async () => {
    const user = await identity.user({ role: 'jobcenter_contact', email: address('jc') });
    const other = await identity.session(user);
    const browser = new WebAgent(api.app);
    await browser.signIn(user.email);
    const wrong = await browser.submit('/account/password', { currentPassword: 'not it', newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('href="#currentPassword"');
    const changed = await browser.submit('/account/password', { currentPassword: 'correct horse battery staple', newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD });
    expect([changed.status, changed.headers.location]).toEqual([303, '/account/password?changed=1']);
    expect((await browser.get('/account/password?changed=1')).status).toBe(200);
    await request(api.app.getHttpServer()).get('/api/v1/me').set(bearer(other)).expect(401);
  });
});
