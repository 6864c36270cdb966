import request from 'supertest';
import { docx, textPdf } from '../files/document-fixtures';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { jobOrderBody, pdfBytes } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { formTokenIn, mainText, WebAgent } from '../support/web-agent';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

/** The fields of a valid proposal as the form posts them. */
const proposal = (overrides: Record<string, string | string[]> = {}) => ({
  name: 'Mette Jensen',
  candidateEmail: 'mette@example.dk',
  phone: '20 30 40 50',
  availableWeeklyHours: '12,5',
  preferredShifts: ['morning', 'split'],
  applicationText: 'Jeg vil gerne køre morgenruterne.',
  targetGroup: 'flexjob',
  consentDay: '15',
  consentMonth: '1',
  consentYear: '2026',
  consentScope: 'CV må videregives til leverandøren med henblik på ansættelse',
  ...overrides,
});

/** The field ids the error summary links to, in order. */
const summaryLinks = (html: string) => [...(/data-module="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '').matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]);

/** Ids used twice in a page (a label or a summary link would reach the wrong element). */
const duplicateIds = (html: string) => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
};

interface Upload {
  name: string;
  bytes: Buffer;
  type?: string;
}

describe('web pages: the jobcenter contact', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let factory: ContractsFactory;
  let unit: Unit;
  let supplierToken: string;
  let forwardedId: string;
  let draftId: string;
  let foreignId: string;
  let jobcenter: WebAgent;

  const http = () => request(api.app.getHttpServer());
  const counts = () => factory.counts(['candidate', 'stored_file']);

  /** A job order of the unit's first supplier, driven through the REST API to forwarded (or left a draft). */
  async function jobOrderOf(of: Unit, title: string, forward: boolean, rename?: { supplier: string; tender: string }): Promise<{ id: string; hrToken: string }> {
    const { tender, suppliers } = await factory.tenderAt(of, 'handed_over');
    if (rename) {
      await factory.identity.query('UPDATE supplier SET name = $1 WHERE id = $2', [rename.supplier, suppliers[0].id]);
      await factory.identity.query('UPDATE tender SET title = $1 WHERE id = $2', [rename.tender, tender.id]);
    }
    const [{ id: contractId }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await factory.supplierHr(of.municipalityId, suppliers[0].id);
    const id = (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(hr.token)).send(jobOrderBody({ title })).expect(201)).body.id as string;
    if (forward) {
      await http().post(`/api/v1/job-orders/${id}/submit`).set(bearer(hr.token)).send({}).expect(200);
      await http().post(`/api/v1/job-orders/${id}/forward`).set(bearer(of.procurement.token)).send({}).expect(200);
    }
    return { id, hrToken: hr.token };
  }

  /** Posts the propose form as a browser does: `_csrf` first, the fields, the file last (multipart). */
  async function propose(browser: WebAgent, jobOrderId: string, fields: Record<string, string | string[]>, file?: Upload, options: { token?: boolean; tokenFrom?: string } = {}) {
    const page = await browser.get(options.tokenFrom ?? `/jobcenter/job-orders/${jobOrderId}/propose`);
    const post = browser.agent.post(`/jobcenter/job-orders/${jobOrderId}/propose`);
    if (options.token !== false) post.field('_csrf', formTokenIn(page.text));
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) post.field(name, item);
    if (file) post.attach('file', file.bytes, { filename: file.name, contentType: file.type ?? 'application/pdf' });
    return post;
  }

  beforeAll(async () => {
    factory = new ContractsFactory(api.app);
    unit = await factory.unit();
    const forwarded = await jobOrderOf(unit, IMG, true, { supplier: SCRIPT, tender: `Rutekørsel ${SCRIPT}` });
    forwardedId = forwarded.id;
    supplierToken = forwarded.hrToken;
    draftId = (await jobOrderOf(unit, 'Kladde der ikke er sendt videre', false)).id;
    foreignId = (await jobOrderOf(await factory.unit(), 'Chauffør i en anden kommune', true)).id;
    jobcenter = new WebAgent(api.app);
    await jobcenter.signIn(unit.jobcenter.user.email);
  });

  it('lists only the forwarded job orders of its own municipality, with supplier, contract, hours, shifts and working days left', async () => {
    const inbox = await jobcenter.get('/jobcenter');
    expect(inbox.status).toBe(200);
    const text = mainText(inbox.text);
    expect(inbox.text).toContain(`href="/jobcenter/job-orders/${forwardedId}"`);
    expect(inbox.text).not.toContain(draftId);
    expect(inbox.text).not.toContain(foreignId);
    expect(text).not.toContain('Kladde der ikke er sendt videre');
    expect(text).not.toContain('anden kommune');
    expect(text).toContain('Antal stillinger 16');
    expect(text).toContain('10 timer/uge');
    expect(text).toContain('Delt vagt (morgen og eftermiddag)');
    // Forwarded just now: the default deadline is 10 working days away.
    expect(text).toContain('10 arbejdsdage tilbage');
    expect(text).toContain('Åben: foreslå kandidater');
    expect(inbox.text).toContain('aria-current="page"');
  });

  it("answers another municipality's job order, and one not forwarded yet, with the not-found page, and stores nothing", async () => {
    for (const id of [foreignId, draftId]) {
      for (const path of [`/jobcenter/job-orders/${id}`, `/jobcenter/job-orders/${id}/propose`]) {
        const page = await jobcenter.get(path);
        expect(page.status).toBe(404);
        expect(mainText(page.text)).toContain('Siden findes ikke');
      }
    }
    const before = await counts();
    const posted = await propose(jobcenter, foreignId, proposal(), { name: 'cv.pdf', bytes: pdfBytes('fremmed') }, { tokenFrom: '/jobcenter' });
    expect(posted.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('shows the full job description and a way to propose', async () => {
    const page = await jobcenter.get(`/jobcenter/job-orders/${forwardedId}`);
    expect(page.status).toBe(200);
    const text = mainText(page.text);
    for (const fact of ['Morgen- og eftermiddagsruter med borgere til skole og dagtilbud', 'Rugårdsvej 210, 5210 Odense NV', '1. marts 2025', 'Kørekort B; D1 kan tages i jobbet', 'Kørekort D1 og førstehjælp', 'Driftschef, tlf. 63 12 34 56']) {
      expect(text).toContain(fact);
    }
    expect(page.text).toContain(`href="/jobcenter/job-orders/${forwardedId}/propose"`);
    expect(text).toContain('Der er ikke foreslået kandidater til denne stilling endnu.');
  });

  it('proposes a candidate with a PDF CV: the unit sees target group and consent, the supplier never does', async () => {
    const form = await jobcenter.get(`/jobcenter/job-orders/${forwardedId}/propose`);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<form method="post" action="[^"]+" enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf"/);
    expect(form.text).toContain('<input type="file" id="cv-file" name="file" accept=".pdf,.docx,.odt"');
    expect(mainText(form.text)).toContain('Leverandøren ser dem aldrig');
    expect(duplicateIds(form.text)).toEqual([]);

    const response = await propose(jobcenter, forwardedId, proposal({ name: SCRIPT }), { name: 'Ansøgning og CV.pdf', bytes: pdfBytes('Mette') });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/jobcenter/job-orders/${forwardedId}?proposed=1`);

    const page = await jobcenter.get(response.headers.location);
    const text = mainText(page.text);
    expect(text).toContain('Kandidaten er foreslået');
    expect(text).toContain('Foreslået, afventer matchmaking-enheden');
    expect(text).toContain('12,5 timer/uge');
    expect(text).toContain('Morgen, Delt vagt (morgen og eftermiddag)');
    expect(page.text).not.toContain(SCRIPT);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const listed = await http().get(`/api/v1/job-orders/${forwardedId}/candidates`).set(bearer(unit.employment.token)).expect(200);
    const candidate = listed.body.items.find((item: { name: string }) => item.name === SCRIPT);
    expect(candidate).toMatchObject({
      state: 'proposed', hasCv: true, availableWeeklyHours: 12.5, preferredShifts: ['morning', 'split'], email: 'mette@example.dk',
      targetGroup: 'flexjob', consent: { givenOn: '2026-01-15', scope: 'CV må videregives til leverandøren med henblik på ansættelse' },
    });
    const [file] = await factory.identity.query<{ original_name: string }>(
      'SELECT f.original_name FROM candidate c JOIN stored_file f ON f.id = c.cv_file_id WHERE c.id = $1', [candidate.id],
    );
    expect(file.original_name).toBe('Ansøgning og CV.pdf');

    await http().post(`/api/v1/candidates/${candidate.id}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    const seenBySupplier = await http().get(`/api/v1/candidates/${candidate.id}`).set(bearer(supplierToken)).expect(200);
    expect(seenBySupplier.body.name).toBe(SCRIPT);
    expect(seenBySupplier.body).not.toHaveProperty('targetGroup');
    expect(seenBySupplier.body).not.toHaveProperty('consent');
    expect(JSON.stringify(seenBySupplier.body)).not.toContain('CV må videregives');

    const later = mainText((await jobcenter.get(`/jobcenter/job-orders/${forwardedId}`)).text);
    expect(later).toContain('Sendt videre til leverandøren');
  });

  it('takes a DOCX CV and a proposal without a CV', async () => {
    const withDocx = await propose(jobcenter, forwardedId, proposal({ name: 'Docx Hansen' }), {
      name: 'cv.docx', bytes: docx('Erfaring som chauffør'), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(withDocx.status).toBe(303);
    const without = await propose(jobcenter, forwardedId, proposal({ name: 'Uden CV', preferredShifts: [] }));
    expect(without.status).toBe(303);
    const text = mainText((await jobcenter.get(`/jobcenter/job-orders/${forwardedId}`)).text);
    expect(text).toContain('Docx Hansen');
    expect(text).toContain('Uden CV');
  });

  const cprPdf = textPdf([['Curriculum vitae'], ['Hans Hansen, personnummer 010190-1234']]);
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(4096, 1)]);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]);
  const elevenMb = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 32)]);

  it.each([
    ['a CPR number in the application text', proposal({ applicationText: 'Mit personnummer er 010190-1234' }), { name: 'cv.pdf', bytes: pdfBytes('ok') }, 'applicationText', /ligner et CPR-nummer/],
    ['a CPR number inside the PDF', proposal(), { name: 'cv.pdf', bytes: cprPdf }, 'cv-file', /Filen indeholder noget, der ligner et CPR-nummer/],
    ['an executable renamed .pdf', proposal(), { name: 'cv.pdf', bytes: exe }, 'cv-file', /Filen skal være en PDF, DOCX eller ODT/],
    ['a PNG renamed .pdf', proposal(), { name: 'cv.pdf', bytes: png, type: 'image/png' }, 'cv-file', /Filen skal være en PDF, DOCX eller ODT/],
    ['an 11 MB file', proposal(), { name: 'cv.pdf', bytes: elevenMb }, 'cv-file', /Filen er for stor\. Den må højst fylde 10 MB/],
  ])('refuses %s with the error summary, keeps the input, and stores nothing', async (_what, fields, file, field, message) => {
    const before = await counts();
    const response = await propose(jobcenter, forwardedId, fields, file);
    expect(response.status).toBe(400);
    expect(response.text).toContain('data-module="error-summary"');
    expect(summaryLinks(response.text)).toEqual([field]);
    expect(duplicateIds(response.text)).toEqual([]);
    expect(mainText(response.text)).toMatch(message);
    expect(response.text).toContain('value="Mette Jensen"');
    expect(response.text).toContain('value="12,5"');
    expect(response.text).toMatch(/<option value="flexjob" selected/);
    expect(response.text).toMatch(/value="split"[^>]*checked/);
    expect(response.text).toContain('value="2026"');
    expect(response.text).toContain(fields.applicationText as string);
    expect(await counts()).toEqual(before);
  });

  it('names every missing field, linked to it, and speaks English when asked', async () => {
    const before = await counts();
    const missing = await propose(jobcenter, forwardedId, { name: '', availableWeeklyHours: '', targetGroup: '', consentScope: '' });
    expect(missing.status).toBe(400);
    for (const id of ['name', 'availableWeeklyHours', 'targetGroup', 'consentGivenOn-day', 'consentScope']) expect(missing.text).toContain(`href="#${id}"`);
    expect(mainText(missing.text)).toContain('Udfyld Navn');

    await jobcenter.get('/language/en?next=%2Fjobcenter');
    const english = await propose(jobcenter, forwardedId, proposal({ availableWeeklyHours: '40', consentDay: '31', consentMonth: '2' }), { name: 'cv.pdf', bytes: exe });
    await jobcenter.get('/language/da?next=%2Fjobcenter');
    expect(english.status).toBe(400);
    const text = mainText(english.text);
    expect(english.text).toContain('<html lang="en"');
    expect(text).toContain('There is a problem');
    // Every problem at once, in the order of the form: the CV's too, as it is not kept.
    expect(summaryLinks(english.text)).toEqual(['availableWeeklyHours', 'consentGivenOn-day', 'cv-file']);
    expect(text).toContain('Hours per week the candidate can work must be more than 0 and at most 37 hours a week');
    expect(text).toContain('Date of the citizen&#39;s consent must be a real date');
    expect(text).toContain('The file must be a PDF, DOCX or ODT');
    expect(await counts()).toEqual(before);
  });

  it('offers no proposal on a closed job order, and refuses one posted anyway with 422, storing nothing', async () => {
    const closed = await jobOrderOf(unit, 'Lukket stilling', true);
    await http().post(`/api/v1/job-orders/${closed.id}/close`).set(bearer(closed.hrToken)).send({}).expect(200);
    const inbox = mainText((await jobcenter.get('/jobcenter')).text);
    expect(inbox).toMatch(/Lukket stilling Status Lukket .*Frist for kandidater Ingen løbende frist/);
    const page = await jobcenter.get(`/jobcenter/job-orders/${closed.id}`);
    expect(page.text).not.toContain(`/jobcenter/job-orders/${closed.id}/propose"`);
    expect(mainText(page.text)).toContain('Der kan ikke foreslås kandidater nu. Status: Lukket.');
    const form = await jobcenter.get(`/jobcenter/job-orders/${closed.id}/propose`);
    expect(form.status).toBe(200);
    expect(form.text).not.toContain('enctype="multipart/form-data"');

    const before = await counts();
    const posted = await propose(jobcenter, closed.id, proposal(), { name: 'cv.pdf', bytes: pdfBytes('lukket') });
    expect(posted.status).toBe(422);
    expect(posted.text).toContain('data-module="error-summary"');
    expect(mainText(posted.text)).toContain('Det kan ikke lade sig gøre');
    expect(await counts()).toEqual(before);
  });

  it('refuses a post without the form token with 403 and stores nothing', async () => {
    const before = await counts();
    const response = await propose(jobcenter, forwardedId, proposal(), { name: 'cv.pdf', bytes: pdfBytes('x') }, { token: false });
    expect(response.status).toBe(403);
    expect(mainText(response.text)).toContain('Formularen er udløbet');
    expect(await counts()).toEqual(before);
  });

  it('renders hostile supplier, contract and job titles as text on every page', async () => {
    for (const path of ['/jobcenter', `/jobcenter/job-orders/${forwardedId}`, `/jobcenter/job-orders/${forwardedId}/propose`]) {
      const page = await jobcenter.get(path);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(SCRIPT);
      expect(page.text).not.toContain(IMG);
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.text).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  it('keeps the pages from a supplier and from someone not signed in', async () => {
    const anonymous = await new WebAgent(api.app).get(`/jobcenter/job-orders/${forwardedId}`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(`/jobcenter/job-orders/${forwardedId}`)}`);
    const [hr] = await factory.identity.query<{ email: string }>(
      `SELECT u.email FROM app_user u JOIN job_order j ON j.supplier_id = u.supplier_id WHERE j.id = $1 LIMIT 1`, [forwardedId],
    );
    const supplier = new WebAgent(api.app);
    await supplier.signIn(hr.email);
    expect((await supplier.get('/jobcenter')).status).toBe(403);
    expect((await supplier.get(`/jobcenter/job-orders/${forwardedId}/propose`)).status).toBe(403);
  });
});
