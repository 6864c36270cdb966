import { nthMailTo, tokenOf } from '../support/account-mail';
import { ContractsFactory } from '../support/contracts.factory';
import { IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { mainText, WebAgent } from '../support/web-agent';

const SUBJECT = 'Du er inviteret til Klausul';
const HOSTILE = '<script>alert(1)</script>';

describe('web pages: inviting people (admins anyone, procurement caseworkers suppliers\' HR contacts)', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
  let identity: IdentityFactory;
  let municipalityId: string;
  let supplierId: string;
  let n = 0;
  const address = (what: string) => `${what}-${++n}-${Date.now()}@example.dk`;
  const signedIn = async (role: 'admin' | 'procurement_caseworker') => {
    const user = await identity.user({ role, municipalityId });
    const browser = new WebAgent(api.app);
    await browser.signIn(user.email);
    return browser;
  };
  const invitations = async () => (await identity.query<{ n: number }>('SELECT count(*)::int AS n FROM account_token'))[0].n;

  beforeAll(async () => {
    identity = new IdentityFactory(api.app);
    municipalityId = (await identity.municipality()).id;
    supplierId = (await new ContractsFactory(api.app).supplier(municipalityId, { name: 'Fynsk Rutekørsel A/S' })).id;
  });

  it('an admin invites a jobcenter contact, who accepts from the e-mail; the list shows it accepted', async () => {
    const admin = await signedIn('admin');
    const email = address('jobcenter');
    const sent = await admin.submit('/unit/invitations/new', { email, displayName: HOSTILE, role: 'jobcenter_contact', supplierId: '' });
    expect([sent.status, sent.headers.location]).toEqual([303, '/unit/invitations?sent=1']);
    const list = await admin.get('/unit/invitations?sent=1');
    expect(mainText(list.text)).toContain('Invitationen er sendt');
    expect(mainText(list.text)).toContain(email);
    expect(list.text).not.toContain(HOSTILE);
    expect(list.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const token = tokenOf(await nthMailTo(api.app, email, SUBJECT), 'invitation');
    const invitee = new WebAgent(api.app);
    const accepted = await invitee.submit(`/invitation/${encodeURIComponent(token)}`, { displayName: 'Jonas', password: 'a long passphrase for the jobcentre', passwordRepeat: 'a long passphrase for the jobcentre' });
    expect(accepted.headers.location).toBe('/jobcenter');
    expect(mainText((await admin.get('/unit/invitations')).text)).toContain('Taget imod');
  });

  it('a procurement caseworker can invite only a supplier\'s HR contact, for a supplier of the municipality', async () => {
    const caseworker = await signedIn('procurement_caseworker');
    const form = await caseworker.get('/unit/invitations/new');
    expect(form.text).not.toContain('name="role"');
    expect(mainText(form.text)).toContain('Fynsk Rutekørsel A/S');
    const before = await invitations();
    // A role in the post is ignored: the caseworker's invitations are supplier HR contacts, which need a supplier.
    const noSupplier = await caseworker.submit('/unit/invitations/new', { email: address('hr'), role: 'admin', supplierId: '' });
    expect(noSupplier.status).toBe(400);
    expect(noSupplier.text).toContain('href="#supplierId"');
    expect(await invitations()).toBe(before);
    const email = address('hr');
    const sent = await caseworker.submit('/unit/invitations/new', { email, supplierId });
    expect(sent.status).toBe(303);
    const [row] = await identity.query<{ role: string; supplier_id: string }>('SELECT role, supplier_id FROM account_token WHERE email = $1', [email]);
    expect(row).toEqual({ role: 'supplier_hr', supplier_id: supplierId });
  });

  it('keeps the input and names the problem: a bad address, a missing role, an address that has an account', async () => {
    const admin = await signedIn('admin');
    const bad = await admin.submit('/unit/invitations/new', { email: 'not an address', displayName: 'Mette', role: '', supplierId: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#field-email"');
    expect(bad.text).toContain('href="#role"');
    expect(bad.text).toContain('value="Mette"');
    const existing = await identity.user({ role: 'jobcenter_contact', municipalityId });
    const taken = await admin.submit('/unit/invitations/new', { email: existing.email, role: 'jobcenter_contact', supplierId: '' });
    expect(taken.status).toBe(409);
    expect(mainText(taken.text)).toContain('Adressen har allerede en konto i Klausul');
  });
});
