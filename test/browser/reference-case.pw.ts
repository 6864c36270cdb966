import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type Page } from '@playwright/test';
import { ApiClient, REFERENCE_HOURS, type ReferenceCase, runMonthlyReviews } from './support/api';
import { UserActions } from './support/actions';
import { expect, test } from './support/fixtures';
import { CANDIDATE_NAMES, candidateCard, employeeFieldset, fillProposal, monthAfter, proposalFor, signIn } from './support/journeys';
import { waitForMail } from './support/mailbox';
import { referenceCaseOf, type ReferenceCaseCast, seedPeople } from './support/reference-case.seed';
import { shoot } from './support/screenshots';
import { forwardJobOrder, releaseShortlist, shortlist } from './support/unit-matching.steps';
import { concludeReview, downloadMeetingPack, reviewOf, upskillingProgramme } from './support/unit-meetings.steps';
import { addPartner, award, createTender, defineClause, handOver, publish, runDialogue } from './support/unit-tenders.steps';

/**
 * The reference case of DOMAIN.md through the pages, every step by the role that does it:
 * procurement runs phase 1 on the unit's pages (8 lots, the dialogue, the clause 26 x 10 h,
 * award 4 + 4, FlexVirk as RSV partner, hand-over); the supplier's HR contact describes the
 * job; procurement forwards it; the jobcenter proposes 20 candidates with CVs; the
 * employment caseworker shortlists 18 and releases them; the supplier interviews and hires
 * 16 at 186 hours a week; the unit's overview reads 16 / 13 and 186 / 130. Then the monthly
 * run (the REST API, as the scheduler does it): the supplier confirms on a phone, the
 * caseworker concludes with upskilling, and the month's meeting pack holds the figures.
 */
test.describe.configure({ mode: 'serial' });

const SHORTLISTED = 18;
const HIRED = REFERENCE_HOURS.length;
const LEAVER = CANDIDATE_NAMES[15]; // 12 h/week
const HOURS_CHANGED = CANDIDATE_NAMES[0]; // 10 -> 12 h/week
const PHONE = { width: 375, height: 667 };
/** When the shortlist was released: its mail to the supplier is after it. */
let released: Date;

let cast: ReferenceCaseCast;
let rc: ReferenceCase;
let jobOrderId: string;
const JOB_TITLE = 'Chauffør til visiteret kørsel';

/** A contract's placement as its REST list shows it. */
interface ContractPlacement {
  id: string;
  employeeName: string | null;
  state: string;
  startDate: string;
  endDate: string | null;
  weeklyHours: number;
  partner: { id: string; name: string } | null;
}

/** One placement with its terms (GET /placements/:id). */
interface Placement {
  state: string;
  endDate: string | null;
  endReason: string | null;
  weeklyHours: number;
  hoursHistory: { effectiveFrom: string; weeklyHours: number }[];
}

async function placementsOf(client: ApiClient, contractId: string): Promise<ContractPlacement[]> {
  return (await client.get<{ items: ContractPlacement[] }>(`/contracts/${contractId}/placements?limit=100`)).items;
}

/** The one link of a mail that goes to `path`. */
function linkTo(links: readonly string[], path: RegExp): string {
  const link = links.find((l) => path.test(new URL(l).pathname));
  expect(link, `a link matching ${path} in: ${links.join(', ')}`).toBeTruthy();
  return link!;
}

test.beforeAll(async () => {
  cast = await seedPeople();
});

test('procurement creates the tender with 8 lots, runs the dialogue, defines the clause, awards 4 + 4 and hands over on the unit\'s pages', async ({ page }) => {
  test.setTimeout(120_000);
  const { winner, other, flexVirk } = cast.suppliers;
  await signIn(page, cast.people.procurement);
  await expect(page).toHaveURL(/\/unit$/);
  const tenderId = await createTender(page, { title: `Visiteret kørsel (${cast.tag})`, lots: 8, reference: `BROWSER-${cast.tag}` });
  await runDialogue(page, tenderId, { bidders: [winner, other] });
  await defineClause(page, tenderId, { hires: 26, hoursPerHire: 10 });
  await publish(page, tenderId);
  await award(page, tenderId, { winners: [winner, winner, winner, winner, other, other, other, other], ...cast.period });
  const contracts = await cast.clients.procurement.get<{ contracts: { id: string; supplierId: string }[] }>(`/tenders/${tenderId}`);
  await addPartner(page, contracts.contracts.find((c) => c.supplierId === winner.id)!.id, flexVirk);
  await handOver(page, tenderId);
  await expect(page.locator('main')).toContainText('Overdraget');

  rc = await referenceCaseOf(cast, tenderId);
  expect([rc.contract.requiredHires, rc.contract.requiredWeeklyHours]).toEqual([13, 130]);
});

