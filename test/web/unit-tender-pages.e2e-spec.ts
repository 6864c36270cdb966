import request from 'supertest';
import { ContractsFactory, randomCvr, type TenderStep, type Unit } from '../support/contracts.factory';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { formsIn, mainText, WebAgent } from '../support/web-agent';

const HOSTILE = '<script>alert("x")</script>';
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

/** The events the tender page offers, as rendered (`data-event` of each action). */
const renderedEvents = (html: string) => [...html.matchAll(/data-event="([^"]+)"/g)].map((m) => m[1]);
const versionIn = (html: string) => /name="expectedVersion" value="(\d+)"/.exec(html)?.[1] ?? '';
const tenderIdOf = (location: string) => /^\/unit\/tenders\/([0-9a-f-]{36})\?done=create$/.exec(location)?.[1] ?? '';

describe('web pages: phase 1 for the unit (tenders, market dialogue, suppliers, partners)', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let identity: IdentityFactory;
  let contracts: ContractsFactory;
  let unit: Unit;
  let procurement: WebAgent;
  const db = <T>(sql: string, params: unknown[] = []) => identity.query<T>(sql, params);

  const signedIn = async (role: 'admin' | 'procurement_caseworker' | 'employment_caseworker', municipalityId = unit.municipalityId) => {
    const user = await identity.user({ role, municipalityId });
    const browser = new WebAgent(api.app);
    await browser.signIn(user.email);
    return browser;
  };

  /** Presses an event's button on the tender page, as shown (with the version it showed). */
  const press = async (browser: WebAgent, tenderId: string, event: string) => {
    const page = await browser.get(`/unit/tenders/${tenderId}`);
    return browser.submit(`/unit/tenders/${tenderId}`, { expectedVersion: versionIn(page.text) }, `/unit/tenders/${tenderId}/${event}`);
  };

  /** Opens an event's form and sends it with the version it was shown with. */
  const send = async (browser: WebAgent, path: string, fields: Record<string, string | string[]>) => {
    const form = await browser.get(path);
    expect(form.status).toBe(200);
    return browser.submit(path, { expectedVersion: versionIn(form.text), ...fields });
  };

  const createSupplier = async (browser: WebAgent, name: string, rsv = false) => {
    const created = await browser.submit('/unit/suppliers/new', { cvr: randomCvr(), name, ...(rsv ? { registeredSocialEconomy: 'true' } : {}) });
    expect(created.status).toBe(303);
    return /^\/unit\/suppliers\/([0-9a-f-]{36})\?created=1$/.exec(created.headers.location)![1];
  };

  const lotFields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`lots-${i}-title`, `Rute ${i + 1}`]));

  beforeAll(async () => {
    identity = new IdentityFactory(api.app);
    contracts = new ContractsFactory(api.app);
    unit = await contracts.unit();
    procurement = await signedIn('procurement_caseworker');
  });

  it('runs phase 1 of the reference case through the pages: 8 lots, dialogue, 26 x 10 h, award 4 + 4, FlexVirk, hand-over', async () => {
    const fynsk = await createSupplier(procurement, 'Fynsk Rutekørsel A/S');
    const turbus = await createSupplier(procurement, 'Odense Turbusser ApS');
    const flexVirk = await createSupplier(procurement, 'FlexVirk', true);

    // Without JavaScript: the lot count redraws the form with 8 rows and keeps what was typed.
    const tender = { title: 'Visiteret rutekørsel', procurementArea: 'special_transport', estimatedValueDkk: '120000000', durationMonths: '48' };
    const redrawn = await procurement.submit('/unit/tenders/new', { ...tender, lotCount: '8', _action: 'lots' });
    expect(redrawn.status).toBe(200);
    expect(redrawn.text).toContain('name="lots-7-title"');
    expect(redrawn.text).not.toContain('name="lots-8-title"');
    expect(redrawn.text).toContain('value="Visiteret rutekørsel"');
    expect(await db('SELECT id FROM tender WHERE municipality_id = $1', [unit.municipalityId])).toEqual([]);

    const created = await procurement.submit('/unit/tenders/new', { ...tender, lotCount: '8', ...lotFields(8) });
    expect(created.status).toBe(303);
    const id = tenderIdOf(created.headers.location);
    const page = await procurement.get(created.headers.location);
    expect(mainText(page.text)).toContain('Udbuddet er oprettet.');
    expect(mainText(page.text)).toContain('Påkrævet efter kommunens tærskler');
    expect(mainText(page.text)).toContain('Rute 8');
    expect(renderedEvents(page.text)).toEqual(['screen', 'cancel']);

    const screened = await send(procurement, `/unit/tenders/${id}/screening`, {
      suitableTasks: 'Morgenruter\nEftermiddagsruter',
      splitShifts: 'true',
      coreTasks: 'Chaufførkørsel',
      ancillaryTasks: 'Klargøring af vogne',
      upskillingOptions: 'Kørekort D1',
      estimatedHires: '26',
    });
    expect(screened.headers.location).toBe(`/unit/tenders/${id}?done=screen`);
    expect((await press(procurement, id, 'start-dialogue')).status).toBe(303);

    // Two meetings: a registered bidder (its name taken from the register) and a free name.
    const meetingFields = { heldOn: '2024-02-14', participants: 'Udbudskonsulent\nDriftschef', willingness: 'high', tasksMatched: 'Morgenruter', upskillingNeeds: '' };
    expect((await send(procurement, `/unit/tenders/${id}/meetings/new`, { ...meetingFields, supplierId: fynsk, bidderName: '' })).status).toBe(303);
    expect((await send(procurement, `/unit/tenders/${id}/meetings/new`, { ...meetingFields, supplierId: '', bidderName: 'Taxa Fyn', willingness: 'medium' })).status).toBe(303);
    const meetings = await db<{ bidder_name: string; supplier_id: string | null }>('SELECT bidder_name, supplier_id FROM dialogue_meeting WHERE tender_id = $1 ORDER BY bidder_name', [id]);
    expect(meetings).toEqual([{ bidder_name: 'Fynsk Rutekørsel A/S', supplier_id: fynsk }, { bidder_name: 'Taxa Fyn', supplier_id: null }]);

    const clauseForm = await procurement.get(`/unit/tenders/${id}/define-clause`);
    // Meetings were held, so no reason is asked for.
    expect(clauseForm.text).not.toContain('name="noMeetingReason"');
    expect(clauseForm.text).toContain('value="26"');
    const clause = await send(procurement, `/unit/tenders/${id}/define-clause`, {
      scope: 'tender', 'whole-requiredHires': '26', 'whole-weeklyHoursPerHire': '10', targetGroups: ['flexjob'], employmentForms: ['flexjob'],
    });
    expect(clause.status).toBe(303);
    expect((await press(procurement, id, 'publish')).status).toBe(303);

    const winners = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`lots-${i}-supplierId`, i < 4 ? fynsk : turbus]));
    const award = await send(procurement, `/unit/tenders/${id}/award`, { startDate: '2025-01-01', endDate: '2028-12-31', ...winners });
    expect(award.headers.location).toBe(`/unit/tenders/${id}?done=award`);
    const [contract] = await db<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [id, fynsk]);

    const partnerForm = await procurement.get(`/unit/contracts/${contract.id}/partners/new`);
    expect(mainText(partnerForm.text)).toContain('FlexVirk (CVR');
    expect(mainText(partnerForm.text)).toMatch(/FlexVirk \(CVR \d{8}, RSV\)/);
    const partner = await procurement.submit(`/unit/contracts/${contract.id}/partners/new`, { supplierId: flexVirk, kind: 'rsv' });
    expect([partner.status, partner.headers.location]).toEqual([303, `/unit/contracts/${contract.id}`]);

    expect((await press(procurement, id, 'hand-over')).headers.location).toBe(`/unit/tenders/${id}?done=hand-over`);
    const done = await procurement.get(`/unit/tenders/${id}`);
    expect(mainText(done.text)).toContain('Status: Overdraget');
    expect(renderedEvents(done.text)).toEqual([]);
    expect(mainText(done.text)).toContain('Fynsk Rutekørsel A/S: delaftale 1, 2, 3, 4');
    // The timeline, oldest first, names who did each step.
    const timeline = mainText(done.text);
    const steps = ['Oprettet', 'Screenet', 'Markedsdialog startet', 'Dialogmøde registreret', 'Klausul fastlagt', 'Udbudt', 'Tildelt', 'Overdraget'].map((s) => timeline.lastIndexOf(s));
    expect(steps.every((at, i) => at > 0 && (i === 0 || at > steps[i - 1]))).toBe(true);

    const clauses = await db<{ supplier_id: string; required_hires: number; weekly_hours_per_hire: string; phase: string }>(
      `SELECT c.supplier_id, c.phase, ec.required_hires, ec.weekly_hours_per_hire FROM contract c JOIN employment_clause ec ON ec.contract_id = c.id WHERE c.tender_id = $1 ORDER BY c.supplier_id = $2 DESC`,
      [id, fynsk],
    );
    expect(clauses.map((c) => [c.supplier_id, c.required_hires, Number(c.weekly_hours_per_hire), c.phase])).toEqual([
      [fynsk, 13, 10, 'matching'],
      [turbus, 13, 10, 'matching'],
    ]);
    expect(await db('SELECT kind FROM contract_partner WHERE contract_id = $1', [contract.id])).toEqual([{ kind: 'rsv' }]);

    // An RSV partner stays an RSV; its name may be corrected.
    const unflag = await procurement.submit(`/unit/suppliers/${flexVirk}/edit`, { name: 'FlexVirk' });
    expect(unflag.status).toBe(400);
    expect(mainText(unflag.text)).toContain('Leverandøren er RSV-partner på en kontrakt');
    const renamed = await procurement.submit(`/unit/suppliers/${flexVirk}/edit`, { name: 'FlexVirk ApS', registeredSocialEconomy: 'true' });
    expect(renamed.headers.location).toBe(`/unit/suppliers/${flexVirk}?updated=1`);
    expect(await db('SELECT name, registered_social_economy FROM supplier WHERE id = $1', [flexVirk])).toEqual([{ name: 'FlexVirk ApS', registered_social_economy: true }]);
  });

  it('splits a whole-tender clause between the winners as typed, and names a split that leaves a winner out', async () => {
    const { tender, suppliers } = await contracts.tenderAt(unit, 'published');
    const path = `/unit/tenders/${tender.id}/award`;
    const winners = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`lots-${i}-supplierId`, suppliers[i < 4 ? 0 : 1].id]));
    const dates = { startDate: '2025-01-01', endDate: '2028-12-31' };
    const partial = await send(procurement, path, { ...dates, ...winners, 'split-0-supplierId': suppliers[0].id, 'split-0-requiredHires': '16' });
    expect(partial.status).toBe(400);
    expect(partial.text).toContain('href="#split-0-supplierId"');
    expect(partial.text).toContain('<details class="details mt-6" open>');
    expect(partial.text).toContain('value="16"');
    expect(await db('SELECT id FROM contract WHERE tender_id = $1', [tender.id])).toEqual([]);

    const split = await send(procurement, path, {
      ...dates, ...winners, 'split-0-supplierId': suppliers[0].id, 'split-0-requiredHires': '16', 'split-1-supplierId': suppliers[1].id, 'split-1-requiredHires': '10',
    });
    expect(split.status).toBe(303);
    const clauses = await db<{ supplier_id: string; required_hires: number }>(
      'SELECT c.supplier_id, ec.required_hires FROM contract c JOIN employment_clause ec ON ec.contract_id = c.id WHERE c.tender_id = $1 ORDER BY ec.required_hires DESC',
      [tender.id],
    );
    expect(clauses).toEqual([{ supplier_id: suppliers[0].id, required_hires: 16 }, { supplier_id: suppliers[1].id, required_hires: 10 }]);
  });

  it('offers in every state, to every unit role, exactly the events the workflow allows (as the API reports them)', async () => {
    const states: TenderStep[] = ['identified', 'screening', 'market_dialogue', 'clause_defined', 'published', 'awarded', 'handed_over'];
    const browsers = await Promise.all((['admin', 'procurement_caseworker', 'employment_caseworker'] as const).map(async (role) => [role, await signedIn(role)] as const));
    const tokens = { admin: unit.admin.token, procurement_caseworker: unit.procurement.token, employment_caseworker: unit.employment.token };
    for (const state of states) {
      const { tender } = await contracts.tenderAt(unit, state);
      for (const [role, browser] of browsers) {
        const allowed = (await request(api.app.getHttpServer()).get(`/api/v1/tenders/${tender.id}`).set(bearer(tokens[role])).expect(200)).body.allowedEvents;
        const page = await browser.get(`/unit/tenders/${tender.id}`);
        expect({ state, role, events: renderedEvents(page.text) }).toEqual({ state, role, events: allowed });
      }
    }
  });

  it('asks for a reason exactly when no meeting was held, and a form not allowed now shows the tender with a notice', async () => {
    const { tender } = await contracts.tenderAt(unit, 'screening');
    await press(procurement, tender.id, 'start-dialogue');
    const form = await procurement.get(`/unit/tenders/${tender.id}/define-clause`);
    expect(form.text).toContain('name="noMeetingReason"');
    const missing = await send(procurement, `/unit/tenders/${tender.id}/define-clause`, {
      scope: 'tender', 'whole-requiredHires': '26', 'whole-weeklyHoursPerHire': '10', targetGroups: ['flexjob'], employmentForms: ['flexjob'],
    });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('href="#noMeetingReason"');
    expect(missing.text).toContain('value="26"');
    expect((await db<{ state: string }>('SELECT state FROM tender WHERE id = $1', [tender.id]))[0].state).toBe('market_dialogue');

    // The service's own check (no meeting in the future) is named on its field, and nothing is recorded.
    const future = await send(procurement, `/unit/tenders/${tender.id}/meetings/new`, { heldOn: '2999-01-01', bidderName: 'Taxa Fyn', participants: 'Driftschef', willingness: 'low' });
    expect(future.status).toBe(400);
    expect(future.text).toContain('href="#heldOn"');
    expect(mainText(future.text)).toContain('Mødedatoen må ikke ligge i fremtiden');
    expect(future.text).toContain('value="Taxa Fyn"');
    expect(await db('SELECT id FROM dialogue_meeting WHERE tender_id = $1', [tender.id])).toEqual([]);

    const award = await procurement.get(`/unit/tenders/${tender.id}/award`);
    expect(award.status).toBe(200);
    expect(mainText(award.text)).toContain('»Tildel delaftaler« kan ikke lade sig gøre nu, fordi status er Markedsdialog.');
    expect(award.text).not.toContain('name="startDate"');
  });

  it('refuses a stale version with the 409 text and changes nothing; a refused event names the state', async () => {
    const { tender } = await contracts.tenderAt(unit, 'screening');
    const path = `/unit/tenders/${tender.id}`;
    const stale = await procurement.submit(path, { expectedVersion: String(tender.version - 1) }, `${path}/start-dialogue`);
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain('Nogen har ændret dette i mellemtiden');
    expect((await db<{ state: string; version: number }>('SELECT state, version FROM tender WHERE id = $1', [tender.id]))[0]).toEqual({ state: 'screening', version: tender.version });

    // A stale screening form keeps what was typed.
    const staleForm = await procurement.submit(`${path}/screening`, {
      expectedVersion: String(tender.version - 1), suitableTasks: 'Weekendruter', splitShifts: 'false', coreTasks: 'Kørsel', ancillaryTasks: '', upskillingOptions: '', estimatedHires: '12',
    });
    expect(staleForm.status).toBe(409);
    expect(staleForm.text).toContain('Weekendruter');
    expect(staleForm.text).toContain(`name="expectedVersion" value="${tender.version}"`);
    expect((await db<{ estimated_hires: number }>('SELECT estimated_hires FROM tender_screening WHERE tender_id = $1', [tender.id]))[0].estimated_hires).toBe(26);

    const notNow = await procurement.submit(path, { expectedVersion: String(tender.version) }, `${path}/publish`);
    expect(notNow.status).toBe(422);
    expect(mainText(notNow.text)).toContain('Det kan ikke lade sig gøre nu: status er screening');
    const english = await signedIn('employment_caseworker');
    await english.get('/language/en?next=/unit');
    const refusedInEnglish = await english.submit(path, { expectedVersion: String(tender.version) }, `${path}/publish`);
    expect(refusedInEnglish.status).toBe(422);
    expect(mainText(refusedInEnglish.text)).toContain('What you can do now');
    expect(mainText(refusedInEnglish.text)).toContain('That cannot be done now: the status is screening');
    expect(mainText((await english.get(`${path}/award`)).text)).toContain('“Award the lots” is not possible now, because the state is Screening.');

    // A bad page link or cursor is the person's input: a page, never a server error.
    const badCursor = await procurement.get('/unit/tenders?cursor=nonsense');
    expect([badCursor.status, mainText(badCursor.text)]).toEqual([400, expect.stringContaining('Adressen er ikke gyldig')]);
    expect((await procurement.get('/unit/suppliers?cursor=nonsense&q=%00')).status).toBeLessThan(500);
    const noVersion = await procurement.submit(path, {}, `${path}/start-dialogue`);
    expect(noVersion.status).toBe(400);
    expect((await db<{ state: string }>('SELECT state FROM tender WHERE id = $1', [tender.id]))[0].state).toBe('screening');
  });

  it('keeps the input and names every problem of a new tender, lot rows too; hostile text is escaped', async () => {
    const before = await db<{ n: number }>('SELECT count(*)::int AS n FROM tender');
    const bad = await procurement.submit('/unit/tenders/new', {
      title: HOSTILE, procurementArea: '', estimatedValueDkk: 'mange', durationMonths: '48', lotCount: '3', 'lots-0-title': 'Rute Nord', 'lots-1-title': '', 'lots-2-title': 'Rute Syd',
    });
    expect(bad.status).toBe(400);
    for (const field of ['procurementArea', 'estimatedValueDkk', 'lots-1-title']) expect(bad.text).toContain(`href="#${field}"`);
    expect(mainText(bad.text)).toContain('Udfyld Navn på delaftale 2');
    expect(bad.text).toContain('value="Rute Nord"');
    expect(bad.text).toContain('value="Rute Syd"');
    expect(bad.text).toContain(`value="${ESCAPED}"`);
    expect(bad.text).not.toContain(HOSTILE);
    expect(await db<{ n: number }>('SELECT count(*)::int AS n FROM tender')).toEqual(before);

    const created = await procurement.submit('/unit/tenders/new', { title: HOSTILE, procurementArea: 'cleaning', estimatedValueDkk: '1000', durationMonths: '6', lotCount: '1', 'lots-0-title': HOSTILE });
    const id = tenderIdOf(created.headers.location);
    const page = await procurement.get(`/unit/tenders/${id}`);
    expect(page.text).not.toContain(HOSTILE);
    expect(page.text).toContain(ESCAPED);
    expect(mainText(page.text)).toContain('Ikke påkrævet efter kommunens tærskler');
    const list = await procurement.get('/unit/tenders?state=identified');
    expect(list.text).toContain(ESCAPED);
    expect(list.text).not.toContain(HOSTILE);
  });

  it('checks a CVR number, names one already registered on its field, and lists and shows suppliers', async () => {
    const bad = await procurement.submit('/unit/suppliers/new', { cvr: '12345678', name: HOSTILE });
    expect(bad.status).toBe(400);
    expect(mainText(bad.text)).toContain('CVR-nummer skal være et CVR-nummer på 8 cifre');
    expect(bad.text).toContain(`value="${ESCAPED}"`);
    const cvr = randomCvr();
    const first = await procurement.submit('/unit/suppliers/new', { cvr, name: HOSTILE, registeredSocialEconomy: 'true' });
    expect(first.status).toBe(303);
    const taken = await procurement.submit('/unit/suppliers/new', { cvr: `DK ${cvr}`, name: 'Kopi ApS' });
    expect(taken.status).toBe(409);
    expect(mainText(taken.text)).toContain('CVR-nummer er allerede registreret i Klausul');
    expect(taken.text).toContain('href="#cvr"');

    const found = await procurement.get(`/unit/suppliers?q=${cvr.slice(0, 6)}`);
    expect(found.text).toContain(ESCAPED);
    expect(found.text).not.toContain(HOSTILE);
    const supplier = await procurement.get(first.headers.location);
    expect(mainText(supplier.text)).toContain('Ja, registreret socialøkonomisk virksomhed');
    expect(supplier.text).toContain(`/unit/invitations/new?role=supplier_hr&amp;supplierId=${/suppliers\/([0-9a-f-]{36})/.exec(first.headers.location)![1]}`);
  });

  it("answers another municipality's tender, supplier and contract with the 404 page", async () => {
    const other = await contracts.unit();
    const { tender, suppliers } = await contracts.tenderAt(other, 'awarded');
    const [contract] = await db<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 LIMIT 1', [tender.id]);
    for (const path of [`/unit/tenders/${tender.id}`, `/unit/tenders/${tender.id}/award`, `/unit/suppliers/${suppliers[0].id}`, `/unit/contracts/${contract.id}/partners/new`]) {
      expect({ path, status: (await procurement.get(path)).status }).toEqual({ path, status: 404 });
    }
    const refused = await procurement.submit('/unit/tenders', { expectedVersion: '1' }, `/unit/tenders/${tender.id}/hand-over`);
    expect(refused.status).toBe(404);
    expect((await db<{ state: string }>('SELECT state FROM tender WHERE id = $1', [tender.id]))[0].state).toBe('awarded');
  });

  it('adds a partner only of the right kind: a supplier that is not an RSV is named on the field', async () => {
    const { tender, suppliers } = await contracts.tenderAt(unit, 'awarded');
    const [contract] = await db<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const plain = await contracts.supplier(unit.municipalityId, { name: 'Vognmand Hansen' });
    const refused = await procurement.submit(`/unit/contracts/${contract.id}/partners/new`, { supplierId: plain.id, kind: 'rsv' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#supplierId"');
    expect(formsIn(refused.text)[0].fields.find((f) => f.name === 'supplierId')?.value).toBe(plain.id);
    expect(await db('SELECT id FROM contract_partner WHERE contract_id = $1', [contract.id])).toEqual([]);
    expect((await procurement.submit(`/unit/contracts/${contract.id}/partners/new`, { supplierId: plain.id, kind: 'subcontractor' })).status).toBe(303);
    const again = await procurement.submit(`/unit/contracts/${contract.id}/partners/new`, { supplierId: plain.id, kind: 'subcontractor' });
    expect(again.status).toBe(409);
    expect(mainText(again.text)).toContain('allerede partner');
  });
});
