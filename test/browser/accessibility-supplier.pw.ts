import type { Page } from '@playwright/test';
import { forwardedJobOrder, hire, jobOrderBody, proposeCandidates, type ReferenceCase, releaseShortlist, runMonthlyReviews, seedReferenceCase } from './support/api';
import { expect, test } from './support/fixtures';
import { monthAfter, signIn } from './support/journeys';
import { waitForMail } from './support/mailbox';
import { checkStates, type PageState, submitForm, watchCsp } from './support/page-checks';

/**
 * As accessibility.pw.ts, for the supplier's pages and the monthly confirmation: every page
 * in Danish and English, each form with its errors, 0 axe violations, no sideways scrolling
 * at 375 px, a strict CSP on every answer. The data is the reference case's contract with a
 * draft, a returned and a forwarded job description whose candidates are in every state.
 */
test.describe.configure({ mode: 'serial' });

let rc: ReferenceCase;
const ids = {} as {
  draft: string;
  returned: string;
  order: string;
  shortlisted: string;
  interview: string;
  activePlacement: string;
  review: string;
  confirmPath: string;
};

test.beforeAll(async () => {
  test.setTimeout(90_000);
  rc = await seedReferenceCase();
  const hr = rc.clients.hr;
  ids.draft = (await hr.post<{ id: string }>(`/contracts/${rc.contract.id}/job-orders`, jobOrderBody({ title: 'Rengøring af busser', startDate: rc.contract.startDate }))).id;
  const returned = await hr.post<{ id: string }>(`/contracts/${rc.contract.id}/job-orders`, jobOrderBody({ title: 'Vognmandsassistent' }));
  await hr.post(`/job-orders/${returned.id}/submit`);
  await rc.clients.procurement.post(`/job-orders/${returned.id}/return`, { comment: 'Skriv venligst arbejdstiden for morgen- og eftermiddagsruterne.\nAngiv også, om kørekort D1 er et krav.' });
  ids.returned = returned.id;

  const order = await forwardedJobOrder(rc, { title: 'Chauffør til kørsel med kørestolsbrugere', startDate: rc.contract.startDate });
  ids.order = order.id;
  const [hired, interview, rejected, shortlisted, leaver] = await proposeCandidates(rc, order.id, 5, (i) => ({ name: ['Anne Kjær', 'Bo Mikkelsen', 'Camilla Holt', 'Dennis Vang', 'Eva Lund'][i - 1] }));
  await releaseShortlist(rc, order.id, [hired, interview, rejected, shortlisted, leaver].map((c) => c.id));
  ids.activePlacement = await hire(rc, hired.id, { weeklyHours: 12, throughPartner: true });
  const ended = await hire(rc, leaver.id, { weeklyHours: 10 });
  await hr.post(`/placements/${ended}/end`, { endDate: monthAfter(rc.contract.startDate, 0) + '-20', reason: 'moved_to_ordinary_job' });
  await hr.post(`/candidates/${interview.id}/interview`, { interviewOn: rc.contract.startDate });
  await hr.post(`/candidates/${rejected.id}/reject`, { reason: 'hours', note: 'Kan kun køre om morgenen' });
  ids.interview = interview.id;
  ids.shortlisted = shortlisted.id;

  const period = monthAfter(rc.contract.startDate, 1);
  const started = new Date();
  await runMonthlyReviews(rc, period);
  const mail = await waitForMail({ to: rc.people.hr.email, subjectIncludes: `Månedlig opfølgning ${period}`, after: started });
  ids.confirmPath = new URL(mail.links.find((l) => l.includes('/confirm/'))!).pathname;
  const reviews = await rc.clients.employment.get<{ items: { id: string; period: string }[] }>(`/reviews?contractId=${rc.contract.id}&period=${period}`);
  ids.review = reviews.items[0].id;
});

const get = (label: string, path: string, status = 200): PageState => ({ label, show: (page) => page.goto(path), status });

/** Opens a candidate's (or employee's) form in its <details>, lets `fill` change it, and posts it. */
function detailsForm(label: string, path: string, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>): PageState {
  return {
    label,
    status: 400,
    errors: true,
    show: async (page) => {
      await page.goto(path);
      const form = page.locator(`form[action="${action}"]`);
      await form.locator('xpath=ancestor::details[1]/summary').click();
      await fill(form);
      return submitForm(page, () => form.locator('button[type="submit"]').click());
    },
  };
}