test("the supplier's HR contact opens the hand-over mail's link, describes the job and sends it to the municipality", async ({ page }) => {
  const welcome = await waitForMail({ to: rc.people.hr.email, subjectIncludes: 'Velkommen' });
  await page.goto(linkTo(welcome.links, new RegExp(`^/supplier/contracts/${rc.contract.id}/job-orders/new$`)));
  await signIn(page, rc.people.hr);
  await expect(page).toHaveURL(new RegExp(`/supplier/contracts/${rc.contract.id}/job-orders/new$`));

  await page.locator('#title').fill(JOB_TITLE);
  await page.locator('#tasks').fill('Morgen- og eftermiddagsruter med børn og voksne til skole, dagtilbud og træning.\nHjælp ved ind- og udstigning.');
  await page.locator('#positions').fill('16');
  await page.locator('#weeklyHours').fill('10');
  await page.locator('#shiftPattern').selectOption('split');
  await page.locator('#startDate').fill(rc.contract.startDate);
  await page.locator('#workplaceAddress').fill('Rugårdsvej 210, 5210 Odense NV');
  await page.locator('#requirements').fill('Kørekort B. D1 kan tages i jobbet.');
  await page.locator('#learningOnTheJob').fill('Kørekort D1 og førstehjælp');
  await page.locator('#interviewContact').fill('Driftschef Karsten Holm, tlf. 63 12 34 56');
  await page.getByRole('button', { name: 'Gem som kladde' }).click();

  await expect(page.getByRole('status')).toContainText('gemt som kladde');
  jobOrderId = /\/supplier\/job-orders\/([0-9a-f-]{36})/.exec(page.url())![1];
  await page.getByRole('button', { name: 'Send til kommunen' }).click();
  await expect(page.getByRole('status')).toContainText('sendt til kommunen');

});

test('procurement forwards the job description to the jobcenter from the unit\'s pages', async ({ page }) => {
  await signIn(page, rc.people.procurement);
  await page.goto('/unit/job-orders?view=to-forward');
  await expect(page.locator(`main a[href="/unit/job-orders/${jobOrderId}"]`)).toBeVisible();
  const sent = new Date();
  await forwardJobOrder(page, jobOrderId, [`Jobcenter Odense (${rc.tag})`]);
  expect((await rc.clients.procurement.get<{ state: string }>(`/job-orders/${jobOrderId}`)).state).toBe('forwarded');
  const mail = await waitForMail({ to: rc.channel.address, subjectIncludes: JOB_TITLE, after: sent });
  expect(mail.links.some((l) => new URL(l).pathname === `/jobcenter/job-orders/${jobOrderId}`)).toBe(true);
});

test('the jobcenter contact signs in, opens the job order from the inbox and proposes 20 candidates with PDF, DOCX and ODT CVs', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, rc.people.jobcenter);
  await expect(page).toHaveURL(/\/jobcenter$/);
  // Other runs' job orders may share the title: this one is the newest, and its link goes to its id.
  const inInbox = page.locator(`a[href="/jobcenter/job-orders/${jobOrderId}"]`);
  await expect(inInbox).toHaveText(JOB_TITLE);
  await inInbox.click();
  await expect(page.getByRole('heading', { level: 1, name: JOB_TITLE })).toBeVisible();
  await expect(page.getByText(rc.suppliers.winner.name).first()).toBeVisible();

  for (const [i, name] of CANDIDATE_NAMES.entries()) {
    await page.getByRole('link', { name: 'Foreslå en kandidat' }).click();
    await fillProposal(page, proposalFor(name, i));
    if (i === 0) await shoot(page, 'jobcenter-propose');
    await page.getByRole('button', { name: 'Foreslå kandidaten' }).click();
    await expect(page.getByRole('heading', { name: 'Kandidaten er foreslået' })).toBeVisible();
  }
  const proposed = page.locator('ul.bordered-list > li');
  await expect(proposed).toHaveCount(CANDIDATE_NAMES.length);
  await expect(proposed.filter({ hasText: 'CV vedhæftet' }).filter({ hasText: 'Ja' })).toHaveCount(CANDIDATE_NAMES.length);

  await page.getByRole('link', { name: 'Tilbage til indbakken' }).click();
  await expect(page.locator(`a[href="/jobcenter/job-orders/${jobOrderId}"]`)).toBeVisible();
  await shoot(page, 'jobcenter-inbox');
});

