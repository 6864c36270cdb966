import { randomUUID } from 'node:crypto';
import { ContractsFactory, type SignedIn, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody, pdfBytes } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { eventually } from '../support/test-runtime';
import { formTokenIn, mainText, WebAgent } from '../support/web-agent';

const SCRIPT = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const CONSENT = 'CV må videregives til leverandøren 4711';

describe("web pages: the unit's job descriptions and candidate pipeline", () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
  let factory: ContractsFactory;
  let unit: Unit;
  let hr: SignedIn;
  let contract: string;
  let channels: { north: string; south: string };
  const browsers: Partial<Record<'procurement' | 'employment' | 'admin' | 'supplier', WebAgent>> = {};
  const rest = (token: string) => ({
    post: (path: string, body: object = {}) => api.http().post(`/api/v1${path}`).set(bearer(token)).send(body),
  });
  const query = <T>(sql: string, params: unknown[] = []) => factory.identity.query<T>(sql, params);

  /** A job description the supplier sent to the municipality (hostile title included). */
  async function submitted(title = 'Chauffør til visiteret kørsel'): Promise<string> {
    const id = (await rest(hr.token).post(`/contracts/${contract}/job-orders`, jobOrderBody({ title })).expect(201)).body.id;
    await rest(hr.token).post(`/job-orders/${id}/submit`).expect(200);
    return id;
  }

  /** Forwarded, with `n` candidates proposed by the jobcenter. */
  async function withCandidates(n: number, overrides: (i: number) => Record<string, unknown> = () => ({})): Promise<{ id: string; candidates: string[] }> {
    const id = await submitted();
    await rest(unit.procurement.token).post(`/job-orders/${id}/forward`).expect(200);
    const candidates: string[] = [];
    for (let i = 0; i < n; i++) {
      candidates.push((await rest(unit.jobcenter.token).post(`/job-orders/${id}/candidates`, candidateBody(i, { consentScope: CONSENT, targetGroup: 'long_term_unemployed', ...overrides(i) })).expect(201)).body.id);
    }
    return { id, candidates };
  }

  /** Posts a form with the token of a page the browser opened once (one page load for many posts). */
  async function poster(browser: WebAgent, page: string) {
    const token = formTokenIn((await browser.get(page).expect(200)).text);
    return (action: string, fields: Record<string, string | string[]>) => browser.agent.post(action).type('form').send({ _csrf: token, ...fields });
  }

  const stateOf = async (id: string) => (await query<{ state: string }>('SELECT state FROM job_order WHERE id = $1', [id]))[0].state;

  beforeAll(async () => {
    factory = new ContractsFactory(api.app);
    unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    [{ id: contract }] = await query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    const channel = async (name: string, address: string) => (await rest(unit.admin.token).post('/jobcenter-channels', { kind: 'email', name, address }).expect(201)).body.id;
    channels = { north: await channel('Jobcenter nord', 'nord@jobcenter.example.dk'), south: await channel(`Jobcenter syd ${SCRIPT}`, 'syd@jobcenter.example.dk') };
    for (const [name, user] of [['procurement', unit.procurement.user], ['employment', unit.employment.user], ['admin', unit.admin.user], ['supplier', hr.user]] as const) {
      browsers[name] = new WebAgent(api.app);
      await browsers[name]!.signIn(user.email);
    }
  });

  it('lists a submitted job description to forward; forwarding to one of two channels sends it to that channel only', async () => {
    const id = await submitted(`Chauffør ${SCRIPT}`);
    const procurement = browsers.procurement!;
    const list = await procurement.get('/unit/job-orders').expect(200);
    expect(mainText(list.text)).toContain('Skal videresendes');
    expect(list.text).toContain(`href="/unit/job-orders/${id}"`);
    expect(list.text).not.toContain(SCRIPT);
    expect(list.text).toContain(ESCAPED);

    const page = await procurement.get(`/unit/job-orders/${id}`).expect(200);
    expect(page.text).toContain(`value="${channels.north}" checked`);
    expect(page.text).toContain(`value="${channels.south}" checked`);
    expect(page.text).not.toContain(SCRIPT);
    const sent = await procurement.submit(`/unit/job-orders/${id}`, { expectedVersion: '2', channelIds: [channels.north] }, `/unit/job-orders/${id}/forward`);
    expect([sent.status, sent.headers.location]).toEqual([303, `/unit/job-orders/${id}?saved=forwarded`]);
    const recipients = await eventually(async () => {
      const rows = await query<{ recipient: string }>(`SELECT recipient FROM message WHERE related_id = $1 AND template = 'job-description'`, [id]);
      return rows.length ? rows.map((r) => r.recipient) : undefined;
    });
    expect(recipients).toEqual(['nord@jobcenter.example.dk']);
    const after = mainText((await procurement.get(`/unit/job-orders/${id}?saved=forwarded`).expect(200)).text);
    expect(after).toContain('Stillingsbeskrivelsen er videresendt til jobcentret.');
    expect(after).toContain('Sendt til Jobcenter nord');
    expect(after).toMatch(/arbejdsdage tilbage/);
    expect(after).toContain('Videresendt til jobcentret');
    expect(after).toContain(unit.procurement.user.displayName);
    const forwarded = await procurement.get('/unit/job-orders?view=forwarded').expect(200);
    expect(forwarded.text).toContain(`href="/unit/job-orders/${id}"`);
  });

  it('refuses a forward with no channel ticked (400 on the field) and a return without a comment; a return with one reaches the supplier', async () => {
    const id = await submitted();
    const procurement = browsers.procurement!;
    const none = await procurement.submit(`/unit/job-orders/${id}`, { expectedVersion: '2' }, `/unit/job-orders/${id}/forward`);
    expect(none.status).toBe(400);
    expect(none.text).toContain('href="#channelIds-option1"');
    const gone = await procurement.submit(`/unit/job-orders/${id}`, { expectedVersion: '2', channelIds: [randomUUID()] }, `/unit/job-orders/${id}/forward`);
    expect(gone.status).toBe(400);
    expect(mainText(gone.text)).toContain('En af de valgte kanaler findes ikke længere');
    const empty = await procurement.submit(`/unit/job-orders/${id}`, { expectedVersion: '2', comment: '  ' }, `/unit/job-orders/${id}/return`);
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#comment"');
    expect(await stateOf(id)).toBe('submitted');
    const returned = await procurement.submit(`/unit/job-orders/${id}`, { expectedVersion: '2', comment: `Angiv arbejdstiden ${SCRIPT}` }, `/unit/job-orders/${id}/return`);
    expect(returned.status).toBe(303);
    expect(await stateOf(id)).toBe('returned');
    const supplierPage = await browsers.supplier!.get(`/supplier/job-orders/${id}`).expect(200);
    expect(supplierPage.text).toContain(`Angiv arbejdstiden ${ESCAPED}`);
  });

  it('an employment caseworker offers no forward form; a stale version is a 409 with the text', async () => {
    const id = await submitted();
    const employment = await browsers.employment!.get(`/unit/job-orders/${id}`).expect(200);
    expect(employment.text).not.toContain(`action="/unit/job-orders/${id}/forward"`);
    await browsers.employment!.agent.post(`/unit/job-orders/${id}/forward`).type('form').send({ _csrf: formTokenIn(employment.text) }).expect(403);
    const stale = await browsers.procurement!.submit(`/unit/job-orders/${id}/cancel`, { expectedVersion: '1' }, `/unit/job-orders/${id}/cancel`);
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain('ændret');
  });

  it('shortlists 18 and declines 2 by the form; the counts are the rows per state; releasing sends the shortlist', async () => {
    const { id, candidates } = await withCandidates(20, (i) => (i === 3 ? { name: `Kandidat ${SCRIPT}` } : {}));
    const path = `/unit/job-orders/${id}/candidates`;
    const employment = browsers.employment!;
    const post = await poster(employment, path);
    const declineWithoutNote = await post(`/unit/candidates/${candidates[18]}/event`, { event: 'decline', note: '', expectedVersion: '1' });
    expect(declineWithoutNote.status).toBe(400);
    expect(mainText(declineWithoutNote.text)).toContain('Skriv en begrundelse for fravalget');
    expect(declineWithoutNote.text).toContain(`href="#move-${candidates[18]}-note"`);
    for (const candidate of candidates.slice(0, 18)) {
      const res = await post(`/unit/candidates/${candidate}/event`, { event: 'shortlist', note: '', expectedVersion: '1' });
      expect([res.status, res.headers.location]).toEqual([303, `${path}?moved=shortlist&candidate=${candidate}`]);
    }
    for (const candidate of candidates.slice(18)) {
      expect((await post(`/unit/candidates/${candidate}/event`, { event: 'decline', note: 'Ønsker kun morgenture', expectedVersion: '1' })).status).toBe(303);
    }
    const again = await post(`/unit/candidates/${candidates[0]}/event`, { event: 'decline', note: 'for sent', expectedVersion: '2' });
    expect(again.status).toBe(422);

    const rows = await query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM candidate WHERE job_order_id = $1 GROUP BY state ORDER BY state', [id]);
    expect(rows).toEqual([{ state: 'declined', n: 2 }, { state: 'shortlisted', n: 18 }]);
    const page = await employment.get(path).expect(200);
    const text = mainText(page.text);
    expect(text).toContain('Udvalgt 18');
    expect(text).toContain('Fravalgt 2');
    expect(text).toContain('Foreslået 0');
    expect(text).toContain('Udvalgt (18)');
    expect(text).toContain('Ønsker kun morgenture');
    // The unit sees target group and consent.
    expect(text).toContain('Langtidsledig');
    expect(text).toContain(CONSENT);
    expect(page.text).not.toContain(SCRIPT);
    expect(page.text).toContain(`Kandidat ${ESCAPED}`);
    // Seven stages: shortlisted shows 25 at most, so all 18 are on the first page.
    expect(page.text.match(/class="card klausul-candidate"/g)?.length).toBe(20);

    const version = /action="\/unit\/job-orders\/[^"]+\/send-shortlist"[\s\S]*?name="expectedVersion" value="(\d+)"/.exec(page.text)?.[1];
    const released = await post(`/unit/job-orders/${id}/send-shortlist`, { expectedVersion: version! });
    expect(released.status).toBe(303);
    expect(await stateOf(id)).toBe('shortlist_sent');
    const supplier = mainText((await browsers.supplier!.get(`/supplier/job-orders/${id}/candidates`).expect(200)).text);
    expect(supplier).toContain('Kandidat 0');
    expect(supplier).not.toContain('Langtidsledig');
    expect(supplier).not.toContain(CONSENT);
    expect(supplier).not.toContain('Ønsker kun morgenture');
  });

  it('pages a stage 25 at a time; procurement sees the pipeline without a move form and may not move', async () => {
    const { id, candidates } = await withCandidates(27);
    const path = `/unit/job-orders/${id}/candidates`;
    const first = await browsers.employment!.get(path).expect(200);
    expect(first.text.match(/class="card klausul-candidate"/g)?.length).toBe(25);
    const more = /href="([^"]*state=proposed&amp;cursor=[^"]+)"/.exec(first.text)?.[1].replace(/&amp;/g, '&');
    expect(more).toBeDefined();
    const second = await browsers.employment!.get(more!).expect(200);
    expect(second.text.match(/class="card klausul-candidate"/g)?.length).toBe(2);
    expect(second.text).toContain(`id="candidate-${candidates[26]}"`);
    // A refused move on a candidate beyond the first 25 shows its card with the error, not only the summary.
    expect(first.text).not.toContain(`id="candidate-${candidates[26]}"`);
    const refused = await browsers.employment!.agent.post(`/unit/candidates/${candidates[26]}/event`).type('form').send({ _csrf: formTokenIn(first.text), event: 'decline', note: '', expectedVersion: '1' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`id="candidate-${candidates[26]}"`);
    expect(refused.text).toContain(`id="move-${candidates[26]}-note"`);
    expect(refused.text.match(/class="card klausul-candidate"/g)?.length).toBe(26);

    const procurement = await browsers.procurement!.get(path).expect(200);
    expect(mainText(procurement.text)).toContain('Foreslået 27');
    expect(procurement.text).not.toContain('action="/unit/candidates/');
    await browsers.procurement!.agent.post(`/unit/candidates/${candidates[0]}/event`).type('form').send({ _csrf: formTokenIn(procurement.text), event: 'shortlist' }).expect(403);
  });

  it('opens a PDF CV inline, not sniffed and in the access log', async () => {
    const { candidates } = await withCandidates(1);
    const cv = await browsers.employment!.get(`/unit/candidates/${candidates[0]}/cv`).expect(200);
    expect(cv.headers['content-type']).toBe('application/pdf');
    expect(cv.headers['content-disposition']).toMatch(/^inline; filename="cv-0.pdf"/);
    expect(cv.headers['x-content-type-options']).toBe('nosniff');
    expect(cv.headers['cache-control']).toContain('no-store');
    const logged = await query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE action = 'read-cv' AND subject_id = $1`, [candidates[0]]);
    expect(logged[0].n).toBe(1);
  });

  it('without a channel there is no forward form but a link to add one; a failed dispatch is sent again from the page', async () => {
    const lonely = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(lonely, 'handed_over');
    const [{ id: theirContract }] = await query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const theirHr = await factory.supplierHr(lonely.municipalityId, suppliers[0].id);
    const id = (await rest(theirHr.token).post(`/contracts/${theirContract}/job-orders`, jobOrderBody()).expect(201)).body.id;
    await rest(theirHr.token).post(`/job-orders/${id}/submit`).expect(200);
    const procurement = new WebAgent(api.app);
    await procurement.signIn(lonely.procurement.user.email);
    const page = await procurement.get(`/unit/job-orders/${id}`).expect(200);
    expect(mainText(page.text)).toContain('Jobcentret har ingen kanal endnu');
    expect(page.text).toContain('href="/unit/admin/channels"');
    expect(page.text).not.toContain(`action="/unit/job-orders/${id}/forward"`);

    await rest(lonely.procurement.token).post(`/job-orders/${id}/forward`).expect(200);
    await eventually(async () => ((await query<{ delivery_status: string }>('SELECT delivery_status FROM job_order WHERE id = $1', [id]))[0].delivery_status === 'failed' ? true : undefined));
    const failed = await procurement.get(`/unit/job-orders/${id}`).expect(200);
    expect(mainText(failed.text)).toContain('Afsendelsen mislykkedes');
    expect(failed.text).toContain(`action="/unit/job-orders/${id}/retry"`);
    await rest(lonely.admin.token).post('/jobcenter-channels', { kind: 'email', name: 'Nyt jobcenter', address: 'nyt@jobcenter.example.dk' }).expect(201);
    const retried = await procurement.submit(`/unit/job-orders/${id}`, {}, `/unit/job-orders/${id}/retry`);
    expect([retried.status, retried.headers.location]).toEqual([303, `/unit/job-orders/${id}?saved=retried`]);
    const sent = await eventually(async () => (await query<{ recipient: string }>(`SELECT recipient FROM message WHERE related_id = $1 AND template = 'job-description'`, [id]))[0]);
    expect(sent.recipient).toBe('nyt@jobcenter.example.dk');
  });

  it('closes after a confirmation page and reopens for a replacement search', async () => {
    const { id } = await withCandidates(0);
    const employment = browsers.employment!;
    const confirm = await employment.get(`/unit/job-orders/${id}/close`).expect(200);
    expect(mainText(confirm.text)).toContain('Luk stillingsbeskrivelsen?');
    const closed = await employment.submit(`/unit/job-orders/${id}/close`, { expectedVersion: '3' });
    expect([closed.status, closed.headers.location]).toEqual([303, `/unit/job-orders/${id}?saved=closed`]);
    expect(await stateOf(id)).toBe('closed');
    // A closed job description offers no close page: the job description is shown instead.
    expect(mainText((await employment.get(`/unit/job-orders/${id}/close`).expect(200)).text)).toContain('Genåbn');
    const reopened = await employment.submit(`/unit/job-orders/${id}`, { expectedVersion: '4' }, `/unit/job-orders/${id}/reopen`);
    expect([reopened.status, reopened.headers.location]).toEqual([303, `/unit/job-orders/${id}?saved=reopened`]);
    expect(await stateOf(id)).toBe('forwarded');
    const history = mainText((await employment.get(`/unit/job-orders/${id}`).expect(200)).text);
    expect(history).toContain('Lukket');
    expect(history).toContain('Genåbnet');
  });

  it("another municipality's job description, pipeline and candidate are the 404 page", async () => {
    const other = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(other, 'handed_over');
    const [{ id: theirContract }] = await query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const theirHr = await factory.supplierHr(other.municipalityId, suppliers[0].id);
    const theirs = (await rest(theirHr.token).post(`/contracts/${theirContract}/job-orders`, jobOrderBody()).expect(201)).body.id;
    await rest(theirHr.token).post(`/job-orders/${theirs}/submit`).expect(200);
    await rest(other.procurement.token).post(`/job-orders/${theirs}/forward`).expect(200);
    const candidate = (await rest(other.jobcenter.token).post(`/job-orders/${theirs}/candidates`, candidateBody(0)).expect(201)).body.id;
    for (const path of [`/unit/job-orders/${theirs}`, `/unit/job-orders/${theirs}/candidates`, `/unit/candidates/${candidate}/cv`, '/unit/job-orders/not-an-id']) {
      expect({ path, status: (await browsers.admin!.get(path)).status }).toEqual({ path, status: 404 });
    }
    const page = await browsers.admin!.get('/unit/job-orders').expect(200);
    const moved = await browsers.admin!.agent.post(`/unit/candidates/${candidate}/event`).type('form').send({ _csrf: formTokenIn(page.text), event: 'withdraw' });
    expect(moved.status).toBe(404);
  });
  describe('upskilling programmes', () => {
    let programme: string;
    const participants = async () =>
      query<{ id: string; display_name: string; state: string }>('SELECT id, display_name, state FROM upskilling_participant WHERE programme_id = $1 ORDER BY created_at', [programme]);

    it('creates a programme with a partner; enrols until it is full (422 on the form); places left are shown', async () => {
      const employment = browsers.employment!;
      const form = await employment.get('/unit/upskilling/new').expect(200);
      const partner = /value="([0-9a-f-]{36})"[^>]*>\s*<label[^>]*>Fynsk Rutekørsel A\/S/.exec(form.text)?.[1];
      expect(partner).toBeDefined();
      const bad = await employment.submit('/unit/upskilling/new', { name: '', capacity: 'to', maxDurationMonths: '18' });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('href="#name"');
      expect(bad.text).toContain('href="#capacity"');
      const created = await employment.submit('/unit/upskilling/new', { name: `OPI rengøring ${SCRIPT}`, capacity: '2', maxDurationMonths: '18', partnerSupplierIds: [partner!] });
      expect(created.status).toBe(303);
      programme = /\/unit\/upskilling\/([0-9a-f-]{36})\?saved=created/.exec(created.headers.location)![1];
      const page = await employment.get(`/unit/upskilling/${programme}?saved=created`).expect(200);
      expect(mainText(page.text)).toContain('0 af 2 pladser er taget, 2 ledige');
      expect(mainText(page.text)).toContain('Fynsk Rutekørsel A/S');
      expect(page.text).not.toContain(SCRIPT);
      expect(page.text).toContain(`OPI rengøring ${ESCAPED}`);

      for (const name of ['Mette Jensen', 'Ali Hassan']) {
        const enrolled = await employment.submit(`/unit/upskilling/${programme}`, { name, startDate: '2025-01-06', plannedEndDate: '', note: '' }, `/unit/upskilling/${programme}/participants`);
        expect(enrolled.status).toBe(303);
      }
      const full = await employment.submit(`/unit/upskilling/${programme}`, { name: 'Tredje Person', startDate: '2025-01-06' }, `/unit/upskilling/${programme}/participants`);
      expect(full.status).toBe(422);
      expect(mainText(full.text)).toContain('Forløbet er fuldt: alle 2 pladser er taget');
      expect(full.text).toContain('value="Tredje Person"');
      expect((await participants()).map((p) => p.display_name)).toEqual(['Mette Jensen', 'Ali Hassan']);
      const list = (await employment.get('/unit/upskilling').expect(200)).text;
      expect(list).toContain(`OPI rengøring ${ESCAPED}</a>`);
      expect(list).not.toContain(SCRIPT);
      // Capacity 2, enrolled 2, places left 0: as numbers in the row, not a bar.
      expect(mainText(list)).toContain(`OPI rengøring ${ESCAPED} 2 2 0 18 måneder Fynsk Rutekørsel A/S`);
    });

    it('completes one (outcome required) and stops the other; a completed participant is proposed as a candidate linked to the programme', async () => {
      const employment = browsers.employment!;
      const [mette, ali] = await participants();
      const proposeFirst = await employment.get(`/unit/upskilling/participants/${mette.id}/propose`).expect(200);
      expect(mainText(proposeFirst.text)).toContain('Kun en deltager, der har gennemført forløbet, kan foreslås');
      expect(proposeFirst.text).not.toContain('enctype="multipart/form-data"');

      const noOutcome = await employment.submit(`/unit/upskilling/participants/${mette.id}/complete`, { expectedVersion: '1', endDate: '2025-06-30', outcome: '', note: '' });
      expect(noOutcome.status).toBe(400);
      expect(noOutcome.text).toContain('href="#outcome"');
      const completed = await employment.submit(`/unit/upskilling/participants/${mette.id}/complete`, { expectedVersion: '1', endDate: '2025-06-30', outcome: 'job', note: '' });
      expect([completed.status, completed.headers.location]).toEqual([303, `/unit/upskilling/${programme}?saved=completed`]);
      const stopped = await employment.submit(`/unit/upskilling/participants/${ali.id}/drop-out`, { expectedVersion: '1', endDate: '2025-03-31', outcome: '', note: '' });
      expect(stopped.status).toBe(303);
      expect((await participants()).map((p) => p.state)).toEqual(['completed', 'dropped_out']);
      expect(mainText((await employment.get(`/unit/upskilling/${programme}`).expect(200)).text)).toContain('0 af 2 pladser er taget, 2 ledige');

      const { id: jobOrder } = await withCandidates(0);
      const page = await employment.get(`/unit/upskilling/participants/${mette.id}/propose`).expect(200);
      expect(page.text).toContain(`<option value="${jobOrder}"`);
      expect(page.text).toContain('value="Mette Jensen"');
      const token = formTokenIn(page.text);
      const post = () =>
        employment.agent
          .post(`/unit/upskilling/participants/${mette.id}/propose`)
          .field('_csrf', token)
          .field('jobOrderId', jobOrder)
          .field('name', 'Mette Jensen')
          .field('availableWeeklyHours', '15')
          .field('preferredShifts', 'morning')
          .field('targetGroup', 'flexjob')
          .field('consentDay', '1')
          .field('consentMonth', '7')
          .field('consentYear', '2025')
          .field('consentScope', CONSENT)
          .attach('file', pdfBytes('Mette'), 'cv-mette.pdf');
      const proposed = await post();
      expect([proposed.status, proposed.headers.location]).toEqual([303, `/unit/upskilling/${programme}?saved=proposed`]);
      const [candidate] = await query<{ id: string; upskilling_participant_id: string; cv_file_id: string | null }>(
        'SELECT id, upskilling_participant_id, cv_file_id FROM candidate WHERE job_order_id = $1',
        [jobOrder],
      );
      expect(candidate.upskilling_participant_id).toBe(mette.id);
      expect(candidate.cv_file_id).not.toBeNull();
      expect((await post()).status).toBe(409);
      const pipeline = mainText((await employment.get(`/unit/job-orders/${jobOrder}/candidates`).expect(200)).text);
      expect(pipeline).toContain('Mette Jensen');
      expect(pipeline).toContain(`Fra opkvalificering OPI rengøring ${ESCAPED}`);
      expect(mainText((await employment.get(`/unit/upskilling/${programme}`).expect(200)).text)).toContain('1 stilling');
    });
  });
});