/** Posts the page's main form (the last submit button of the main column) after `fill`. */
function posted(label: string, path: string, fill: (page: Page) => Promise<void>): PageState {
  return {
    label,
    status: 400,
    errors: true,
    show: async (page) => {
      await page.goto(path);
      await fill(page);
      return submitForm(page, () => page.locator('main form[method="post"] button[type="submit"]').last().click());
    },
  };
}

/** A leaver with a reason and no last day: the confirmation refuses it, linked to the date. */
async function leaverWithoutDate(page: Page): Promise<void> {
  await page.locator('main details summary').first().click();
  await page.locator('main select[name^="reason-"]').first().selectOption('resigned');
}

test("the supplier's pages: start, job descriptions (new, draft, returned, forwarded, edit, close, cancel), candidates and employees, each form with its errors", async ({ page }) => {
  test.setTimeout(150_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.hr);
  const candidates = `/supplier/job-orders/${ids.order}/candidates`;
  const employees = `/supplier/contracts/${rc.contract.id}/employees`;
  await checkStates(page, [
    get('start page', '/supplier'),
    get('job descriptions', '/supplier/job-orders'),
    get('new job description', `/supplier/contracts/${rc.contract.id}/job-orders/new`),
    posted('new job description, nothing filled in', `/supplier/contracts/${rc.contract.id}/job-orders/new`, async () => undefined),
    posted('new job description, bad numbers', `/supplier/contracts/${rc.contract.id}/job-orders/new`, async (p) => {
      await p.locator('#title').fill('Chauffør');
      await p.locator('#positions').fill('0');
      await p.locator('#weeklyHours').fill('50');
      await p.locator('#tasks').fill('Personnummer 010190-1234');
    }),
    get('draft', `/supplier/job-orders/${ids.draft}`),
    get('draft, edit', `/supplier/job-orders/${ids.draft}/edit`),
    posted('draft, edit with the title emptied', `/supplier/job-orders/${ids.draft}/edit`, (p) => p.locator('#title').fill('')),
    get('draft, cancel?', `/supplier/job-orders/${ids.draft}/cancel`),
    get('returned with the comment', `/supplier/job-orders/${ids.returned}`),
    get('forwarded', `/supplier/job-orders/${ids.order}`),
    get('forwarded, close?', `/supplier/job-orders/${ids.order}/close`),
    get('candidates', candidates),
    detailsForm('candidates, interview without a date', candidates, `/supplier/candidates/${ids.shortlisted}/interview`, async () => undefined),
    detailsForm('candidates, hire without hours or form of employment', candidates, `/supplier/candidates/${ids.interview}/hire`, (form) => form.locator('input[name="weeklyHours"]').fill('')),
    detailsForm('candidates, reject without a reason', candidates, `/supplier/candidates/${ids.shortlisted}/reject`, async () => undefined),
    get('employees', employees),
    detailsForm('employees, new hours left empty', employees, `${employees}/${ids.activePlacement}/hours`, (form) => form.locator('input[name^="hours-"]').fill('')),
    detailsForm('employees, end without a date or reason', employees, `${employees}/${ids.activePlacement}/end`, async () => undefined),
    get('a job description that is not there', `/supplier/job-orders/${crypto.randomUUID()}`, 404),
  ]);
  expect(csp.count()).toBeGreaterThan(40);
  csp.expectAllStrict();
});

test('the monthly confirmation: by the signed link and signed in, with its errors, then the receipts', async ({ page }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  await checkStates(page, [
    get('confirmation by link', ids.confirmPath),
    posted('confirmation by link, a leaver without a last day', ids.confirmPath, leaverWithoutDate),
    posted('confirmation by link, hours that cannot be', ids.confirmPath, (p) => p.locator('main input[name^="hours-"]').first().fill('99')),
  ]);
  await signIn(page, rc.people.hr);
  const signedIn = `/supplier/reviews/${ids.review}`;
  await checkStates(page, [
    get('start page with a confirmation waiting', '/supplier'),
    get('confirmation signed in', signedIn),
    posted('confirmation signed in, a leaver without a last day', signedIn, leaverWithoutDate),
  ]);
  // Confirmed: the receipts, and the link opened again shows what was recorded.
  await page.goto(signedIn);
  await page.locator('main form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/receipt$/);
  await checkStates(page, [get('receipt signed in', `${signedIn}/receipt`), get('receipt by link', `${ids.confirmPath}/receipt`), get('link after the confirmation', ids.confirmPath)]);
  expect(csp.count()).toBeGreaterThan(15);
  csp.expectAllStrict();
});
