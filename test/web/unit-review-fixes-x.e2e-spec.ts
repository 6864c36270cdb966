import { randomUUID } from 'node:crypto';
import { ContractsFactory, meetingBody, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { formTokenIn, mainText, WebAgent } from '../support/web-agent';

/** A cursor shaped as Klausul writes one ([sort, value, id] as base64url JSON), with a value of the client's choosing. */
const cursorOf = (sort: string, value: string) => Buffer.from(JSON.stringify([sort, value, randomUUID()]), 'utf8').toString('base64url');
const versionIn = (html: string) => /name="expectedVersion" value="(\d+)"/.exec(html)?.[1] ?? '';
/** The value of the option marked selected in a page's select (undefined when none is). */
const selectedIn = (html: string, name: string) => {
  const options = new RegExp(`<select\\b[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return /<option value="([^"]*)"[^>]*\sselected/.exec(options)?.[1];
};
/** The form group (DKFDS `form-group`) around the input with this id, as rendered. */
const groupOf = (html: string, id: string) => {
  const at = html.indexOf(`id="${id}"`);
  return at < 0 ? '' : html.slice(html.lastIndexOf('<div class="form-group', at), at + 200);
};

describe('web pages: review fixes (cursor values, channels, invitations, upskilling, meeting, one-per-line fields)', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let factory: ContractsFactory;
  let unit: Unit;
  const browsers: Partial<Record<'procurement' | 'employment' | 'admin', WebAgent>> = {};
  const query = <T>(sql: string, params: unknown[] = []) => factory.identity.query<T>(sql, params);

  beforeAll(async () => {
    factory = new ContractsFactory(api.app);
    unit = await factory.unit();
    for (const name of ['procurement', 'employment', 'admin'] as const) {
      browsers[name] = new WebAgent(api.app);
      await browsers[name]!.signIn(unit[name].user.email);
    }
  });

  it('a list page with a well-formed cursor whose sort value is not of the column type is the 400 page, not a server error', async () => {
    const procurement = browsers.procurement!;
    for (const path of [`/unit/tenders?cursor=${cursorOf('-createdAt', 'x')}`, `/unit?cursor=${cursorOf('status', 'x')}`, `/unit?sort=-startDate&cursor=${cursorOf('-startDate', '2025-02-30')}`]) {
      const res = await procurement.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(mainText(res.text)).toContain('Adressen er ikke gyldig');
    }
    // A value of the column type still reads the page after it.
    expect((await procurement.get(`/unit/tenders?cursor=${cursorOf('-createdAt', '2025-03-01 09:15:00+00')}`)).status).toBe(200);
  });

  it('removing a channel that is removed already (the form posted twice) is the removal done, changing nothing', async () => {
    const admin = browsers.admin!;
    expect((await admin.submit('/unit/admin/channels', { kind: 'email', name: 'Dobbelt kanal', address: 'dobbelt@example.dk' })).status).toBe(303);
    const [channel] = await query<{ id: string }>("SELECT id FROM jobcenter_channel WHERE municipality_id = $1 AND address = 'dobbelt@example.dk'", [unit.municipalityId]);
    const page = await admin.get('/unit/admin/channels').expect(200);
    const remove = () => admin.agent.post(`/unit/admin/channels/${channel.id}/remove`).type('form').send({ _csrf: formTokenIn(page.text), confirm: 'yes' });
    const first = await remove();
    expect([first.status, first.headers.location]).toEqual([303, '/unit/admin/channels?done=removed']);
    const before = await query('SELECT * FROM jobcenter_channel WHERE id = $1', [channel.id]);
    const second = await remove();
    expect([second.status, second.headers.location]).toEqual([303, '/unit/admin/channels?done=removed']);
    expect(await query('SELECT * FROM jobcenter_channel WHERE id = $1', [channel.id])).toEqual(before);
    expect((await query<{ active: boolean }>('SELECT active FROM jobcenter_channel WHERE id = $1', [channel.id]))[0].active).toBe(false);
    expect(mainText((await admin.get(second.headers.location).expect(200)).text)).not.toContain('Dobbelt kanal');
  });

  it("the supplier page's \"Invite HR contact\" opens the invitation with the role and supplier chosen; a supplier not offered is ignored", async () => {
    const supplier = await factory.supplier(unit.municipalityId, { name: 'Inviteret Leverandør ApS' });
    const other = await factory.unit();
    const foreign = await factory.supplier(other.municipalityId, { name: 'Fremmed Leverandør ApS' });
    for (const role of ['admin', 'procurement'] as const) {
      const browser = browsers[role]!;
      const supplierPage = await browser.get(`/unit/suppliers/${supplier.id}`).expect(200);
      const href = new RegExp(`href="(/unit/invitations/new\\?role=supplier_hr(?:&amp;|&)supplierId=${supplier.id})"`).exec(supplierPage.text)?.[1].replace(/&amp;/g, '&');
      expect({ role, href }).toEqual({ role, href: `/unit/invitations/new?role=supplier_hr&supplierId=${supplier.id}` });
      const form = await browser.get(href!).expect(200);
      expect({ role, supplierId: selectedIn(form.text, 'supplierId') }).toEqual({ role, supplierId: supplier.id });
      if (role === 'admin') expect(selectedIn(form.text, 'role')).toBe('supplier_hr');
      for (const supplierId of ['not-a-uuid', foreign.id, randomUUID()]) {
        const ignored = await browser.get(`/unit/invitations/new?role=supplier_hr&supplierId=${supplierId}`).expect(200);
        expect({ role, supplierId, selected: selectedIn(ignored.text, 'supplierId') }).toEqual({ role, supplierId, selected: '' });
      }
    }
    // A role the admin may not invite to, or none named, leaves the role to choose.
    expect(selectedIn((await browsers.admin!.get('/unit/invitations/new?role=operator').expect(200)).text, 'role')).toBe('');
    expect(selectedIn((await browsers.admin!.get('/unit/invitations/new?role=employment_caseworker').expect(200)).text, 'role')).toBe('employment_caseworker');
    // The employment side does not invite: no link on the supplier page.
    expect((await browsers.employment!.get(`/unit/suppliers/${supplier.id}`).expect(200)).text).not.toContain('/unit/invitations/new');
  });

  it('proposing a participant who is a candidate on the job order already names the job order with its own text, changing nothing', async () => {
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    const [{ id: contract }] = await query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    const http = () => api.http();
    const jobOrder = (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrder}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrder}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    const programme = (await http().post('/api/v1/upskilling/programmes').set(bearer(unit.employment.token)).send({ name: 'OPI', capacity: 15, maxDurationMonths: 18 }).expect(201)).body.id;
    const participant = (await http().post(`/api/v1/upskilling/programmes/${programme}/participants`).set(bearer(unit.employment.token)).send({ name: 'Mette Jensen', startDate: '2025-01-06' }).expect(201)).body.id;
    await http().post(`/api/v1/upskilling/participants/${participant}/complete`).set(bearer(unit.employment.token)).send({ endDate: '2025-06-30', outcome: 'job' }).expect(200);

    const employment = browsers.employment!;
    const page = await employment.get(`/unit/upskilling/participants/${participant}/propose`).expect(200);
    const token = formTokenIn(page.text);
    const post = () =>
      employment.agent
        .post(`/unit/upskilling/participants/${participant}/propose`)
        .field('_csrf', token)
        .field('jobOrderId', jobOrder)
        .field('name', 'Mette Jensen')
        .field('availableWeeklyHours', '15')
        .field('preferredShifts', 'morning')
        .field('targetGroup', 'flexjob')
        .field('consentDay', '1')
        .field('consentMonth', '7')
        .field('consentYear', '2025')
        .field('consentScope', candidateBody(0).consentScope);
    expect((await post()).status).toBe(303);
    const candidates = await query('SELECT * FROM candidate WHERE job_order_id = $1', [jobOrder]);
    expect(candidates).toHaveLength(1);

    const again = await post();
    expect(again.status).toBe(409);
    expect(again.text).toContain('href="#jobOrderId"');
    expect(mainText(again.text)).toContain('Deltageren er allerede foreslået til denne stillingsbeskrivelse');
    expect(mainText(again.text)).not.toContain('Nogen har ændret');
    expect(groupOf(again.text, 'jobOrderId')).toContain('form-error');
    expect(await query('SELECT * FROM candidate WHERE job_order_id = $1', [jobOrder])).toEqual(candidates);

    // REST: the same refusal names the job order.
    const { name: _name, ...fields } = candidateBody(1);
    const rest = await http().post(`/api/v1/upskilling/participants/${participant}/propose`).set(bearer(unit.employment.token)).send({ ...fields, jobOrderId: jobOrder }).expect(409);
    expect(rest.body).toMatchObject({ code: 'CONFLICT', details: { field: 'jobOrderId' } });
  });

  it('a meeting with a supplier that is not registered is refused on the supplier select, nothing recorded; REST names supplierId', async () => {
    const { tender } = await factory.tenderAt(unit, 'screening');
    const procurement = browsers.procurement!;
    const path = `/unit/tenders/${tender.id}/start-dialogue`;
    const shown = await procurement.get(`/unit/tenders/${tender.id}`).expect(200);
    expect((await procurement.agent.post(path).type('form').send({ _csrf: formTokenIn(shown.text), expectedVersion: versionIn(shown.text) })).status).toBe(303);
    const form = await procurement.get(`/unit/tenders/${tender.id}/meetings/new`).expect(200);
    const unknown = randomUUID();
    const refused = await procurement.agent.post(`/unit/tenders/${tender.id}/meetings/new`).type('form').send({
      _csrf: formTokenIn(form.text), expectedVersion: versionIn(form.text), heldOn: '2024-02-14', bidderName: 'Taxa Fyn', supplierId: unknown, participants: 'Driftschef', willingness: 'low',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#supplierId"');
    expect(refused.text).not.toContain('href="#heldOn"');
    expect(groupOf(refused.text, 'supplierId')).toContain('form-error');
    expect(refused.text).toContain('value="Taxa Fyn"');
    expect(await query('SELECT id FROM dialogue_meeting WHERE tender_id = $1', [tender.id])).toEqual([]);

    const rest = await api.http().post(`/api/v1/tenders/${tender.id}/meetings`).set(bearer(unit.procurement.token))
      .send(meetingBody({ supplierId: unknown }));
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({ code: 'INVALID_INPUT', message: 'supplierId is not a registered supplier', details: { fields: ['supplierId'] } });
  });

  it('a CPR number on the 2nd line of a one-item-per-line field is shown on that textarea, and nothing is stored', async () => {
    const { tender } = await factory.tenderAt(unit, 'identified');
    const procurement = browsers.procurement!;
    const path = `/unit/tenders/${tender.id}/screening`;
    const form = await procurement.get(path).expect(200);
    const refused = await procurement.agent.post(path).type('form').send({
      _csrf: formTokenIn(form.text), expectedVersion: versionIn(form.text),
      suitableTasks: 'Morgenruter\nKørsel for 010190-1234', splitShifts: 'true', coreTasks: 'Chaufførkørsel', ancillaryTasks: 'Klargøring', upskillingOptions: 'Kørekort D1', estimatedHires: '26',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#suitableTasks"');
    expect(refused.text).not.toContain('href="#suitableTasks-1"');
    expect(refused.text).toMatch(/<textarea[^>]*id="suitableTasks"/);
    const group = groupOf(refused.text, 'suitableTasks');
    expect(group).toContain('form-error');
    expect(mainText(refused.text)).toContain('ligner et CPR-nummer');
    expect(await query('SELECT tender_id FROM tender_screening WHERE tender_id = $1', [tender.id])).toEqual([]);
    expect((await query<{ state: string }>('SELECT state FROM tender WHERE id = $1', [tender.id]))[0].state).toBe('identified');
  });
});