test('the employment caseworker shortlists 18 of the 20 on the pipeline and releases them to the supplier', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, rc.people.employment);
  await page.goto(`/unit/job-orders/${jobOrderId}/candidates`);
  await expect(page.locator('main article.klausul-candidate')).toHaveCount(CANDIDATE_NAMES.length);
  await shortlist(page, jobOrderId, CANDIDATE_NAMES.slice(0, SHORTLISTED));
  await shoot(page, 'unit-pipeline', { maxHeight: 2000 });
  released = new Date();
  await releaseShortlist(page, jobOrderId);
  expect((await rc.clients.employment.get<{ state: string }>(`/job-orders/${jobOrderId}`)).state).toBe('shortlist_sent');
});

test('the supplier opens the mail, reads a CV, interviews, hires 16 at 186 hours a week and rejects 2', async ({ page }) => {
  test.setTimeout(150_000);
  const mail = await waitForMail({ to: rc.people.hr.email, subjectIncludes: `${SHORTLISTED} kandidater`, after: released });
  const link = linkTo(mail.links, new RegExp(`^/supplier/job-orders/${jobOrderId}/candidates$`));
  await page.goto(link);
  await expect(page).toHaveURL(/\/login\?/);
  await signIn(page, rc.people.hr);
  await expect(page).toHaveURL(new URL(link).pathname);
  await expect(page.locator('section.klausul-candidate')).toHaveCount(SHORTLISTED);
  // Minimisation: target group, consent and the two not shortlisted are not on the page.
  const main = page.locator('main');
  await expect(main).not.toContainText('Målgruppe');
  await expect(main).not.toContainText('samtykke');
  for (const name of CANDIDATE_NAMES.slice(SHORTLISTED)) await expect(main).not.toContainText(name);

  // The CV downloads as the jobcenter uploaded it.
  const first = candidateCard(page, CANDIDATE_NAMES[0]);
  const download = page.waitForEvent('download');
  await first.getByRole('link', { name: /Hent CV/ }).click();
  const cv = await download;
  expect(cv.suggestedFilename()).toBe('cv-anne-kjaer.pdf');
  expect((await readFile((await cv.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // An interview, recorded before the hire.
  await first.locator('summary', { hasText: 'Registrér samtale' }).click();
  await first.getByLabel('Dato for samtalen').fill(rc.contract.startDate);
  await first.getByRole('button', { name: 'Gem samtaledato' }).click();
  await expect(page.getByRole('status')).toContainText(`Samtalen med ${CANDIDATE_NAMES[0]} er registreret`);
  await expect(candidateCard(page, CANDIDATE_NAMES[0])).toContainText('Til samtale');

  // 16 hires at the reference case's hours; the first three employed by the RSV partner FlexVirk.
  for (const [i, hours] of REFERENCE_HOURS.entries()) {
    const name = CANDIDATE_NAMES[i];
    const card = candidateCard(page, name);
    await card.locator('summary', { hasText: /^Ansæt$/ }).click();
    await expect(card.getByLabel('Første arbejdsdag')).toHaveValue(rc.contract.startDate);
    await card.getByLabel('Timer om ugen').fill(String(hours));
    await card.getByLabel('Ansættelsesform').selectOption('flexjob');
    await card.getByLabel('Ansat hos').selectOption(i < 3 ? { label: rc.suppliers.flexVirk.name } : { label: 'Hos os selv' });
    if (i === 0) await shoot(page, 'supplier-candidates');
    await card.getByRole('button', { name: 'Registrér ansættelse' }).click();
    await expect(page.getByRole('status')).toContainText(`${name} er registreret som ansat`);
  }
  for (const name of CANDIDATE_NAMES.slice(HIRED, SHORTLISTED)) {
    const card = candidateCard(page, name);
    await card.locator('summary', { hasText: /^Afvis$/ }).click();
    await card.getByLabel('Årsag').selectOption('hours');
    await card.getByLabel('Bemærkning (frivilligt)').fill('Ønsker kun morgenkørsel.');
    await card.getByRole('button', { name: 'Afvis kandidaten' }).click();
    await expect(page.getByRole('status')).toContainText(`${name} er registreret som afvist`);
  }
  await page.goto(new URL(link).pathname);
  await expect(page.locator('section.klausul-candidate').filter({ hasText: 'Ansat' })).toHaveCount(HIRED);

  // The figures of DOMAIN.md: 16 hires and 186 h/week on a clause of 13 x 10 h = 130 h.
  const placements = await placementsOf(rc.clients.hr, rc.contract.id);
  expect(placements).toHaveLength(HIRED);
  expect(placements.reduce((sum, p) => sum + p.weeklyHours, 0)).toBe(186);
  expect(placements.filter((p) => p.partner?.id === rc.contract.partnerId).map((p) => p.employeeName).sort()).toEqual(CANDIDATE_NAMES.slice(0, 3).slice().sort());
  await page.goto('/supplier');
  await expect(page.locator('.klausul-count')).toHaveText('16 af 13 ansættelser og 186 af 130 timer om ugen');
  await shoot(page, 'supplier-start');
});

test("the unit's overview and the contract page read 16 / 13 hires and 186 / 130 hours for the supplier", async ({ page }) => {
  await signIn(page, rc.people.employment);
  await page.goto(`/unit?supplierId=${rc.suppliers.winner.id}`);
  const row = page.locator('main table.klausul-contracts tbody tr').filter({ has: page.locator(`a[href="/unit/contracts/${rc.contract.id}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(3)).toHaveText('16 / 13');
  await expect(row.locator('td').nth(4)).toHaveText('186 / 130');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/unit/contracts/${rc.contract.id}$`));
  await expect(page.locator('main')).toContainText('I alt 16 af 13 ansættelser og 186 af 130 timer om ugen.');
  await expect(page.locator('main svg[role="img"]')).toHaveCount(2);
});

test('the jobcenter contact sees where each of its 20 candidates stands', async ({ page }) => {
  await page.goto(`/jobcenter/job-orders/${jobOrderId}`);
  await signIn(page, rc.people.jobcenter);
  const states = page.locator('ul.bordered-list > li');
  await expect(states).toHaveCount(CANDIDATE_NAMES.length);
  await expect(states.filter({ hasText: /Status\s*Ansat/ })).toHaveCount(HIRED);
  await expect(states.filter({ hasText: 'Ikke ansat af leverandøren' })).toHaveCount(SHORTLISTED - HIRED);
  await expect(states.filter({ hasText: 'Foreslået, afventer matchmaking-enheden' })).toHaveCount(CANDIDATE_NAMES.length - SHORTLISTED);
  // The hire's terms are the supplier's and the unit's: the jobcenter sees no hours of the placements.
  await expect(page.locator('main')).not.toContainText('186');
});

/** Opens the monthly mail's confirmation link of `period` in a fresh, signed-out phone-sized page. */
async function openMonthlyLink(page: Page, period: string, after: Date): Promise<void> {
  const mail = await waitForMail({ to: rc.people.hr.email, subjectIncludes: `Månedlig opfølgning ${period}`, after });
  await page.setViewportSize(PHONE);
  await page.goto(linkTo(mail.links, /^\/confirm\/[^/]+$/));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bekræft jeres ansatte');
}

test('the month the contract started: the run, the supplier confirms without change in one action on the phone, the caseworker concludes with upskilling, the meeting pack holds 16 / 13 and 186 / 130', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const period = monthAfter(rc.contract.startDate, 0);
  const before = await placementsOf(rc.clients.employment, rc.contract.id);
  const started = new Date();
  await runMonthlyReviews(rc, period);
  await openMonthlyLink(page, period, started);
  await expect(page.locator('fieldset legend')).toHaveCount(HIRED);
  const act = new UserActions(page);
  await act.click(page.getByRole('button', { name: 'Bekræft' }));
  expect(act.count).toBe(1);
  test.info().annotations.push({ type: 'actions', description: `no change: ${act.count} action` });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('er bekræftet');
  await expect(page.locator('li.card').filter({ hasText: 'Stadig ansat' })).toHaveCount(HIRED);
  expect(await placementsOf(rc.clients.employment, rc.contract.id)).toEqual(before);

  // The employment caseworker prepares the monthly meeting on a laptop.
  const review = await reviewOf(rc, period);
  const programme = await upskillingProgramme(rc, `Kørekort D1 (${rc.tag})`);
  const laptop = await browser.newContext({ baseURL: new URL(page.url()).origin, viewport: { width: 1280, height: 800 } });
  const unit = await laptop.newPage();
  try {
    await unit.goto('/unit/reviews');
    await signIn(unit, rc.people.employment);
    await unit.goto(`/unit/reviews?period=${period}`);
    await expect(unit.locator(`main a[href="/unit/reviews/${review.id}"]`).first()).toBeVisible();
    await concludeReview(unit, review.id, {
      discussion: 'Alle 16 er i job; morgenruterne fungerer.',
      actions: ['Tilbyd opkvalificering'],
      programme: programme.name,
      noteToSupplier: 'Tak for en god start. Vi tilbyder kørekort D1 til to chauffører.',
    });
    await expect(unit.getByRole('status')).toContainText('Opfølgningen er afsluttet');
    await expect(unit.locator('main')).toContainText(programme.name);

    const xlsx = await downloadMeetingPack(unit, period, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Kontrakter')!;
    const rows = [...Array(sheet.rowCount - 1).keys()].map((k) => sheet.getRow(k + 2));
    const winner = rows.find((row) => row.getCell(1).value === rc.tender.title && row.getCell(2).value === rc.suppliers.winner.name);
    expect(winner, 'the winner contract in the pack').toBeTruthy();
    expect([5, 6, 7, 8].map((c) => winner!.getCell(c).value)).toEqual([16, 13, 186, 130]);
    const employees = workbook.getWorksheet('Medarbejdere')!;
    const ours = [...Array(employees.rowCount - 1).keys()].map((k) => employees.getRow(k + 2)).filter((row) => row.getCell(1).value === rc.tender.title);
    expect(ours.map((row) => row.getCell(3).value).sort()).toEqual(CANDIDATE_NAMES.slice(0, HIRED).slice().sort());
    expect(ours.reduce((sum, row) => sum + Number(row.getCell(7).value), 0)).toBe(186);
  } finally {
    await laptop.close();
  }
});

test('the monthly confirmation on a 375 x 667 phone, without login: one leaver and one hours change in at most 6 actions', async ({ page }) => {
  const period = monthAfter(rc.contract.startDate, 1);
  const started = new Date();
  const run = await runMonthlyReviews(rc, period);
  expect(run.requestsQueued).toBeGreaterThan(0);
  await openMonthlyLink(page, period, started);
  await expect(page.locator('fieldset legend')).toHaveCount(HIRED);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  await shoot(page, 'supplier-confirmation');

  const act = new UserActions(page);
  const leaver = employeeFieldset(page, LEAVER);
  const endDate = `${period}-20`;
  await act.click(leaver.locator('summary'));
  await act.fill(leaver.getByLabel('Sidste arbejdsdag'), endDate);
  await act.selectOption(leaver.getByLabel('Årsag'), 'moved_to_ordinary_job');
  await act.fill(employeeFieldset(page, HOURS_CHANGED).getByLabel('Timer pr. uge'), '12');
  await act.click(page.getByRole('button', { name: 'Bekræft' }));
  expect(act.count, act.log.join('\n')).toBeLessThanOrEqual(6);
  test.info().annotations.push({ type: 'actions', description: `leaver + hours change: ${act.count} actions` });

  await expect(page).toHaveURL(/\/confirm\/[^/]+\/receipt$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('er bekræftet');
  const recorded = (name: string) => page.locator('li.card').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(recorded(LEAVER)).toContainText('Fratrådt, sidste arbejdsdag');
  await expect(recorded(LEAVER)).toContainText('Gået til et ordinært job');
  await expect(recorded(HOURS_CHANGED)).toContainText('nu 12 timer pr. uge');
  await expect(recorded(CANDIDATE_NAMES[1])).toContainText('Stadig ansat, 10 timer pr. uge');
  await shoot(page, 'supplier-receipt');

  // What the confirmation did (REST): the leaver's placement ended, the hours changed from the month's first day.
  const placements = await placementsOf(rc.clients.employment, rc.contract.id);
  expect(placements.filter((p) => p.state !== 'active').map((p) => p.employeeName)).toEqual([LEAVER]);
  const placement = (name: string) => rc.clients.employment.get<Placement>(`/placements/${placements.find((p) => p.employeeName === name)!.id}`);
  expect(await placement(LEAVER)).toMatchObject({ state: 'ended', endDate, endReason: 'moved_to_ordinary_job' });
  const changed = await placement(HOURS_CHANGED);
  expect(changed.weeklyHours).toBe(12);
  expect(changed.hoursHistory).toEqual([
    { effectiveFrom: rc.contract.startDate, weeklyHours: 10 },
    { effectiveFrom: `${period}-01`, weeklyHours: 12 },
  ]);
  const active = placements.filter((p) => p.state === 'active');
  expect([active.length, active.reduce((sum, p) => sum + p.weeklyHours, 0)]).toEqual([HIRED - 1, 186 - 12 + 2]);
});
