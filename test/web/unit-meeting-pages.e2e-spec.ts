import ExcelJS from 'exceljs';
import { ManualClock } from '@klausul/domain';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { mainText, WebAgent } from '../support/web-agent';

const SCRIPT = '<script>alert(1)</script>';
const PROGRAMME = 'Kørekursus D1';
const DISCUSSION = 'Intern drøftelse: morgenruterne er svære at dække';
const NOTE_TO_SUPPLIER = 'Tak for svaret; vi ringer om kørekurset.';

/** The headings of the month's tables, in page order. */
const tableHeadings = (html: string) => [...html.matchAll(/<h2 id="table-([a-z_]+)">/g)].map((m) => m[1]);
const tableText = (html: string, key: string) => {
  const match = new RegExp(`<section[^>]*aria-labelledby="table-${key}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return match ? mainText(`<main>${match[1]}</main>`) : '';
};

/** Reads a download's body as bytes (supertest parses only the types it knows). */
const binary = (res: { on: (event: string, cb: (chunk?: Buffer) => void) => void; setEncoding?: unknown }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk?: Buffer) => chunks.push(chunk!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Reads a workbook back as Excel would open it. */
async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's own Buffer type predates Node's generic one.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('web pages: the monthly meeting (the month\'s reviews, concluding one, the meeting pack)', () => {
  const clock = new ManualClock(new Date('2025-04-01T06:00:00Z'));
  const api = useTestApi('postgres', { RUN_WORKER: 'false' }, clock);
  let f: FollowupFactory;
  const cases: FollowupCase[] = [];
  let caseworker: WebAgent;
  let jobOrder: string;
  let programme: string;
  let foreignProgramme: string;
  /** answered: the supplier's answers for three named employees; the others one state each. */
  const review = { answered: '', escalated: '', overdue: '', awaiting: '', concluded: '', empty: '' };
  const hires: Record<'anna' | 'bo' | 'carl', string> = { anna: '', bo: '', carl: '' };

  const q = <T>(sql: string, params: unknown[] = []) => f.contracts.identity.query<T>(sql, params);
  const stateOf = async (id: string) => (await q<{ state: string }>('SELECT state FROM review WHERE id = $1', [id]))[0].state;

  beforeAll(async () => {
    f = new FollowupFactory(api.app);
    cases.push(await f.case());
    const unit = cases[0].unit;
    cases.push(await f.case(unit), await f.case(unit));
    const c = cases[0];
    const hr = bearer(c.hr[0].token);
    const http = api.http;
    await q('UPDATE supplier SET name = $2 WHERE id = $1', [cases[1].suppliers[0].id, SCRIPT]);
    jobOrder = (await http().post(`/api/v1/contracts/${c.contracts[0]}/job-orders`).set(hr).send(jobOrderBody({ title: 'Chauffør, morgenruter' })).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrder}/submit`).set(hr).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrder}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    for (const [i, key, name, weeklyHours] of [[1, 'anna', 'Anna Jensen', 10], [2, 'bo', 'Bo Hansen', 12], [3, 'carl', 'Carl Holm', 15]] as const) {
      const candidate = (await http().post(`/api/v1/job-orders/${jobOrder}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(i, { name })).expect(201)).body.id;
      await http().post(`/api/v1/candidates/${candidate}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
      hires[key] = (await http().post(`/api/v1/candidates/${candidate}/hire`).set(hr).send({ startDate: '2025-02-03', weeklyHours, employmentForm: 'flexjob' }).expect(200)).body.placementId;
    }
    // The positions are filled: a replacement search reopens this job order.
    await http().post(`/api/v1/job-orders/${jobOrder}/close`).set(hr).send({}).expect(200);
    await f.run(unit, '2025-03');
    review.answered = (await f.reviewOf(c.contracts[0], '2025-03')).id;
    review.empty = (await f.reviewOf(c.contracts[1], '2025-03')).id;
    review.escalated = (await f.reviewOf(cases[1].contracts[0], '2025-03')).id;
    review.overdue = (await f.reviewOf(cases[1].contracts[1], '2025-03')).id;
    review.awaiting = (await f.reviewOf(cases[2].contracts[0], '2025-03')).id;
    review.concluded = (await f.reviewOf(cases[2].contracts[1], '2025-03')).id;
    await http().post(`/api/v1/reviews/${review.answered}/confirmation`).set(hr).send({
      note: 'Travl måned',
      placements: [
        { placementId: hires.anna, stillEmployed: false, endDate: '2025-03-20', endReason: 'moved_to_ordinary_job' },
        { placementId: hires.bo, stillEmployed: true, weeklyHours: 15.5 },
        { placementId: hires.carl, stillEmployed: true, weeklyHours: 15, note: 'Kører morgenruter' },
      ],
    }).expect(200);
    await http().post(`/api/v1/reviews/${review.empty}/confirmation`).set(bearer(c.hr[1].token)).send({ placements: [] }).expect(200);
    await http().post(`/api/v1/reviews/${review.concluded}/confirmation`).set(bearer(cases[2].hr[1].token)).send({ placements: [] }).expect(200);
    await http().post(`/api/v1/reviews/${review.concluded}/conclude`).set(bearer(unit.employment.token)).send({ discussion: 'Intet at bemærke' }).expect(200);
    // Overdue (the deadline handler's state): one due long ago, one due today.
    clock.set(new Date('2025-04-22T10:00:00Z'));
    await q("UPDATE review SET state = 'overdue', due_on = '2025-04-01' WHERE id = $1", [review.escalated]);
    await q("UPDATE review SET state = 'overdue', due_on = '2025-04-22' WHERE id = $1", [review.overdue]);
    const newProgramme = async (token: string, name: string) =>
      (await http().post('/api/v1/upskilling/programmes').set(bearer(token)).send({ name, capacity: 3, maxDurationMonths: 6 }).expect(201)).body.id as string;
    programme = await newProgramme(unit.employment.token, PROGRAMME);
    foreignProgramme = await newProgramme((await f.contracts.unit()).employment.token, 'En anden kommunes forløb');
    caseworker = new WebAgent(api.app);
    await caseworker.signIn(unit.employment.user.email);
  });

  describe('the month\'s reviews', () => {
    it('shows the counts, then the tables escalated, overdue, submitted, awaiting, concluded, each review in its own', async () => {
      const page = await caseworker.get('/unit/reviews');
      expect(page.status).toBe(200);
      const text = mainText(page.text);
      expect(text).toContain('Månedlig opfølgning for marts 2025');
      expect(tableHeadings(page.text)).toEqual(['escalated', 'overdue', 'submitted', 'awaiting_supplier', 'concluded']);
      expect(text).toMatch(/Eskaleret 1 For sent 1 Besvaret 2 Afventer leverandøren 1 Afsluttet 1/);
      const row = (id: string) => `href="/unit/reviews/${id}"`;
      const inTable = (key: string) => new RegExp(`<section[^>]*aria-labelledby="table-${key}"[^>]*>([\\s\\S]*?)</section>`).exec(page.text)![1];
      expect(inTable('escalated')).toContain(row(review.escalated));
      expect(inTable('overdue')).toContain(row(review.overdue));
      expect(inTable('overdue')).not.toContain(row(review.escalated));
      expect(inTable('submitted')).toContain(row(review.answered));
      expect(inTable('submitted')).toContain(row(review.empty));
      expect(inTable('awaiting_supplier')).toContain(row(review.awaiting));
      expect(inTable('concluded')).toContain(row(review.concluded));
      // Hostile text is text.
      expect(page.text).not.toContain(SCRIPT);
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.text).toContain('href="/unit/meetings/2025-03/pack.xlsx"');
    });

    it('shows the supplier\'s answers: who left, whose hours changed, the notes; the people named are in the access log', async () => {
      const before = (await q<{ n: number }>("SELECT count(*)::int AS n FROM access_log WHERE action = 'read-review-answers'"))[0].n;
      const page = await caseworker.get('/unit/reviews?period=2025-03');
      const submitted = tableText(page.text, 'submitted');
      expect(submitted).toContain('Fratrådt Anna Jensen, 20. marts 2025: Gået til et ordinært job');
      expect(submitted).toContain('Ændrede timer Bo Hansen: 12 → 15,5 timer pr. uge');
      expect(submitted).toContain('Carl Holm: Kører morgenruter');
      expect(submitted).toContain('Leverandørens note: Travl måned');
      expect(tableText(page.text, 'awaiting_supplier')).toContain('Ikke besvaret endnu.');
      expect(tableText(page.text, 'awaiting_supplier')).not.toContain('Ingen ændringer meldt');
      expect(tableText(page.text, 'submitted')).toContain('Ingen ændringer meldt');
      const after = (await q<{ n: number }>("SELECT count(*)::int AS n FROM access_log WHERE action = 'read-review-answers'"))[0].n;
      expect(after - before).toBe(3);
    });

    it('counts a review as escalated once the injected clock passes its escalation', async () => {
      clock.set(new Date('2025-05-20T10:00:00Z'));
      try {
        const page = await caseworker.get('/unit/reviews?period=2025-03');
        expect(mainText(page.text)).toMatch(/Eskaleret 2 For sent 0/);
        const escalated = new RegExp('<section[^>]*aria-labelledby="table-escalated"[^>]*>([\\s\\S]*?)</section>').exec(page.text)![1];
        expect(escalated).toContain(`href="/unit/reviews/${review.overdue}"`);
      } finally {
        clock.set(new Date('2025-04-22T10:00:00Z'));
      }
    });

    it('shows one table with its pages when asked, and falls back to the latest month for a bad period', async () => {
      const page = await caseworker.get('/unit/reviews?period=2025-03&state=submitted');
      expect(tableHeadings(page.text)).toEqual(['submitted']);
      expect(mainText(page.text)).toContain('Vis alle tabeller for måneden');
      const bad = await caseworker.get('/unit/reviews?period=2025-13&state=nonsense');
      expect(bad.status).toBe(200);
      expect(tableHeadings(bad.text)).toHaveLength(5);
      const foreign = await caseworker.get('/unit/reviews?period=2025-03&state=submitted&cursor=not-a-cursor');
      expect(foreign.status).toBeLessThan(500);
    });
  });

  describe('a review page and concluding it', () => {
    it('shows each employee with the answer, and the conclude form with the programmes and the job order a replacement reopens', async () => {
      const page = await caseworker.get(`/unit/reviews/${review.answered}`);
      expect(page.status).toBe(200);
      const text = mainText(page.text);
      expect(text).toContain('Anna Jensen');
      expect(text).toContain('Fratrådt 20. marts 2025: Gået til et ordinært job');
      expect(text).toContain('Stadig ansat, timer ændret fra 12 til 15,5 fra 1. marts 2025');
      expect(text).toContain('Note: Kører morgenruter');
      expect(text).toContain(`${PROGRAMME} (3 pladser tilbage)`);
      expect(text).toContain('Genåbner stillingsbeskrivelsen »Chauffør, morgenruter«');
      expect(text).toContain('Det eneste fra afslutningen, som leverandøren kan se');
      expect(page.text).toContain(`action="/unit/reviews/${review.answered}/conclude"`);
      expect(text).toContain('Historik');
      expect(text).toContain('Besvaret af leverandøren');
    });

    it('an awaiting review has no form; another municipality\'s or a malformed id is the not-found page', async () => {
      const awaiting = await caseworker.get(`/unit/reviews/${review.awaiting}`);
      expect(awaiting.text).not.toContain('/conclude"');
      expect(mainText(awaiting.text)).toContain('Leverandøren har ikke svaret endnu');
      // Overdue past its escalation: escalated, and the unit may conclude it without an answer.
      const escalated = await caseworker.get(`/unit/reviews/${review.escalated}`);
      expect(mainText(escalated.text)).toContain('Status Eskaleret');
      expect(escalated.text).toContain(`action="/unit/reviews/${review.escalated}/conclude"`);
      expect((await caseworker.get('/unit/reviews/not-a-uuid')).status).toBe(404);
      expect((await caseworker.get('/unit/reviews/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('refuses a conclusion without what its actions need, naming the field, and changes nothing', async () => {
      const path = `/unit/reviews/${review.answered}`;
      const action = `${path}/conclude`;
      const cases: { fields: Record<string, string | string[]>; field: string; says?: string }[] = [
        { fields: { discussion: '' }, field: 'discussion', says: 'Udfyld Drøftelse' },
        { fields: { discussion: DISCUSSION, actions: ['offer_upskilling'] }, field: 'upskillingProgrammeId', says: 'Vælg det opkvalificeringsforløb, I tilbyder' },
        { fields: { discussion: DISCUSSION, actions: ['notify_breach'] }, field: 'breachNote', says: 'Skriv beskeden om misligholdelse til leverandøren' },
        { fields: { discussion: DISCUSSION, actions: ['offer_upskilling'], upskillingProgrammeId: foreignProgramme }, field: 'upskillingProgrammeId' },
        { fields: { discussion: 'Hans Hansen, personnummer 010190-1234' }, field: 'discussion', says: 'ligner et CPR-nummer' },
      ];
      for (const c of cases) {
        const res = await caseworker.submit(path, { expectedVersion: '', ...c.fields }, action);
        expect({ field: c.field, status: res.status }).toEqual({ field: c.field, status: 400 });
        expect(res.text).toContain(`href="#${c.field}"`);
        if (c.says) expect(mainText(res.text)).toContain(c.says);
      }
      // Everything that is missing is named at once, not one field a submit.
      const all = await caseworker.submit(path, { expectedVersion: '', discussion: '', actions: ['offer_upskilling', 'notify_breach'] }, action);
      expect(all.status).toBe(400);
      for (const field of ['discussion', 'upskillingProgrammeId', 'breachNote']) expect(all.text).toContain(`href="#${field}"`);
      // The person's choices are kept.
      expect(/<input[^>]*value="offer_upskilling"[^>]*>/.exec(all.text)![0]).toContain('checked');
      expect(await stateOf(review.answered)).toBe('submitted');
      const stale = await caseworker.submit(path, { expectedVersion: '999', discussion: DISCUSSION }, action);
      expect(stale.status).toBe(409);
      expect(await stateOf(review.answered)).toBe('submitted');
    });

    it('concludes with upskilling and a replacement: the programme is stored, the job order reopens, the page has no form any more', async () => {
      const path = `/unit/reviews/${review.answered}`;
      const page = await caseworker.get(path);
      const version = /name="expectedVersion" value="(\d+)"/.exec(page.text)![1];
      const res = await caseworker.submit(path, {
        expectedVersion: version,
        discussion: DISCUSSION,
        challenges: 'Fravær om morgenen',
        actions: ['offer_upskilling', 'request_replacement'],
        upskillingProgrammeId: programme,
        breachNote: '',
        noteToSupplier: NOTE_TO_SUPPLIER,
      }, `${path}/conclude`);
      expect([res.status, res.headers.location]).toEqual([303, `${path}?saved=concluded`]);
      const [row] = await q<{ state: string; upskilling_programme_id: string; actions: string[] }>('SELECT state, upskilling_programme_id, actions FROM review WHERE id = $1', [review.answered]);
      expect(row).toEqual({ state: 'concluded', upskilling_programme_id: programme, actions: ['offer_upskilling', 'request_replacement'] });
      expect((await q<{ state: string }>('SELECT state FROM job_order WHERE id = $1', [jobOrder]))[0].state).toBe('forwarded');
      const after = await caseworker.get(`${path}?saved=concluded`);
      const text = mainText(after.text);
      expect(text).toContain('Opfølgningen er afsluttet');
      expect(text).toContain(PROGRAMME);
      expect(text).toContain('Tilbyd opkvalificering');
      expect(text).toContain(NOTE_TO_SUPPLIER);
      expect(after.text).not.toContain('/conclude"');
      const rest = await api.http().get(`/api/v1/reviews/${review.answered}`).set(bearer(cases[0].unit.employment.token)).expect(200);
      expect(rest.body.upskillingProgramme).toEqual({ id: programme, name: PROGRAMME });
    });

    it('a breach notice is e-mailed to the supplier\'s HR contacts with the note the caseworker wrote', async () => {
      const path = `/unit/reviews/${review.empty}`;
      const note = 'Klausulen kræver 13 ansættelser; der er ingen endnu.';
      const res = await caseworker.submit(path, { expectedVersion: '', discussion: 'Ingen ansættelser', actions: ['notify_breach'], breachNote: note }, `${path}/conclude`);
      expect(res.status).toBe(303);
      const mails = await q<{ recipient: string; body_text: string }>("SELECT recipient, body_text FROM message WHERE template = 'clause-breach' AND related_id = $1", [review.empty]);
      expect(mails.map((m) => m.recipient)).toEqual([cases[0].hr[1].user.email]);
      expect(mails[0].body_text).toContain(note);
    });

    it('the supplier\'s own page shows the note to the supplier and nothing else of the conclusion', async () => {
      const supplier = new WebAgent(api.app);
      await supplier.signIn(cases[0].hr[0].user.email);
      const page = await supplier.get(`/supplier/reviews/${review.answered}/receipt`);
      expect(page.status).toBe(200);
      expect(mainText(page.text)).toContain(NOTE_TO_SUPPLIER);
      for (const internal of [DISCUSSION, 'Fravær om morgenen', PROGRAMME, 'opkvalificering']) expect(page.text).not.toContain(internal);
      const rest = await api.http().get(`/api/v1/reviews/${review.answered}`).set(bearer(cases[0].hr[0].token)).expect(200);
      expect(rest.body).not.toHaveProperty('upskillingProgramme');
    });
  });

  describe('the meeting pack', () => {
    it('downloads the workbook: two sheets with Danish headings, typed number and date cells, a frozen header', async () => {
      const res = await caseworker.get('/unit/meetings/2025-03/pack.xlsx').buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe('attachment; filename="moedepakke-2025-03.xlsx"; filename*=UTF-8\'\'m%C3%B8depakke-2025-03.xlsx');
      expect(res.headers['cache-control']).toBe('no-store');
      const workbook = await workbookOf(res.body as Buffer);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Kontrakter', 'Medarbejdere']);
      const contracts = workbook.getWorksheet('Kontrakter')!;
      expect(contracts.getRow(1).values).toEqual([undefined, 'Udbud', 'Leverandør', 'CVR', 'Delaftaler', 'Ansættelser', 'Krav til ansættelser', 'Timer pr. uge', 'Krav til timer pr. uge', 'Status', 'Opfølgning', 'Frist']);
      expect(contracts.rowCount).toBe(1 + 6);
      expect(contracts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const cvr = cases[0].suppliers[0].cvr;
      const row = [...Array(6).keys()].map((i) => contracts.getRow(i + 2)).find((r) => r.getCell(3).value === cvr)!;
      expect(row.getCell(2).value).toBe(cases[0].suppliers[0].name);
      expect(row.getCell(6).value).toBe(13);
      expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(8).value).toBe(130);
      expect(row.getCell(10).value).toBe('Afsluttet');
      expect(row.getCell(11).value).toBeInstanceOf(Date);
      expect(row.getCell(11).numFmt).toBe('dd-mm-yyyy');
      const employees = workbook.getWorksheet('Medarbejdere')!;
      expect(employees.rowCount).toBe(1 + 3);
      const bo = [2, 3, 4].map((i) => employees.getRow(i)).find((r) => r.getCell(3).value === 'Bo Hansen')!;
      expect(bo.getCell(4).value).toBe('Chauffør, morgenruter');
      expect(bo.getCell(6).value).toEqual(new Date('2025-02-03T00:00:00Z'));
      expect(bo.getCell(7).value).toBe(15.5);
      expect(bo.getCell(8).value).toBe('Ja');
      const anna = [2, 3, 4].map((i) => employees.getRow(i)).find((r) => r.getCell(3).value === 'Anna Jensen')!;
      expect([anna.getCell(8).value, anna.getCell(9).value, anna.getCell(10).value]).toEqual(['Nej', new Date('2025-03-20T00:00:00Z'), 'Gået til et ordinært job']);
    });

    it('downloads the CSV for Danish Excel: BOM, semicolons, decimal commas, one line per employee', async () => {
      const res = await caseworker.get('/unit/meetings/2025-03/pack.csv').buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('filename="moedepakke-2025-03.csv"');
      const text = (res.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFFMåned;Udbud;Leverandør;CVR;')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      // Header, three employees of one contract, one line for each of the five other contracts.
      expect(lines).toHaveLength(1 + 3 + 5);
      const bo = lines.find((line) => line.includes('Bo Hansen'))!;
      expect(bo.split(';')).toEqual(expect.arrayContaining(['2025-03', '13', '130', 'Bo Hansen', '15,5', 'Ja', '2025-02-03']));
      // The hostile supplier name is quoted text, never a formula or markup that runs.
      expect(text).toContain(SCRIPT);
    });

    it('answers a malformed month with the 400 page, and REST serves the same files', async () => {
      const bad = await caseworker.get('/unit/meetings/2025-3/pack.xlsx');
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^text\/html/);
      const token = bearer(cases[0].unit.procurement.token);
      const xlsx = await api.http().get('/api/v1/reviews.xlsx?period=2025-03').set(token).buffer(true).parse(binary);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-disposition']).toContain('moedepakke-2025-03.xlsx');
      const workbook = await workbookOf(xlsx.body as Buffer);
      expect(workbook.getWorksheet('Medarbejdere')!.rowCount).toBe(4);
      expect((await api.http().get('/api/v1/reviews.xlsx?period=2025-13').set(token)).status).toBe(400);
      // The list's escalation filter, as the tables use it.
      const ids = async (query: string) => (await api.http().get(`/api/v1/reviews?period=2025-03&${query}`).set(token).expect(200)).body.items.map((r: { id: string }) => r.id);
      expect(await ids('escalated=true')).toEqual([review.escalated]);
      expect(await ids('state=overdue&escalated=false')).toEqual([review.overdue]);
      expect((await api.http().get('/api/v1/reviews?escalated=maybe').set(token)).status).toBe(400);
      expect((await api.http().get('/api/v1/reviews.xlsx?period=2025-03').set(bearer(cases[0].hr[0].token))).status).toBe(403);
    });
  });

  describe('a month longer than a page', () => {
    it('shows 25 reviews a table with a link to the rest, which pages on with a link back to the first page', async () => {
      const unit = cases[0].unit;
      for (let i = 0; i < 10; i += 1) await f.case(unit);
      clock.set(new Date('2025-05-02T08:00:00Z'));
      await f.run(unit, '2025-04');
      const page = await caseworker.get('/unit/reviews');
      expect(mainText(page.text)).toContain('Månedlig opfølgning for april 2025');
      const awaiting = new RegExp('<section[^>]*aria-labelledby="table-awaiting_supplier"[^>]*>([\\s\\S]*?)</section>').exec(page.text)![1];
      expect(awaiting.match(/href="\/unit\/reviews\/[0-9a-f-]{36}"/g)).toHaveLength(25);
      expect(mainText(page.text)).toContain('Afventer leverandøren (26)');
      const more = /href="(\/unit\/reviews\?period=2025-04&amp;state=awaiting_supplier&amp;cursor=[^"]+)"/.exec(awaiting)![1].replace(/&amp;/g, '&');
      const rest = await caseworker.get(more);
      expect(tableHeadings(rest.text)).toEqual(['awaiting_supplier']);
      expect(rest.text.match(/href="\/unit\/reviews\/[0-9a-f-]{36}"/g)).toHaveLength(1);
      expect(rest.text).toContain('href="/unit/reviews?period=2025-04&amp;state=awaiting_supplier">Første side');
      // The period select offers both months.
      expect(page.text).toContain('<option value="2025-03">marts 2025</option>');
    });
  });
});
