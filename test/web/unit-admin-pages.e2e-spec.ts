import request from 'supertest';
import { AccessLogService } from '@klausul/identity';
import { ContractsFactory } from '../support/contracts.factory';
import { IdentityFactory, type TestUser } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { mainText, WebAgent } from '../support/web-agent';

const HOSTILE = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
/** The rows of a page's table, as text (not the filter's choices). */
const rowsText = (html: string) => mainText(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '');

describe('web pages: administration (users, API keys, channels, settings, message log, audit trail)', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let identity: IdentityFactory;
  let contracts: ContractsFactory;
  let municipalityId: string;
  let adminUser: TestUser;
  let admin: WebAgent;
  let otherMunicipalityId: string;

  const browserOf = async (user: TestUser) => {
    const browser = new WebAgent(api.app);
    await browser.signIn(user.email);
    return browser;
  };
  const query = <T>(sql: string, params: unknown[] = []) => identity.query<T>(sql, params);

  beforeAll(async () => {
    identity = new IdentityFactory(api.app);
    contracts = new ContractsFactory(api.app);
    municipalityId = (await identity.municipality()).id;
    otherMunicipalityId = (await identity.municipality()).id;
    adminUser = await identity.user({ role: 'admin', municipalityId, displayName: 'Anne Admin' });
    admin = await browserOf(adminUser);
  });

  describe('the index', () => {
    it('links every administration page, says the queue dashboard is the operator\'s and shows the delivery health', async () => {
      const page = await admin.get('/unit/admin');
      expect(page.status).toBe(200);
      for (const href of ['/unit/admin/users', '/unit/invitations', '/unit/admin/api-keys', '/unit/admin/channels', '/unit/admin/settings', '/unit/messages', '/unit/admin/audit', '/admin/queues', '/unit/messages?status=failed']) {
        expect(page.text).toContain(`href="${href}"`);
      }
      expect(mainText(page.text)).toContain('kun installationens driftsansvarlige');
      expect(mainText(page.text)).toContain('Ingen er fejlet');
      await query(`INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text, delivery_status) VALUES ($1, 'email', 'test', 'x@example.dk', 'Fejlet', 'Tekst', 'failed')`, [municipalityId]);
      expect(mainText((await admin.get('/unit/admin')).text)).toContain('Nogle beskeder kunne ikke leveres');
    });
  });

  describe('users', () => {
    it('lists the users by role and state', async () => {
      const jobcenter = await identity.user({ role: 'jobcenter_contact', municipalityId, displayName: 'Jens Jobcenter' });
      const closed = await identity.user({ role: 'jobcenter_contact', municipalityId, displayName: 'Lukket Person', active: false });
      const byRole = mainText((await admin.get('/unit/admin/users?role=jobcenter_contact')).text);
      expect(byRole).toContain(jobcenter.email);
      expect(byRole).not.toContain(adminUser.email);
      const inactive = mainText((await admin.get('/unit/admin/users?active=false')).text);
      expect(inactive).toContain(closed.email);
      expect(inactive).not.toContain(jobcenter.email);
    });

    it('changes a name and a role; the name is escaped; bad input keeps what was typed', async () => {
      const person = await identity.user({ role: 'jobcenter_contact', municipalityId });
      const saved = await admin.submit(`/unit/admin/users/${person.id}`, { displayName: `Ny ${HOSTILE}`, role: 'employment_caseworker', supplierId: '' });
      expect([saved.status, saved.headers.location]).toEqual([303, `/unit/admin/users/${person.id}?done=saved`]);
      const [row] = await query<{ role: string; display_name: string }>('SELECT role, display_name FROM app_user WHERE id = $1', [person.id]);
      expect(row).toEqual({ role: 'employment_caseworker', display_name: `Ny ${HOSTILE}` });
      const page = await admin.get(`/unit/admin/users/${person.id}?done=saved`);
      expect(page.text).not.toContain(HOSTILE);
      expect(page.text).toContain(ESCAPED);
      expect(mainText(page.text)).toContain('Ændringerne er gemt');

      const empty = await admin.submit(`/unit/admin/users/${person.id}`, { displayName: '', role: 'admin', supplierId: '' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('href="#displayName"');
      const noSupplier = await admin.submit(`/unit/admin/users/${person.id}`, { displayName: 'Bo', role: 'supplier_hr', supplierId: '' });
      expect(noSupplier.status).toBe(400);
      expect(mainText(noSupplier.text)).toContain('Vælg leverandøren');
      expect(noSupplier.text).toContain('value="Bo"');
      const [unchanged] = await query<{ role: string }>('SELECT role FROM app_user WHERE id = $1', [person.id]);
      expect(unchanged.role).toBe('employment_caseworker');
    });

    it('makes a person a supplier\'s HR contact with the supplier chosen', async () => {
      const person = await identity.user({ role: 'jobcenter_contact', municipalityId });
      const supplier = await contracts.supplier(municipalityId, { name: 'Fynsk Rutekørsel A/S' });
      const saved = await admin.submit(`/unit/admin/users/${person.id}`, { displayName: 'Hanne HR', role: 'supplier_hr', supplierId: supplier.id });
      expect(saved.status).toBe(303);
      const [row] = await query<{ role: string; supplier_id: string }>('SELECT role, supplier_id FROM app_user WHERE id = $1', [person.id]);
      expect(row).toEqual({ role: 'supplier_hr', supplier_id: supplier.id });
      expect(mainText((await admin.get(`/unit/admin/users/${person.id}`)).text)).toContain('Fynsk Rutekørsel A/S');
      expect(rowsText((await admin.get('/unit/admin/users?role=supplier_hr')).text)).toContain(`Hanne HR ${person.email} HR hos leverandør Fynsk Rutekørsel A/S Aktiv`);
    });

    it('deactivating asks for a confirmation and signs the person out; activating lets them in again', async () => {
      const person = await identity.user({ role: 'procurement_caseworker', municipalityId });
      const theirs = await browserOf(person);
      expect((await theirs.get('/unit/tenders')).status).not.toBe(303);
      const unconfirmed = await admin.submit(`/unit/admin/users/${person.id}`, {}, `/unit/admin/users/${person.id}/deactivate`);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.text).toContain('href="#confirm"');
      expect((await query<{ active: boolean }>('SELECT active FROM app_user WHERE id = $1', [person.id]))[0].active).toBe(true);

      const done = await admin.submit(`/unit/admin/users/${person.id}`, { confirm: 'yes' }, `/unit/admin/users/${person.id}/deactivate`);
      expect([done.status, done.headers.location]).toEqual([303, `/unit/admin/users/${person.id}?done=deactivated`]);
      const bounced = await theirs.get('/unit/tenders');
      expect(bounced.status).toBe(303);
      expect(bounced.headers.location).toMatch(/^\/login/);
      expect(mainText((await admin.get('/unit/admin/users?active=false')).text)).toContain(person.email);
      await expect(browserOf(person)).rejects.toThrow();

      const activated = await admin.submit(`/unit/admin/users/${person.id}`, { confirm: 'yes' }, `/unit/admin/users/${person.id}/activate`);
      expect(activated.status).toBe(303);
      await expect(browserOf(person)).resolves.toBeInstanceOf(WebAgent);
    });

    it('an admin cannot deactivate themself: the page says so and nothing changes', async () => {
      const own = await admin.get(`/unit/admin/users/${adminUser.id}`);
      expect(own.text).not.toContain(`action="/unit/admin/users/${adminUser.id}/deactivate"`);
      const refused = await admin.submit(`/unit/admin/users/${adminUser.id}`, { confirm: 'yes' }, `/unit/admin/users/${adminUser.id}/deactivate`);
      expect(refused.status).toBe(400);
      expect(mainText(refused.text)).toContain('Du kan ikke lukke eller ændre rollen på din egen konto');
      expect((await query<{ active: boolean }>('SELECT active FROM app_user WHERE id = $1', [adminUser.id]))[0].active).toBe(true);
    });
  });

  describe('API keys', () => {
    it('shows a new key once, not cached; the key works; the list never shows it; revoking asks first, then the key stops working', async () => {
      const created = await admin.submit('/unit/admin/api-keys', { name: `Fagsystem ${HOSTILE}`, role: 'admin' });
      expect(created.status).toBe(200);
      expect(created.headers['cache-control']).toBe('no-store');
      const key = /<code id="api-key">([^<]+)<\/code>/.exec(created.text)?.[1];
      expect(key).toBeDefined();
      expect(created.text).toContain(ESCAPED);
      const server = () => request(api.app.getHttpServer());
      expect((await server().get('/api/v1/users').set('X-API-Key', key!)).status).toBe(200);
      const list = await admin.get('/unit/admin/api-keys');
      expect(list.text).not.toContain(key!);
      expect(mainText(list.text)).toContain('Fagsystem');

      const [{ id }] = await query<{ id: string }>('SELECT id FROM api_key WHERE municipality_id = $1 AND name = $2', [municipalityId, `Fagsystem ${HOSTILE}`]);
      const unconfirmed = await admin.submit('/unit/admin/api-keys', {}, `/unit/admin/api-keys/${id}/revoke`);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.text).toContain(`href="#confirm-${id}"`);
      expect((await server().get('/api/v1/users').set('X-API-Key', key!)).status).toBe(200);
      const revoked = await admin.submit('/unit/admin/api-keys', { confirm: 'yes' }, `/unit/admin/api-keys/${id}/revoke`);
      expect([revoked.status, revoked.headers.location]).toEqual([303, '/unit/admin/api-keys?done=revoked']);
      expect((await server().get('/api/v1/users').set('X-API-Key', key!)).status).toBe(401);
      expect(mainText((await admin.get('/unit/admin/api-keys')).text)).toContain('Tilbagekaldt');
    });

    it('refuses a key without a name or role', async () => {
      const refused = await admin.submit('/unit/admin/api-keys', { name: '', role: '' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('href="#name"');
      expect(refused.text).toContain('href="#role"');
    });
  });

  describe('jobcenter channels', () => {
    it('adds a webhook whose secret is never shown, not even when the form is refused', async () => {
      const secret = 'a-webhook-secret-of-32-characters';
      const refused = await admin.submit('/unit/admin/channels', { kind: 'webhook', name: 'Fagsystem', address: 'not a url', secret });
      expect(refused.status).toBe(400);
      expect(refused.text).not.toContain(secret);
      expect(refused.text).toContain('href="#address"');
      const created = await admin.submit('/unit/admin/channels', { kind: 'webhook', name: 'Fagsystem', address: 'https://jobcenter.example.dk/klausul', secret });
      expect([created.status, created.headers.location]).toEqual([303, '/unit/admin/channels?done=created']);
      const list = await admin.get('/unit/admin/channels?done=created');
      expect(mainText(list.text)).toContain('https://jobcenter.example.dk/klausul');
      expect(list.text).not.toContain(secret);
      const again = await admin.submit('/unit/admin/channels', { kind: 'webhook', name: 'Fagsystem', address: 'https://jobcenter.example.dk/other', secret });
      expect(again.status).toBe(409);
      expect(mainText(again.text)).toContain('Der findes allerede en webhook med det navn');
    });

    it('refuses an e-mail channel without a valid address', async () => {
      const refused = await admin.submit('/unit/admin/channels', { kind: 'email', name: 'Jobcenter', address: 'ikke en adresse' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('href="#address"');
    });

    it('sends one test message to that channel, and the message log filtered to it shows it', async () => {
      await admin.submit('/unit/admin/channels', { kind: 'email', name: 'Jobcenter Odense', address: 'jc-test@example.dk' });
      const [channel] = await query<{ id: string }>("SELECT id FROM jobcenter_channel WHERE municipality_id = $1 AND address = 'jc-test@example.dk'", [municipalityId]);
      const empty = await admin.submit('/unit/admin/channels', {}, `/unit/admin/channels/${channel.id}/test`);
      expect([empty.status, mainText(empty.text)]).toEqual([400, expect.stringContaining('Testen af kanalen Jobcenter Odense blev ikke sendt')]);
      expect(await query('SELECT id FROM message WHERE related_id = $1', [channel.id])).toEqual([]);
      const sent = await admin.submit('/unit/admin/channels', { send: 'test' }, `/unit/admin/channels/${channel.id}/test`);
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe(`/unit/messages?relatedType=jobcenter_channel&relatedId=${channel.id}&sent=test`);
      const messages = await query<{ recipient: string; template: string; subject: string }>(
        "SELECT recipient, template, subject FROM message WHERE related_type = 'jobcenter_channel' AND related_id = $1", [channel.id]);
      expect(messages).toEqual([{ recipient: 'jc-test@example.dk', template: 'channel-test', subject: 'Test fra Klausul: Jobcenter Odense' }]);
      const log = mainText((await admin.get(sent.headers.location)).text);
      expect(log).toContain('Testen er sendt');
      expect(log).toContain('Test fra Klausul: Jobcenter Odense');
      expect(log).toContain('På vej');
    });

    it('a webhook channel\'s test is the signed event channel.test', async () => {
      const [endpoint] = await query<{ id: string }>("SELECT c.id FROM jobcenter_channel c JOIN webhook_endpoint e ON e.id = c.endpoint_id WHERE c.municipality_id = $1 AND c.name = 'Fagsystem'", [municipalityId]);
      expect((await admin.submit('/unit/admin/channels', { send: 'test' }, `/unit/admin/channels/${endpoint.id}/test`)).status).toBe(303);
      const [message] = await query<{ channel: string; template: string; recipient: string }>(
        'SELECT channel, template, recipient FROM message WHERE related_id = $1', [endpoint.id]);
      expect(message).toEqual({ channel: 'webhook', template: 'channel.test', recipient: 'https://jobcenter.example.dk/klausul' });
    });

    it('REST: POST /jobcenter-channels/{id}/test answers 202 with the message, which the log holds', async () => {
      const unit = await contracts.unit(municipalityId);
      const rest = () => request(api.app.getHttpServer());
      const channel = (await rest().post('/api/v1/jobcenter-channels').set('Authorization', `Bearer ${unit.admin.token}`).send({ kind: 'email', name: 'REST-kanal', address: 'rest@example.dk' }).expect(201)).body.id;
      const sent = await rest().post(`/api/v1/jobcenter-channels/${channel}/test`).set('Authorization', `Bearer ${unit.admin.token}`).send({}).expect(202);
      expect(sent.body.channelId).toBe(channel);
      const message = (await rest().get(`/api/v1/messages/${sent.body.messageId}`).set('Authorization', `Bearer ${unit.admin.token}`).expect(200)).body;
      expect(message).toMatchObject({ template: 'channel-test', recipient: 'rest@example.dk', related: { type: 'jobcenter_channel', id: channel }, deliveryStatus: 'pending' });
      expect(message.text).toContain('har sendt denne test til kanalen "REST-kanal"');
      await rest().post(`/api/v1/jobcenter-channels/${crypto.randomUUID()}/test`).set('Authorization', `Bearer ${unit.admin.token}`).send({}).expect(404);
    });

    it('removing asks first; a removed channel is listed with the removed ones and gets no test', async () => {
      await admin.submit('/unit/admin/channels', { kind: 'email', name: 'Gammel kanal', address: 'old@example.dk' });
      const [channel] = await query<{ id: string }>("SELECT id FROM jobcenter_channel WHERE municipality_id = $1 AND address = 'old@example.dk'", [municipalityId]);
      const unconfirmed = await admin.submit('/unit/admin/channels', {}, `/unit/admin/channels/${channel.id}/remove`);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.text).toContain(`href="#confirm-${channel.id}"`);
      const removed = await admin.submit('/unit/admin/channels', { confirm: 'yes' }, `/unit/admin/channels/${channel.id}/remove`);
      expect([removed.status, removed.headers.location]).toEqual([303, '/unit/admin/channels?done=removed']);
      expect(mainText((await admin.get('/unit/admin/channels')).text)).not.toContain('Gammel kanal');
      expect(mainText((await admin.get('/unit/admin/channels?show=removed')).text)).toContain('Gammel kanal');
      expect((await admin.submit('/unit/admin/channels', { send: 'test' }, `/unit/admin/channels/${channel.id}/test`)).status).toBe(404);
    });
  });

  describe('settings', () => {
    it('each form round-trips', async () => {
      expect((await admin.submit('/unit/admin/settings', { candidateWorkingDays: '12', retentionUnsuccessfulMonths: '6', retentionPlacementMonths: '' }, '/unit/admin/settings/matching')).headers.location)
        .toBe('/unit/admin/settings?done=matching#matching-heading');
      expect((await admin.submit('/unit/admin/settings', { reviewRunWorkingDay: '3', reviewRunTime: '07.30' }, '/unit/admin/settings/follow-up')).status).toBe(303);
      expect((await admin.submit('/unit/admin/settings', { minDurationMonths: '9', minValueDkk: '3.000.000' }, '/unit/admin/settings/thresholds')).status).toBe(303);
      const year = String(new Date().getUTCFullYear());
      const targets = await admin.submit('/unit/admin/settings', { year, clauseSharePercent: '80,5', hiresUnderClauses: '40' }, '/unit/admin/settings/targets');
      expect(targets.headers.location).toBe(`/unit/admin/settings?done=targets&year=${year}#targets-heading`);

      expect(await query('SELECT candidate_working_days, retention_unsuccessful_months, retention_placement_months FROM matching_setting WHERE municipality_id = $1', [municipalityId]))
        .toEqual([{ candidate_working_days: 12, retention_unsuccessful_months: 6, retention_placement_months: null }]);
      expect(await query('SELECT review_run_working_day, review_run_time FROM follow_up_setting WHERE municipality_id = $1', [municipalityId]))
        .toEqual([{ review_run_working_day: 3, review_run_time: '07:30' }]);
      expect(await query('SELECT min_duration_months, min_value_dkk::float AS min_value_dkk FROM clause_threshold WHERE municipality_id = $1', [municipalityId]))
        .toEqual([{ min_duration_months: 9, min_value_dkk: 3_000_000 }]);
      expect(await query('SELECT clause_share::float AS clause_share, hires_under_clauses FROM municipal_target WHERE municipality_id = $1 AND year = $2', [municipalityId, Number(year)]))
        .toEqual([{ clause_share: 0.805, hires_under_clauses: 40 }]);

      const page = await admin.get(`/unit/admin/settings?year=${year}`);
      for (const [name, value] of [['candidateWorkingDays', '12'], ['retentionUnsuccessfulMonths', '6'], ['reviewRunWorkingDay', '3'], ['reviewRunTime', '07:30'], ['minDurationMonths', '9'], ['clauseSharePercent', '80,5'], ['hiresUnderClauses', '40']]) {
        expect(page.text).toMatch(new RegExp(`name="${name}"[^>]*value="${value}"|value="${value}"[^>]*name="${name}"`));
      }
    });

    it('refuses bad input with the error summary and stores nothing', async () => {
      const before = await query('SELECT * FROM follow_up_setting WHERE municipality_id = $1', [municipalityId]);
      const day = await admin.submit('/unit/admin/settings', { reviewRunWorkingDay: '11', reviewRunTime: '25:00' }, '/unit/admin/settings/follow-up');
      expect(day.status).toBe(400);
      expect(mainText(day.text)).toContain('Der er problemer på siden');
      expect(mainText(day.text)).toContain('Arbejdsdag i måneden må højst være 10');
      expect(day.text).toContain('href="#reviewRunTime"');
      expect(day.text).toContain('value="25:00"');
      expect(await query('SELECT * FROM follow_up_setting WHERE municipality_id = $1', [municipalityId])).toEqual(before);
      const share = await admin.submit('/unit/admin/settings', { year: String(new Date().getUTCFullYear()), clauseSharePercent: '120', hiresUnderClauses: 'mange' }, '/unit/admin/settings/targets');
      expect(share.status).toBe(400);
      expect(mainText(share.text)).toContain('må højst være 100');
      expect(share.text).toContain('href="#hiresUnderClauses"');
      const days = await admin.submit('/unit/admin/settings', { candidateWorkingDays: '0' }, '/unit/admin/settings/matching');
      expect(days.status).toBe(400);
      expect(mainText(days.text)).toContain('skal være mindst 1');
    });
  });

  describe('a manual review run', () => {
    it("runs an ended month's reviews from the settings page; a re-run creates nothing new", async () => {
      const unit = await contracts.unit(municipalityId);
      const { tender } = await contracts.tenderAt(unit, 'handed_over');
      const [{ id: contract }] = await query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 LIMIT 1', [tender.id]);
      await contracts.placement(contract);
      const ran = await admin.submit('/unit/admin/settings', { period: '2025-03' }, '/unit/admin/settings/review-run');
      expect(ran.status).toBe(303);
      expect((await query<{ n: number }>("SELECT count(*)::int AS n FROM review WHERE contract_id = $1 AND period = '2025-03'", [contract]))[0].n).toBe(1);
      // One review per contract of the handed-over tender (the winner's and the other supplier's).
      const created = (await query<{ n: number }>("SELECT count(*)::int AS n FROM review r JOIN contract c ON c.id = r.contract_id WHERE c.tender_id = $1 AND r.period = '2025-03'", [tender.id]))[0].n;
      expect(mainText((await admin.get(ran.headers.location)).text)).toContain(`Opfølgningen for marts 2025 er kørt: ${created} nye opfølgninger.`);
      const again = await admin.submit('/unit/admin/settings', { period: '2025-03' }, '/unit/admin/settings/review-run');
      expect(mainText((await admin.get(again.headers.location)).text)).toContain('Opfølgningen for marts 2025 er kørt: 0 nye opfølgninger.');
      const refused = await admin.submit('/unit/admin/settings', { period: '' }, '/unit/admin/settings/review-run');
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('href="#period"');
    });
  });

  describe('the message log', () => {
    it('filters by status, and offers a retry only for a failed message', async () => {
      const caseworker = await browserOf(await identity.user({ role: 'employment_caseworker', municipalityId }));
      const [pending] = await query<{ id: string }>(
        `INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text) VALUES ($1, 'email', 'job-description', 'jc@example.dk', 'Afventer', 'Tekst ${HOSTILE}') RETURNING id`, [municipalityId]);
      const page = await caseworker.get(`/unit/messages/${pending.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(ESCAPED);
      expect(page.text).not.toContain(`action="/unit/messages/${pending.id}/retry"`);
      const notFailed = await caseworker.submit(`/unit/messages/${pending.id}`, {}, `/unit/messages/${pending.id}/retry`);
      expect(notFailed.status).toBe(409);
      expect(mainText(notFailed.text)).toContain('Kun en besked, der ikke kunne leveres, kan sendes igen');

      // A real delivery that failed: a channel test (its message and outbox row), then the delivery given up.
      await admin.submit('/unit/admin/channels', { kind: 'email', name: 'Fejlkanal', address: 'fails@example.dk' });
      const [channel] = await query<{ id: string }>("SELECT id FROM jobcenter_channel WHERE municipality_id = $1 AND address = 'fails@example.dk'", [municipalityId]);
      await admin.submit('/unit/admin/channels', { send: 'test' }, `/unit/admin/channels/${channel.id}/test`);
      await query("UPDATE message SET delivery_status = 'failed', last_error = 'SMTP 550', subject = 'Kunne ikke sendes' WHERE related_id = $1", [channel.id]);
      const [failed] = await query<{ id: string }>('SELECT id FROM message WHERE related_id = $1', [channel.id]);
      await query('UPDATE outbox SET failed_at = now() WHERE entity_id = $1', [failed.id]);
      const failedList = mainText((await caseworker.get('/unit/messages?status=failed')).text);
      expect(failedList).toContain('Kunne ikke sendes');
      expect(failedList).not.toContain('Afventer');
      const failedPage = await caseworker.get(`/unit/messages/${failed.id}`);
      expect(failedPage.text).toContain(`action="/unit/messages/${failed.id}/retry"`);
      expect(mainText(failedPage.text)).toContain('SMTP 550');
      const retried = await caseworker.submit(`/unit/messages/${failed.id}`, {}, `/unit/messages/${failed.id}/retry`);
      expect([retried.status, retried.headers.location]).toEqual([303, `/unit/messages/${failed.id}?done=retried`]);
      expect((await query<{ delivery_status: string }>('SELECT delivery_status FROM message WHERE id = $1', [failed.id]))[0].delivery_status).toBe('pending');
    });

    it('refuses a filter that is not one', async () => {
      const bad = await admin.get('/unit/messages?status=lost&template=Not%20a%20name');
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('href="#status"');
      expect(bad.text).toContain('href="#template"');
    });
  });

  describe('the audit trail', () => {
    it('shows changes and reads, by kind and by person, with names', async () => {
      const unit = await contracts.unit(municipalityId);
      const { tender } = await contracts.tenderAt(unit, 'handed_over');
      await api.app.get(AccessLogService).record(unit.employment.user.actor, { action: 'read-candidate', subjectType: 'candidate', subjectId: '0b6f4a2e-1111-4c2b-9a61-2f1f6f0c9d11' });
      const all = mainText((await admin.get('/unit/admin/audit')).text);
      expect(all).toContain('Ændring');
      expect(all).toContain('Opslag');
      const changesPage = await admin.get('/unit/admin/audit?kind=change');
      expect(changesPage.text).toContain(`href="/unit/tenders/${tender.id}"`);
      const changes = rowsText(changesPage.text);
      expect(changes).toContain(unit.procurement.user.displayName);
      expect(changes).not.toContain('Så kandidaten');
      const reads = rowsText((await admin.get('/unit/admin/audit?kind=read')).text);
      expect(reads).toContain('Så kandidaten');
      expect(reads).toContain(unit.employment.user.displayName);
      expect(reads).not.toContain(unit.procurement.user.displayName);
      const person = rowsText((await admin.get(`/unit/admin/audit?userId=${unit.employment.user.id}`)).text);
      expect(person).toContain('Så kandidaten');
      expect(person).not.toContain(unit.procurement.user.displayName);
      // The REST audit list takes the same filters.
      const rest = (path: string) => request(api.app.getHttpServer()).get(path).set('Authorization', `Bearer ${unit.admin.token}`);
      const readsOnly = (await rest('/api/v1/audit?kind=read').expect(200)).body.items as { kind: string }[];
      expect(readsOnly.length).toBeGreaterThan(0);
      expect(readsOnly.every((e) => e.kind === 'read')).toBe(true);
      const procurementOnly = (await rest(`/api/v1/audit?kind=change&userId=${unit.procurement.user.id}`).expect(200)).body.items as { actor: { userId: string } }[];
      expect(procurementOnly.length).toBeGreaterThan(0);
      expect(procurementOnly.every((e) => e.actor.userId === unit.procurement.user.id)).toBe(true);
      expect((await rest('/api/v1/audit?kind=all').expect(400)).body.code).toBeDefined();
      const bad = await admin.get('/unit/admin/audit?kind=everything&userId=me');
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('href="#kind"');
      // A day that does not exist is refused on its field, not read as a day of the next month.
      const noSuchDay = await admin.get('/unit/admin/audit?before=2025-02-30');
      expect(noSuchDay.status).toBe(400);
      expect(noSuchDay.text).toContain('href="#before"');
    });
  });

  it('every page reads in English too, no catalogue key left untranslated', async () => {
    const english = await browserOf(adminUser);
    await english.get('/language/en?next=/unit/admin');
    const [message] = await query<{ id: string }>(`INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text, delivery_status) VALUES ($1, 'email', 'test', 'x@example.dk', 'Emne', 'Tekst', 'failed') RETURNING id`, [municipalityId]);
    for (const path of ['/unit/admin', '/unit/admin/users', `/unit/admin/users/${adminUser.id}`, '/unit/admin/api-keys', '/unit/admin/channels', '/unit/admin/channels?show=removed',
      '/unit/admin/settings', '/unit/admin/audit', '/unit/messages', `/unit/messages/${message.id}`, '/unit/invitations']) {
      const page = await english.get(path);
      expect({ path, status: page.status, lang: /<html lang="(\w+)"/.exec(page.text)?.[1] }).toEqual({ path, status: 200, lang: 'en' });
      expect({ path, keys: mainText(page.text).match(/\b(unitAdmin|unit|common)\.[a-zA-Z]+\.[\w.]+/g) }).toEqual({ path, keys: null });
    }
    expect(mainText((await english.get('/unit/admin/settings')).text)).toContain('Candidate deadline in working days');
  });

  it("another municipality's user, API key, channel and message are the 404 page", async () => {
    const user = await identity.user({ role: 'jobcenter_contact', municipalityId: otherMunicipalityId });
    const key = await identity.apiKey({ municipalityId: otherMunicipalityId });
    const otherAdmin = await identity.signedIn({ role: 'admin', municipalityId: otherMunicipalityId });
    const channel = (await request(api.app.getHttpServer()).post('/api/v1/jobcenter-channels').set('Authorization', `Bearer ${otherAdmin.token}`).send({ kind: 'email', name: 'Andet jobcenter', address: 'jc@other.dk' }).expect(201)).body.id;
    const [message] = await query<{ id: string }>(`INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text) VALUES ($1, 'email', 'test', 'x@other.dk', 'Andet', 'Tekst') RETURNING id`, [otherMunicipalityId]);
    expect((await admin.get(`/unit/admin/users/${user.id}`)).status).toBe(404);
    expect((await admin.submit('/unit/admin/api-keys', { confirm: 'yes' }, `/unit/admin/api-keys/${key.id}/revoke`)).status).toBe(404);
    expect((await admin.submit('/unit/admin/users', { confirm: 'yes' }, `/unit/admin/users/${user.id}/deactivate`)).status).toBe(404);
    expect((await admin.submit('/unit/admin/channels', { confirm: 'yes' }, `/unit/admin/channels/${channel}/remove`)).status).toBe(404);
    expect((await admin.submit('/unit/admin/channels', {}, `/unit/admin/channels/${channel}/test`)).status).toBe(404);
    expect((await admin.get(`/unit/messages/${message.id}`)).status).toBe(404);
    expect((await query<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_key WHERE id = $1', [key.id]))[0].revoked_at).toBeNull();
    expect((await query<{ active: boolean }>('SELECT active FROM app_user WHERE id = $1', [user.id]))[0].active).toBe(true);
  });
});
