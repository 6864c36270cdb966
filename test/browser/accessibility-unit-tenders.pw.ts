import type { Page } from '@playwright/test';
import { type ReferenceCase, seedReferenceCase } from './support/api';
import { expect, test } from './support/fixtures';
import { signIn } from './support/journeys';
import { checkStates, type PageState, submitForm, watchCsp } from './support/page-checks';
import { addPartner, award, createTender, defineClause, handOver, publish, runDialogue } from './support/unit-tenders.steps';

/**
 * Phase 1's pages for the unit (tenders, their event forms, suppliers, a contract's
 * partners): every page in Danish and English, each form with its errors shown, 0 axe
 * violations, no sideways scrolling at 375 px, a strict CSP. Then phase 1 of the reference
 * case in the browser, step by step, as procurement does it.
 */
test.describe.configure({ mode: 'serial' });

let rc: ReferenceCase;
/** A tender in the market dialogue without a meeting: its clause form asks why none was held. */
let dialogueTender: string;
let identifiedTender: string;
/** A published tender with one clause for the whole tender: its award form offers the split. */
let publishedTender: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  rc = await seedReferenceCase();
  const api = rc.clients.procurement;
  const body = { title: 'Rengøring af skoler', procurementArea: 'cleaning', estimatedValueDkk: 30_000_000, durationMonths: 36, lots: [1, 2, 3].map((n) => ({ number: n, title: `Skoledistrikt ${n}` })) };
  identifiedTender = (await api.post<{ id: string }>('/tenders', body)).id;
  dialogueTender = (await api.post<{ id: string }>('/tenders', { ...body, title: 'Ejendomsservice', procurementArea: 'property_service' })).id;
  await api.post(`/tenders/${dialogueTender}/screening`, { suitableTasks: ['Græsslåning'], splitShifts: false, coreTasks: ['Vicevært'], ancillaryTasks: [], upskillingOptions: [], estimatedHires: 6 });
  await api.post(`/tenders/${dialogueTender}/start-dialogue`);
  publishedTender = (await api.post<{ id: string }>('/tenders', { ...body, title: 'Kantinedrift', procurementArea: 'catering' })).id;
  await api.post(`/tenders/${publishedTender}/screening`, { suitableTasks: ['Opvask'], splitShifts: true, coreTasks: ['Madlavning'], ancillaryTasks: [], upskillingOptions: [], estimatedHires: 6 });
  await api.post(`/tenders/${publishedTender}/start-dialogue`);
  await api.post(`/tenders/${publishedTender}/define-clause`, {
    clauses: [{ requiredHires: 6, weeklyHoursPerHire: 15, targetGroups: ['flexjob'], employmentForms: ['flexjob'] }],
    noMeetingReason: 'Kun én byder på markedet',
  });
  await api.post(`/tenders/${publishedTender}/publish`);
});

const get = (label: string, path: string, status = 200): PageState => ({ label, show: (page) => page.goto(path), status });

/** Posts the main form (its last submit button) after `fill`, expecting its errors. */
function posted(label: string, path: string, fill: (page: Page) => Promise<void> = async () => undefined, status = 400): PageState {
  return {
    label,
    status,
    errors: true,
    show: async (page) => {
      await page.goto(path);
      await fill(page);
      return submitForm(page, () => page.locator('main form[method="post"] button[type="submit"]').last().click());
    },
  };
}

test('the tender pages: list, new tender (with errors, lot rows too), a tender in each phase, its event forms with their errors', async ({ page }) => {
  test.setTimeout(180_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.procurement);
  const handedOver = `/unit/tenders/${rc.tender.id}`;
  const dialogue = `/unit/tenders/${dialogueTender}`;
  const identified = `/unit/tenders/${identifiedTender}`;
  await checkStates(page, [
    get('tender list', '/unit/tenders'),
    get('tender list, handed over', '/unit/tenders?state=handed_over'),
    get('new tender', '/unit/tenders/new'),
    posted('new tender, nothing filled in, 3 lot rows', '/unit/tenders/new', async (p) => {
      await p.locator('#lotCount').fill('3');
      await p.locator('main button[name="_action"]').click();
      await p.locator('#lots-0-title').fill('Rute Nord');
      await p.locator('#estimatedValueDkk').fill('mange');
    }),
    get('handed-over tender with its timeline and contracts', handedOver),
    get('identified tender', identified),
    get('screening', `${identified}/screening`),
    posted('screening, nothing filled in', `${identified}/screening`),
    get('cancel?', `${identified}/cancel`),
    posted('cancel without a reason', `${identified}/cancel`),
    get('tender in the dialogue', dialogue),
    get('dialogue meeting', `${dialogue}/meetings/new`),
    posted('dialogue meeting, nothing filled in', `${dialogue}/meetings/new`),
    get('define the clause', `${dialogue}/define-clause`),
    posted('define the clause, per lot with a bad number, no reason', `${dialogue}/define-clause`, async (p) => {
      await p.locator('#scope-lots').check();
      await p.locator('#lot-0-requiredHires').fill('nul');
    }),
    get('not suitable?', `${dialogue}/not-suitable`),
    get('award, not allowed now (the tender with a notice)', `${dialogue}/award`),
    get('award', `/unit/tenders/${publishedTender}/award`),
    posted('award, no winners and a split that names no winner', `/unit/tenders/${publishedTender}/award`, async (p) => {
      await p.locator('main details summary').click();
      await p.locator('#split-0-requiredHires').fill('4');
    }),
    get('a tender that is not there', `/unit/tenders/${crypto.randomUUID()}`, 404),
  ]);
  csp.expectAllStrict();
});

