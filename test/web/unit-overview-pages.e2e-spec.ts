import { ManualClock } from '@klausul/domain';
import { FollowupFactory } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { mainText, WebAgent } from '../support/web-agent';

const HOSTILE = '<script>alert("x")</script> & \'Co\'';
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;';

/** The rows of a table's body, each as the texts of its cells. */
function tableRows(html: string, marker: string): string[][] {
  const table = new RegExp(`<table[^>]*${marker}[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => mainText(cell)));
}

/**
 * The unit's overview and contract page on the reference case: Fynsk Rutekørsel's contract
 * (13 x 10 h) with 16 hires at 186 weekly hours in all (10 x 12 h + 6 x 11 h) from 2026-10-02,
 * counted on 2026-11-20.
 */
describe('web pages: the unit\'s overview and the contract page', () => {
  const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
  const api = useTestApi('postgres', { RUN_WORKER: 'false' }, clock);
  let f: FollowupFactory;
  let c: Awaited<ReturnType<FollowupFactory['case']>>;
  let browser: WebAgent;
  let extraSuppliers: string[];

  beforeAll(async () => {
    f = new FollowupFactory(api.app);
    c = await f.case();
    const hires: string[] = [];
    for (let i = 0; i < 16; i += 1) hires.push(await f.contracts.placement(c.contracts[0], { startDate: '2026-10-02', weeklyHours: i < 10 ? 12 : 11 }));
    // The factory writes placements without history (a real one begins with its candidate's `hire`): 16 rows here, by the
    // supplier's HR contact, so the contract's history runs past one page.
    await f.contracts.identity.query(
      `INSERT INTO workflow_transition (municipality_id, workflow, entity_id, event, from_state, to_state, version, actor_role, actor_user_id)
       SELECT $1, 'placement', p, 'create', NULL, 'active', 1, 'supplier_hr', $2 FROM unnest($3::uuid[]) p`,
      [c.unit.municipalityId, c.hr[0].user.id, hires],
    );
    // Retention on the other contract: one kept past 12 months, one who left after 2 months.
    await f.contracts.placement(c.contracts[1], { startDate: '2025-02-01' });
    await f.contracts.placement(c.contracts[1], { startDate: '2025-03-01', endDate: '2025-05-15' });
    await f.contracts.identity.query('UPDATE supplier SET name = $1 WHERE id = $2', [HOSTILE, c.suppliers[1].id]);
    // 28 more contracts on the same tender (one per supplier, no clause), so the list has a second page.
    extraSuppliers = [];
    for (let i = 0; i < 28; i += 1) extraSuppliers.push((await f.contracts.supplier(c.unit.municipalityId, { name: `Ekstra leverandør ${String(i).padStart(2, '0')}` })).id);
    await f.contracts.identity.query(
      `INSERT INTO contract (municipality_id, tender_id, supplier_id, start_date, end_date, phase)
       SELECT c.municipality_id, c.tender_id, s, '2025-01-01', '2028-12-31', 'awarded' FROM contract c, unnest($2::uuid[]) s WHERE c.id = $1`,
      [c.contracts[0], extraSuppliers],
    );
    // A job description the supplier has sent in, waiting for procurement to forward it.
    const order = await f.http().post(`/api/v1/contracts/${c.contracts[0]}/job-orders`).set(bearer(c.hr[0].token)).send(jobOrderBody({ title: HOSTILE, startDate: '2027-01-04' })).expect(201);
    await f.http().post(`/api/v1/job-orders/${order.body.id}/submit`).set(bearer(c.hr[0].token)).send({}).expect(200);
    await f.run(c.unit, '2026-10');
    // A mail that could not be delivered, its subject with markup.
    await f.contracts.identity.query(
      `INSERT INTO message (municipality_id, channel, template, recipient, subject, body_text, delivery_status) VALUES ($1, 'email', 'test', 'hr@example.dk', $2, 'Tekst', 'failed')`,
      [c.unit.municipalityId, `Fejlet ${HOSTILE}`],
    );
    browser = new WebAgent(api.app);
    await browser.signIn(c.unit.procurement.user.email);
  });

  it('shows the reference contract at 16 / 13 hires and 186 / 130 hours, filtered to its supplier', async () => {
    const page = await browser.get(`/unit?supplierId=${c.suppliers[0].id}`).expect(200);
    const rows = tableRows(page.text, 'klausul-contracts');
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 5)).toEqual(['Visiteret rutekørsel', 'Fynsk Rutekørsel A/S', '1, 2, 3, 4', '16 / 13', '186 / 130']);
    expect(rows[0][5]).toBe('Følger kravet');
  });

  it('narrows by status and area; an unknown status typed into the address is the 400 page', async () => {
    const all = tableRows((await browser.get('/unit').expect(200)).text, 'klausul-contracts');
    expect(all).toHaveLength(25);
    const onTrack = tableRows((await browser.get('/unit?status=on_track').expect(200)).text, 'klausul-contracts');
    expect(onTrack.length).toBeGreaterThan(0);
    expect(onTrack.every((row) => row[5] === 'Følger kravet')).toBe(true);
    expect(tableRows((await browser.get(`/unit?status=on_track&supplierId=${c.suppliers[0].id}`).expect(200)).text, 'klausul-contracts')).toHaveLength(1);
    // The other winner has 1 of 13 hires: not on track.
    expect(tableRows((await browser.get(`/unit?status=on_track&supplierId=${c.suppliers[1].id}`).expect(200)).text, 'klausul-contracts')).toHaveLength(0);
    const otherArea = await browser.get('/unit?area=cleaning').expect(200);
    expect(tableRows(otherArea.text, 'klausul-contracts')).toEqual([]);
    expect(mainText(otherArea.text)).toContain('Ingen aktive kontrakter passer til filteret');
    // The filter form keeps the choices.
    expect(otherArea.text).toMatch(/<option value="cleaning"[^>]* selected/);
    const bad = await browser.get('/unit?status=splendid');
    expect(bad.status).toBe(400);
    expect((await browser.get('/unit?sort=supplierName')).status).toBe(400);
    expect((await browser.get('/unit?supplierId=12345')).status).toBe(400);
    // A cursor that is not one (typed, or another list's) is the 400 page too, never a 5xx.
    expect((await browser.get('/unit?cursor=not-a-cursor')).status).toBe(400);
    expect((await browser.get(`/unit/contracts/${c.contracts[0]}/history?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('the REST list takes the same filters: procurement area, active or ended, and the new sorts', async () => {
    const auth = bearer(c.unit.procurement.token);
    const list = (query: Record<string, string>) => f.http().get('/api/v1/contracts').query({ limit: '200', ...query }).set(auth);
    expect((await list({ procurementArea: 'special_transport' }).expect(200)).body.items).toHaveLength(30);
    expect((await list({ procurementArea: 'cleaning' }).expect(200)).body.items).toHaveLength(0);
    expect((await list({ active: 'true' }).expect(200)).body.items).toHaveLength(30);
    expect((await list({ active: 'false' }).expect(200)).body.items).toHaveLength(0);
    expect((await list({ active: 'yes' })).status).toBe(400);
    const byDeadline = (await list({ sort: 'firstHireDueOn' }).expect(200)).body.items as { firstHireDueOn: string | null }[];
    // Contracts without a deadline sort last.
    expect(byDeadline.slice(0, 2).every((item) => item.firstHireDueOn !== null)).toBe(true);
    expect(byDeadline.slice(2).every((item) => item.firstHireDueOn === null)).toBe(true);
  });

  it.each(['-startDate', 'status', 'firstHireDueOn', 'endDate'])('pages through every contract without repeats, sorted by %s, keeping the sort in the links', async (sort) => {
    const first = await browser.get(`/unit?sort=${encodeURIComponent(sort)}`).expect(200);
    const next = new RegExp(`href="(/unit\\?sort=${sort.replace('-', '\\-')}&amp;cursor=[^"]+)"`).exec(first.text)?.[1];
    expect(next).toBeDefined();
    const second = await browser.get(next!.replace(/&amp;/g, '&')).expect(200);
    const names = [...tableRows(first.text, 'klausul-contracts'), ...tableRows(second.text, 'klausul-contracts')].map((row) => row[1]);
    expect(names).toHaveLength(30);
    expect(new Set(names).size).toBe(30);
    expect(second.text).toContain(`href="/unit?sort=${sort}"`);
    if (sort === 'status') {
      // Worst first: the contracts without a clause (not counted) come last.
      const statuses = [...tableRows(first.text, 'klausul-contracts'), ...tableRows(second.text, 'klausul-contracts')].map((row) => row[5]);
      const rank = (text: string) => ['Kravet er brudt', 'I risiko', 'Følger kravet', 'Ikke opgjort endnu'].indexOf(text);
      expect(statuses.map(rank)).toEqual([...statuses.map(rank)].sort((a, b) => a - b));
    }
  });

  it('escapes what people typed: a supplier name and a job title with markup', async () => {
    const page = await browser.get('/unit').expect(200);
    expect(page.text).not.toContain(HOSTILE);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain(ESCAPED);
    const contract = await browser.get(`/unit/contracts/${c.contracts[1]}`).expect(200);
    expect(contract.text).not.toContain('<script>alert');
    expect(contract.text).toContain(ESCAPED);
  });

  it('lists what needs doing now: the job description to forward and the month\'s reviews by state', async () => {
    const text = mainText((await browser.get('/unit').expect(200)).text);
    expect(text).toContain('Stillingsbeskrivelser, der venter på at blive videresendt');
    expect(text).toContain('Opfølgning for oktober 2026');
    expect(text).toContain('Afventer leverandøren: 2');
    const page = (await browser.get('/unit').expect(200)).text;
    expect(page).toContain('href="/unit/reviews?period=2026-10&amp;state=awaiting_supplier"');
    expect(page).toMatch(/href="\/unit\/job-orders\/[0-9a-f-]{36}"/);
    expect(text).toContain('Måltal for 2026');
    // The failed mail, linked to its page in the message log, and the log's failed ones.
    expect(page).toMatch(/<a href="\/unit\/messages\/[0-9a-f-]{36}">Fejlet &lt;script&gt;alert/);
    expect(page).toContain(`Fejlet ${ESCAPED}</a> (hr@example.dk`);
    expect(page).toContain('href="/unit/messages?status=failed"');
  });

  it('the contract page reads 16 / 13 and 186 / 130, and its chart\'s table holds the series month by month', async () => {
    const page = await browser.get(`/unit/contracts/${c.contracts[0]}`).expect(200);
    const text = mainText(page.text);
    expect(text).toContain('I alt 16 af 13 ansættelser og 186 af 130 timer om ugen');
    expect(text).toContain('13 ansættelser à 10 timer om ugen (130 timer i alt)');
    const series = await f.http().get(`/api/v1/contracts/${c.contracts[0]}/compliance-series`).set(bearer(c.unit.procurement.token)).expect(200);
    const periods: { period: string; hires: { actual: number; required: number }; weeklyHours: { actual: number; required: number } }[] = series.body.periods;
    const rows = tableRows(page.text, 'klausul-series-table');
    expect(rows).toHaveLength(periods.length);
    // Newest first in the table.
    expect(rows.map((row) => [row[1], row[2]])).toEqual(
      [...periods].reverse().map((p) => [`${p.hires.actual} / ${p.hires.required}`, `${p.weeklyHours.actual} / ${p.weeklyHours.required}`]),
    );
    expect(rows[1].slice(0, 3)).toEqual(['oktober 2026', '16 / 13', '186 / 130']);
    expect(rows[0][0]).toBe('november 2026 (i gang)');
    // Two charts (hires, hours), one circle a month each, described in words, no inline style (the CSP forbids it).
    expect(page.text.match(/<svg class="klausul-chart-svg"/g)).toHaveLength(2);
    expect(page.text.match(/<circle class="klausul-chart-marker klausul-chart-marker--actual/g)!.length).toBe(2 * periods.length + 4); // and two in each legend
    expect(page.text).toContain('november 2026: 16 af 13 ansættelser, 186 af 130 timer om ugen.');
    expect(page.text).not.toMatch(/\sstyle="/);
    // Placements and the review of the month, linked.
    expect(tableRows(page.text, 'table--responsive-headers">\\s*<caption class="sr-only">Ansættelser')).toHaveLength(16);
    expect(page.text).toMatch(/href="\/unit\/reviews\/[0-9a-f-]{36}">oktober 2026<\/a>/);
    expect(text).toContain('Overdraget');
  });

  it('shows retention at 3, 6 and 12 months', async () => {
    const page = await browser.get(`/unit/contracts/${c.contracts[1]}`).expect(200);
    const text = mainText(page.text);
    expect(text).toMatch(/3 måneder 2 1 50\s%/);
    expect(text).toMatch(/12 måneder 2 1 50\s%/);
  });

  it("lists the contract's job descriptions a page at a time, each linked", async () => {
    const page = await browser.get(`/unit/contracts/${c.contracts[0]}/job-orders`).expect(200);
    expect(mainText(page.text)).toContain('Stillingsbeskrivelser: Visiteret rutekørsel');
    const rows = tableRows(page.text, 'table--responsive-headers');
    expect(rows).toEqual([[ESCAPED, 'Indsendt', '16', '–']]);
    expect(page.text).toMatch(/<a href="\/unit\/job-orders\/[0-9a-f-]{36}">&lt;script&gt;/);
    expect((await browser.get(`/unit/contracts/${c.contracts[0]}/job-orders?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('lists all placements and the whole history a page at a time; a bad state is the 400 page', async () => {
    const placements = await browser.get(`/unit/contracts/${c.contracts[0]}/placements?state=active`).expect(200);
    expect(mainText(placements.text)).toContain('Ansættelser: Visiteret rutekørsel');
    expect((await browser.get(`/unit/contracts/${c.contracts[0]}/placements?state=gone`)).status).toBe(400);
    // The tender's, the job description's, the review's and the 16 hires' transitions: more than a page of 25, newest first.
    const entries = (html: string) => [...html.matchAll(/<li>\s*<p class="klausul-timeline-event"><strong>([^<]+)<\/strong>[\s\S]*?<time datetime="([^"]+)"/g)].map((m) => ({ event: m[1], at: m[2] }));
    const history = await browser.get(`/unit/contracts/${c.contracts[0]}/history`).expect(200);
    const first = entries(history.text);
    expect(first).toHaveLength(25);
    const next = /href="(\/unit\/contracts\/[^"]+\/history\?cursor=[^"]+)"/.exec(history.text)?.[1];
    expect(next).toBeDefined();
    const second = entries((await browser.get(next!.replace(/&amp;/g, '&')).expect(200)).text);
    const all = [...first, ...second];
    expect(all.map((e) => e.event)).toEqual(expect.arrayContaining(['Udbud: Oprettet', 'Udbud: Overdraget', 'Stillingsbeskrivelse: Indsendt', 'Opfølgning: Oprettet', 'Ansættelse: Ansat']));
    expect(all.filter((e) => e.event === 'Ansættelse: Ansat')).toHaveLength(16);
    expect(all.at(-1)!.event).toBe('Udbud: Oprettet');
    // Newest first: the month's review run came last, the tender's creation first.
    expect(all[0].event).toBe('Opfølgning: Oprettet');
    expect(mainText(history.text)).toContain(c.hr[0].user.displayName);
  });

  it('a hire through the pipeline is in the contract\'s history: who hired, and when', async () => {
    const hr = bearer(c.hr[1].token);
    const post = (path: string, token: ReturnType<typeof bearer>, body: object = {}) => f.http().post(path).set(token).send(body);
    const order = (await post(`/api/v1/contracts/${c.contracts[1]}/job-orders`, hr, jobOrderBody({ startDate: '2027-01-04', positions: 1 })).expect(201)).body.id;
    await post(`/api/v1/job-orders/${order}/submit`, hr).expect(200);
    await post(`/api/v1/job-orders/${order}/forward`, bearer(c.unit.procurement.token)).expect(200);
    const candidate = (await post(`/api/v1/job-orders/${order}/candidates`, bearer(c.unit.jobcenter.token), candidateBody(1)).expect(201)).body.id;
    await post(`/api/v1/candidates/${candidate}/shortlist`, bearer(c.unit.employment.token)).expect(200);
    await post(`/api/v1/job-orders/${order}/send-shortlist`, bearer(c.unit.employment.token)).expect(200);
    await post(`/api/v1/candidates/${candidate}/hire`, hr, { startDate: '2026-11-20', weeklyHours: 10, employmentForm: 'flexjob' }).expect(200);
    const history = mainText((await browser.get(`/unit/contracts/${c.contracts[1]}`).expect(200)).text);
    expect(history).toMatch(new RegExp(`Kandidat: Ansat\\s*: Udvalgt → Ansat 20\\. november 2026 [\\d.]+\\s*, ${c.hr[1].user.displayName}`));
    // The other candidates' steps stay on the pipeline.
    expect(history).not.toContain('Kandidat: Udvalgt');
  });

  it('another municipality\'s contract, and an id that is not one, are the 404 page', async () => {
    const other = await f.contracts.identity.user({ role: 'admin', municipalityId: (await f.contracts.identity.municipality()).id });
    const stranger = new WebAgent(api.app);
    await stranger.signIn(other.email);
    for (const path of ['', '/placements', '/history', '/job-orders'].map((tail) => `/unit/contracts/${c.contracts[0]}${tail}`)) {
      expect((await stranger.get(path)).status).toBe(404);
    }
    expect((await browser.get('/unit/contracts/not-a-contract')).status).toBe(404);
  });

  it('shows the overview in English', async () => {
    const english = new WebAgent(api.app);
    await english.signIn(c.unit.employment.user.email);
    await english.get('/language/en?next=/unit');
    const text = mainText((await english.get('/unit').expect(200)).text);
    expect(text).toContain('Needs doing now');
    expect(text).toContain('Active contracts');
  });
});
