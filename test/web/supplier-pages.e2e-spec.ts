import type { FollowupCase } from '../support/followup.factory';
import { FollowupFactory } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody, pdfBytes } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { formTokenIn, mainText, WebAgent } from '../support/web-agent';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const CONSENT = 'Samtykke til videregivelse 7391';
// The reference case's hires: 16 new flexjobs, 186 hours a week in all (DOMAIN.md).
const HIRED_HOURS = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12];

/** The form fields of a job description as a browser posts them. */
const jobOrderForm = (overrides: Record<string, string> = {}) => ({
  title: 'Chauffør til visiteret kørsel',
  tasks: 'Morgen- og eftermiddagsruter med borgere',
  positions: '16',
  weeklyHours: '10',
  shiftPattern: 'split',
  startDate: '2025-03-01',
  workplaceAddress: 'Rugårdsvej 210, 5210 Odense NV',
  requirements: 'Kørekort B',
  learningOnTheJob: '',
  interviewContact: 'Driftschef, tlf. 63 12 34 56',
  ...overrides,
});

/** The raw hostile string never reaches the HTML; its escaped form does. */
function expectEscaped(html: string, hostile: string) {
  expect(html).not.toContain(hostile);
  expect(html).toContain(hostile === SCRIPT ? '&lt;script&gt;alert(1)&lt;/script&gt;' : '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
}

describe("web pages: the supplier's start page, job descriptions and candidates", () => {
  const api = useTestApi();
  let followup: FollowupFactory;
  let c: FollowupCase;
  let mine: WebAgent;
  let theirs: WebAgent;
  const count = async (table: string) => (await followup.contracts.counts([table]))[table];
  const rest = (token: string) => ({
    post: (path: string, body: object = {}) => api.http().post(`/api/v1${path}`).set(bearer(token)).send(body),
    get: (path: string) => api.http().get(`/api/v1${path}`).set(bearer(token)),
  });

  beforeAll(async () => {
    followup = new FollowupFactory(api.app);
    c = await followup.case();
    await followup.contracts.identity.query('UPDATE supplier SET name = $2 WHERE id = $1', [c.suppliers[0].id, SCRIPT]);
    await followup.run(c.unit, '2025-03');
    mine = new WebAgent(api.app);
    await mine.signIn(c.hr[0].user.email);
    theirs = new WebAgent(api.app);
    await theirs.signIn(c.hr[1].user.email);
  });

  /** A job description of the first supplier, forwarded by procurement, with candidates proposed by the jobcenter. */
  async function forwardedWithCandidates(names: string[], overrides: Record<string, unknown> = {}) {
    const order = await rest(c.hr[0].token).post(`/contracts/${c.contracts[0]}/job-orders`, jobOrderBody());
    await rest(c.hr[0].token).post(`/job-orders/${order.body.id}/submit`).expect(200);
    await rest(c.unit.procurement.token).post(`/job-orders/${order.body.id}/forward`).expect(200);
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const res = await rest(c.unit.jobcenter.token).post(`/job-orders/${order.body.id}/candidates`, candidateBody(i, { name, ...overrides })).expect(201);
      ids.push(res.body.id);
    }
    return { jobOrderId: order.body.id as string, candidateIds: ids };
  }

  const shortlist = (ids: string[]) => Promise.all(ids.map((id) => rest(c.unit.employment.token).post(`/candidates/${id}/shortlist`).expect(200)));
  const candidateRow = async (id: string) => (await followup.contracts.identity.query<Record<string, any>>('SELECT * FROM candidate WHERE id = $1', [id]))[0];

  it('shows my contracts with the clause, today\'s count, the confirmation awaiting me and the links, and nothing of the other supplier', async () => {
    const page = await mine.get('/supplier');
    expect(page.status).toBe(200);
    const text = mainText(page.text);
    expect(text).toContain('Visiteret rutekørsel');
    expect(text).toContain('13 ansættelser og 130 timer om ugen');
    expect(text).toMatch(/0 af 13 ansættelser og 0 af 130 timer om ugen/);
    const review = await followup.reviewOf(c.contracts[0], '2025-03');
    expect(page.text).toContain(`href="/supplier/reviews/${review.id}"`);
    expect(text).toContain('Bekræft marts 2025');
    expect(page.text).toContain(`href="/supplier/contracts/${c.contracts[0]}/job-orders/new"`);
    expect(page.text).toContain(`href="/supplier/contracts/${c.contracts[0]}/employees"`);
    expect(page.text).not.toContain(c.contracts[1]);
    expectEscaped(page.text, SCRIPT);
    const english = await mine.get('/language/en?next=%2Fsupplier');
    expect(english.status).toBe(303);
    expect(mainText((await mine.get('/supplier')).text)).toContain('13 hires and 130 hours a week');
    await mine.get('/language/da?next=%2Fsupplier');
  });

  it('sends a person who is not signed in to the login page and back, and refuses the other roles', async () => {
    const anonymous = await new WebAgent(api.app).get('/supplier');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fsupplier');
    const caseworker = new WebAgent(api.app);
    await caseworker.signIn(c.unit.procurement.user.email);
    expect((await caseworker.get('/supplier')).status).toBe(403);
  });

  it('drafts a job description with every field, shows it with the actions its state allows, and renders a hostile title as text', async () => {
    const before = await count('job_order');
    const created = await mine.submit(`/supplier/contracts/${c.contracts[0]}/job-orders/new`, jobOrderForm({ title: SCRIPT, learningOnTheJob: IMG }));
    expect(created.status).toBe(303);
    expect(created.headers.location).toMatch(/^\/supplier\/job-orders\/[0-9a-f-]{36}\?saved=created$/);
    expect(await count('job_order')).toBe(before + 1);
    const page = await mine.get(created.headers.location);
    expect(page.status).toBe(200);
    expectEscaped(page.text, SCRIPT);
    expectEscaped(page.text, IMG);
    const text = mainText(page.text);
    expect(text).toContain('Kladde, ikke sendt');
    expect(text).toContain('Delt vagt: morgen og eftermiddag');
    expect(text).toContain('Send til kommunen');
    expect(text).not.toContain('Luk stillingsbeskrivelsen');
    const start = await mine.get('/supplier');
    expectEscaped(start.text, SCRIPT);
    expect(mainText(start.text)).toContain('Kladde, ikke sendt');
  });

  it('refuses bad input field by field with the input kept, and a CPR number, storing nothing', async () => {
    const before = await count('job_order');
    const path = `/supplier/contracts/${c.contracts[0]}/job-orders/new`;
    const bad = await mine.submit(path, jobOrderForm({ title: '', weeklyHours: '40', positions: 'mange', startDate: '1. marts' }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-module="error-summary"');
    for (const field of ['title', 'weeklyHours', 'positions', 'startDate']) expect(bad.text).toContain(`href="#${field}"`);
    expect(bad.text).toContain('value="mange"');
    expect(bad.text).toContain('Rugårdsvej 210, 5210 Odense NV');
    expect(mainText(bad.text)).toContain('Udfyld Stillingsbetegnelse');
    expect(mainText(bad.text)).toContain('Antal stillinger skal være et helt tal');
    expect(mainText(bad.text)).toContain('Startdato skal være en rigtig dato');
    const cpr = await mine.submit(path, jobOrderForm({ tasks: 'Ring til Hans, 010190-1234' }));
    expect(cpr.status).toBe(400);
    expect(mainText(cpr.text)).toContain('ligner et CPR-nummer');
    expect(await count('job_order')).toBe(before);
  });

  it("keeps another supplier's contract and job description out of reach, changing nothing", async () => {
    const before = await count('job_order');
    expect((await theirs.get(`/supplier/contracts/${c.contracts[0]}/job-orders/new`)).status).toBe(404);
    const token = formTokenIn((await theirs.get('/supplier')).text);
    const post = await theirs.agent.post(`/supplier/contracts/${c.contracts[0]}/job-orders/new`).type('form').send({ _csrf: token, ...jobOrderForm() });
    expect(post.status).toBe(404);
    expect(await count('job_order')).toBe(before);
    const order = await rest(c.hr[0].token).post(`/contracts/${c.contracts[0]}/job-orders`, jobOrderBody()).expect(201);
    for (const path of [`/supplier/job-orders/${order.body.id}`, `/supplier/job-orders/${order.body.id}/edit`, `/supplier/job-orders/${order.body.id}/candidates`]) {
      expect((await theirs.get(path)).status).toBe(404);
    }
    const submit = await theirs.agent.post(`/supplier/job-orders/${order.body.id}/submit`).type('form').send({ _csrf: token, expectedVersion: '1' });
    expect(submit.status).toBe(404);
    expect((await rest(c.hr[0].token).get(`/job-orders/${order.body.id}`)).body.state).toBe('draft');
    expect((await mine.get('/supplier/job-orders/not-an-id')).status).toBe(404);
  });

  it('refuses a form post without the token with 403 and changes nothing', async () => {
    const before = await count('job_order');
    await mine.get('/supplier');
    const post = await mine.agent.post(`/supplier/contracts/${c.contracts[0]}/job-orders/new`).type('form').send(jobOrderForm());
    expect(post.status).toBe(403);
    expect(await count('job_order')).toBe(before);
  });

  it('edits a draft, explains a stale version with the input kept, submits, and shows the unit\'s return comment', async () => {
    const order = (await rest(c.hr[0].token).post(`/contracts/${c.contracts[0]}/job-orders`, jobOrderBody()).expect(201)).body;
    const edit = `/supplier/job-orders/${order.id}/edit`;
    const form = await mine.get(edit);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Chauffør til visiteret kørsel"');
    // A colleague saves first: this form's version is now stale.
    await api.http().patch(`/api/v1/job-orders/${order.id}`).set(bearer(c.hr[0].token)).send({ positions: 14 }).expect(200);
    const stale = await mine.agent.post(edit).type('form').send({ _csrf: formTokenIn(form.text), expectedVersion: '1', ...jobOrderForm({ title: 'Chauffør, morgenruter' }) });
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain('Nogen har ændret stillingsbeskrivelsen');
    expect(stale.text).toContain('value="Chauffør, morgenruter"');
    expect(mainText(stale.text)).toContain('Den gemte version nu');
    const again = await mine.agent.post(edit).type('form').send({ _csrf: formTokenIn(stale.text), expectedVersion: /name="expectedVersion" value="(\d+)"/.exec(stale.text)![1], ...jobOrderForm({ title: 'Chauffør, morgenruter' }) });
    expect(again.status).toBe(303);
    const saved = (await rest(c.hr[0].token).get(`/job-orders/${order.id}`)).body;
    expect(saved).toMatchObject({ title: 'Chauffør, morgenruter', positions: 16, learningOnTheJob: '' });

    const view = await mine.get(`/supplier/job-orders/${order.id}`);
    const submitted = await mine.agent.post(`/supplier/job-orders/${order.id}/submit`).type('form').send({ _csrf: formTokenIn(view.text), expectedVersion: String(saved.version) });
    expect(submitted.status).toBe(303);
    const after = await mine.get(`/supplier/job-orders/${order.id}`);
    expect(mainText(after.text)).toContain('Sendt til kommunen');
    expect(after.text).not.toContain(`/supplier/job-orders/${order.id}/submit`);
    // The same press again, from the old page: refused with the reason, nothing changes.
    const twice = await mine.agent.post(`/supplier/job-orders/${order.id}/submit`).type('form').send({ _csrf: formTokenIn(view.text), expectedVersion: String(saved.version) });
    expect([409, 422]).toContain(twice.status);
    expect(twice.text).toContain('data-module="error-summary"');

    await rest(c.unit.procurement.token).post(`/job-orders/${order.id}/return`, { comment: `Skriv arbejdstiden tydeligere ${IMG}` }).expect(200);
    const returned = await mine.get(`/supplier/job-orders/${order.id}`);
    expect(mainText(returned.text)).toContain('Kommunen har sendt stillingsbeskrivelsen retur til dig');
    expect(mainText(returned.text)).toContain('Skriv arbejdstiden tydeligere');
    expectEscaped(returned.text, IMG);
    expect(returned.text).toContain(`href="/supplier/job-orders/${order.id}/edit"`);
    // A returned description is revised through the same form, and stays returned until it is sent again.
    const revise = await mine.get(`/supplier/job-orders/${order.id}/edit`);
    const version = /name="expectedVersion" value="(\d+)"/.exec(revise.text)![1];
    const revised = await mine.agent.post(`/supplier/job-orders/${order.id}/edit`).type('form').send({ _csrf: formTokenIn(revise.text), expectedVersion: version, ...jobOrderForm({ title: 'Chauffør, morgenruter', shiftPattern: 'morning' }) });
    expect(revised.status).toBe(303);
    expect((await rest(c.hr[0].token).get(`/job-orders/${order.id}`)).body).toMatchObject({ state: 'returned', shiftPattern: 'morning' });
  });

  it("shows only my shortlisted candidates, without target group or consent, with a CV download, to me only", async () => {
    const { jobOrderId, candidateIds } = await forwardedWithCandidates([SCRIPT, 'Mette Jensen', 'Ikke udvalgt'], { targetGroup: 'refugee', consentScope: CONSENT });
    await shortlist(candidateIds.slice(0, 2));
    const page = await mine.get(`/supplier/job-orders/${jobOrderId}/candidates`);
    expect(page.status).toBe(200);
    const text = mainText(page.text);
    expect(text).toContain('Mette Jensen');
    expectEscaped(page.text, SCRIPT);
    expect(text).not.toContain('Ikke udvalgt');
    for (const hidden of ['refugee', 'Flygtning', 'flygtning', CONSENT, 'Målgruppe', 'målgruppe', 'Samtykke']) expect(page.text).not.toContain(hidden);
    expect(text).toContain('12 timer/uge');
    expect(text).toContain('Jeg vil gerne køre morgenruterne.');
    expect(page.text).toContain(`href="/supplier/candidates/${candidateIds[1]}/cv"`);
    const cv = await mine.get(`/supplier/candidates/${candidateIds[1]}/cv`).buffer(true);
    expect(cv.status).toBe(200);
    expect(cv.headers['content-type']).toBe('application/pdf');
    expect(cv.headers['content-disposition']).toMatch(/^attachment; filename="?cv-1\.pdf"?$/);
    expect(Buffer.compare(cv.body as Buffer, pdfBytes('1'))).toBe(0);
    expect((await theirs.get(`/supplier/candidates/${candidateIds[1]}/cv`)).status).toBe(404);
    expect((await mine.get(`/supplier/candidates/${candidateIds[2]}/cv`)).status).toBe(404);
  });

  it('records an interview, a rejection with a reason and a hire through a registered partner; bad input and CPR numbers are refused', async () => {
    const rsv = await followup.contracts.supplier(c.unit.municipalityId, { name: 'FlexVirk', rsv: true });
    await rest(c.unit.procurement.token).post(`/contracts/${c.contracts[0]}/partners`, { supplierId: rsv.id, kind: 'rsv' }).expect(201);
    const { jobOrderId, candidateIds: [a, b] } = await forwardedWithCandidates(['Anne Hansen', 'Bo Nielsen']);
    await shortlist([a, b]);
    const list = `/supplier/job-orders/${jobOrderId}/candidates`;

    const badDate = await mine.submit(list, { interviewOn: '3. februar', expectedVersion: '2' }, `/supplier/candidates/${a}/interview`);
    expect(badDate.status).toBe(400);
    expect(badDate.text).toContain(`href="#interview-${a}-interviewOn"`);
    expect(badDate.text).toContain('value="3. februar"');
    expect(mainText(badDate.text)).toContain('Anne Hansen: Dato for samtalen skal være en rigtig dato');
    const interviewed = await mine.submit(list, { interviewOn: '2025-02-20', expectedVersion: '2' }, `/supplier/candidates/${a}/interview`);
    expect(interviewed.status).toBe(303);
    expect(interviewed.headers.location).toBe(`${list}?saved=interview&candidate=${a}#candidate-${a}`);
    expect(mainText((await mine.get(interviewed.headers.location)).text)).toContain('Samtalen med Anne Hansen er registreret.');

    const page = await mine.get(list);
    expect(mainText(page.text)).toContain('FlexVirk');
    const partnerId = new RegExp(`<option value="([0-9a-f-]{36})">FlexVirk</option>`).exec(page.text)![1];
    const badHire = await mine.submit(list, { startDate: '2025-03-01', weeklyHours: '40', employmentForm: '', expectedVersion: '3' }, `/supplier/candidates/${a}/hire`);
    expect(badHire.status).toBe(400);
    expect(badHire.text).toContain(`href="#hire-${a}-weeklyHours"`);
    expect(badHire.text).toContain(`href="#hire-${a}-employmentForm"`);
    expect((await candidateRow(a)).state).toBe('interview');
    const hired = await mine.submit(list, { startDate: '2025-03-01', weeklyHours: '12', employmentForm: 'flexjob', partnerId, expectedVersion: '3' }, `/supplier/candidates/${a}/hire`);
    expect(hired.status).toBe(303);
    const placement = (await followup.contracts.identity.query<Record<string, any>>('SELECT * FROM placement WHERE id = $1', [(await candidateRow(a)).placement_id]))[0];
    expect(placement).toMatchObject({ partner_id: partnerId, employment_form: 'flexjob', contract_id: c.contracts[0] });
    expect(Number(placement.agreed_weekly_hours)).toBe(12);

    const noReason = await mine.submit(list, { reason: '', note: 'Passer ikke', expectedVersion: '2' }, `/supplier/candidates/${b}/reject`);
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain(`href="#reject-${b}-reason"`);
    expect(noReason.text).toContain('Passer ikke');
    const cpr = await mine.submit(list, { reason: 'hours', note: 'Se 010190-1234', expectedVersion: '2' }, `/supplier/candidates/${b}/reject`);
    expect(cpr.status).toBe(400);
    expect((await candidateRow(b)).state).toBe('shortlisted');
    // Another supplier's HR contact cannot touch the candidate.
    const foreign = await theirs.agent.post(`/supplier/candidates/${b}/reject`).type('form').send({ _csrf: formTokenIn((await theirs.get('/supplier')).text), reason: 'hours', expectedVersion: '2' });
    expect(foreign.status).toBe(404);
    expect((await candidateRow(b)).state).toBe('shortlisted');
    const rejected = await mine.submit(list, { reason: 'hours', note: 'Kan ikke morgenruter', expectedVersion: '2' }, `/supplier/candidates/${b}/reject`);
    expect(rejected.status).toBe(303);
    expect(await candidateRow(b)).toMatchObject({ state: 'rejected', rejection_reason: 'hours', rejection_note: 'Kan ikke morgenruter' });
    const after = mainText((await mine.get(list)).text);
    expect(after).toContain('Timerne eller arbejdstiden passer ikke');
    expect(after).not.toContain('Registrér ansættelse');
  });

  it('hires the reference case through the pages: 16 of 13 hires and 186 of 130 hours a week on the start page', async () => {
    const reference = await followup.case(c.unit);
    const hr = new WebAgent(api.app);
    await hr.signIn(reference.hr[0].user.email);
    const order = await rest(reference.hr[0].token).post(`/contracts/${reference.contracts[0]}/job-orders`, jobOrderBody()).expect(201);
    await rest(reference.hr[0].token).post(`/job-orders/${order.body.id}/submit`).expect(200);
    await rest(c.unit.procurement.token).post(`/job-orders/${order.body.id}/forward`).expect(200);
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push((await rest(c.unit.jobcenter.token).post(`/job-orders/${order.body.id}/candidates`, candidateBody(i, { cv: undefined })).expect(201)).body.id);
    await shortlist(ids);
    const list = `/supplier/job-orders/${order.body.id}/candidates`;
    for (const [i, id] of ids.entries()) {
      const res = await hr.submit(list, { startDate: '2025-03-01', weeklyHours: String(HIRED_HOURS[i]), employmentForm: 'flexjob', expectedVersion: '2' }, `/supplier/candidates/${id}/hire`);
      expect(res.status).toBe(303);
    }
    const start = mainText((await hr.get('/supplier')).text);
    expect(start).toContain('16 af 13 ansættelser og 186 af 130 timer om ugen');
    // No month has been reviewed for this contract yet: the page says when the first request comes.
    expect(start).toMatch(/Næste bekræftelse gælder \p{L}+ \d{4}\. Du får besked \d+\. \p{L}+ \d{4}, og fristen er \d+\. \p{L}+ \d{4}\./u);
  });
});