test('the supplier pages and a contract partner form, with their errors', async ({ page }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.procurement);
  const partners = `/unit/contracts/${rc.contract.id}/partners/new`;
  await checkStates(page, [
    get('supplier list', '/unit/suppliers'),
    get('supplier list, RSVs only', '/unit/suppliers?rsv=true'),
    get('new supplier', '/unit/suppliers/new'),
    posted('new supplier, a CVR number that fails the check', '/unit/suppliers/new', async (p) => {
      await p.locator('#cvr').fill('12345678');
    }),
    get('supplier with contracts and HR contacts', `/unit/suppliers/${rc.suppliers.winner.id}`),
    get('change a supplier', `/unit/suppliers/${rc.suppliers.flexVirk.id}/edit`),
    posted('change a supplier, an RSV partner unticked', `/unit/suppliers/${rc.suppliers.flexVirk.id}/edit`, (p) => p.locator('#registeredSocialEconomy').uncheck()),
    get('partner form', partners),
    posted('partner form, nothing chosen', partners),
  ]);
  csp.expectAllStrict();
});

test('Enter in a field of the new tender form creates the tender (not "update lots")', async ({ page }) => {
  await signIn(page, rc.people.procurement);
  await page.goto('/unit/tenders/new');
  await page.locator('#procurementArea').selectOption('special_transport');
  await page.locator('#estimatedValueDkk').fill('2000000');
  await page.locator('#durationMonths').fill('24');
  await page.locator('#lots-0-title').fill('Hele kommunen');
  await page.locator('#title').fill('Kørsel til dagtilbud, med Enter');
  await page.locator('#title').press('Enter');
  await expect(page).toHaveURL(/\/unit\/tenders\/[0-9a-f-]{36}\?done=create$/);
  await expect(page.locator('main h1')).toContainText('Kørsel til dagtilbud, med Enter');
  // Tab from the title still reaches the fields in order, not the hidden default button.
  await page.goto('/unit/tenders/new');
  await page.locator('#title').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('main button[name="_default"]')).not.toBeFocused();
});

test('phase 1 of the reference case in the browser: 8 lots, dialogue, 26 x 10 h, award 4 + 4, FlexVirk, hand-over', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, rc.people.procurement);
  const { winner, other, flexVirk } = rc.suppliers;
  const id = await createTender(page, { title: 'Visiteret rutekørsel, browser', lots: 8 });
  await runDialogue(page, id, { bidders: [winner, other] });
  await defineClause(page, id, { hires: 26, hoursPerHire: 10 });
  await publish(page, id);
  const contracts = await award(page, id, { winners: [winner, winner, winner, winner, other, other, other, other] });
  expect(contracts).toHaveLength(2);
  await addPartner(page, contracts[0], flexVirk);
  await handOver(page, id);
  await expect(page.locator('main')).toContainText(/Status: (Overdraget|Handed over)/);
  const clauses = await Promise.all(contracts.map((c) => rc.clients.procurement.get<{ clauses: { requiredHires: number; weeklyHoursPerHire: number }[]; partners: { name: string }[] }>(`/contracts/${c}`)));
  expect(clauses.map((c) => c.clauses.map((cl) => [cl.requiredHires, cl.weeklyHoursPerHire]))).toEqual([[[13, 10]], [[13, 10]]]);
  expect(clauses[0].partners.map((p) => p.name)).toEqual([flexVirk.name]);
});
