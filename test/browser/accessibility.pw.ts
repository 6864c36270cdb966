import type { Page } from '@playwright/test';
import { forwardedJobOrder, proposeCandidates, type ReferenceCase, seedReferenceCase } from './support/api';
import { expect, test } from './support/fixtures';
import { fillProposal, proposalFor, signIn } from './support/journeys';
import { waitForMail } from './support/mailbox';
import { checkStates, type PageState, submitForm, watchCsp } from './support/page-checks';
import { shoot } from './support/screenshots';

/**
 * axe-core (WCAG 2.1 A and AA) finds nothing on any page, in Danish and English, at 1280
 * and 375 px, including every form shown with its errors; no page scrolls sideways at 375 px;
 * every HTML answer carries the strict CSP. This file: the public and account pages, the
 * jobcenter's pages and the unit's start page; accessibility-supplier.pw.ts: the supplier's
 * and the monthly pages.
 */
test.describe.configure({ mode: 'serial' });

let rc: ReferenceCase;
let jobOrderId: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  rc = await seedReferenceCase();
  const order = await forwardedJobOrder(rc, { title: 'Buspasser til skolekørsel' });
  jobOrderId = order.id;
  await proposeCandidates(rc, order.id, 2);
});

const get = (path: string, status = 200): PageState => ({ label: `GET ${path.replace(/[0-9a-f-]{36}|[A-Za-z0-9_-]{30,}/g, ':id')}`, show: (page) => page.goto(path), status });

/** Posts the page's (only) form with what `fill` typed, by its submit button; the answer shows the form's errors unless it is a 404 or 410. */
function posted(label: string, path: string, fill: (page: Page) => Promise<void>, status = 400): PageState {
  return {
    label,
    status,
    errors: status !== 404 && status !== 410,
    show: async (page) => {
      await page.goto(path);
      await fill(page);
      return submitForm(page, () => page.locator('main form[method="post"] button[type="submit"]').last().click());
    },
  };
}

test('the public and account pages: login, forgotten password, reset, invitation, change of password, accessibility statement, error pages', async ({ page }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);

  // A reset link for the HR contact and an invitation, as the mails bring them.
  const asked = new Date();
  await page.goto('/forgot-password');
  await page.locator('input[name="email"]').fill(rc.people.otherHr.email);
  await page.locator('main form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/forgot-password\/sent$/);
  const reset = await waitForMail({ to: rc.people.otherHr.email, subjectIncludes: 'Nulstil', after: asked });
  const resetPath = new URL(reset.links.find((l) => l.includes('/reset-password/'))!).pathname;
  const invitee = `inviteret.${rc.tag}@example.dk`;
  await rc.clients.admin.post('/invitations', { email: invitee, role: 'supplier_hr', supplierId: rc.suppliers.winner.id, displayName: 'Kirsten Hald' });
  const invitation = await waitForMail({ to: invitee, subjectIncludes: 'inviteret', after: asked });
  const invitationPath = new URL(invitation.links.find((l) => l.includes('/invitation/'))!).pathname;

  await page.goto('/login');
  await shoot(page, 'login');

  await checkStates(page, [
    get('/login'),
    posted('login, wrong password', '/login', async (p) => {
      await p.locator('input[name="email"]').fill(`ingen.${rc.tag}@example.dk`);
      await p.locator('input[name="password"]').fill('forkert adgangskode');
    }, 401),
    posted('login, nothing typed', '/login', async () => undefined),
    get('/forgot-password'),
    posted('forgotten password, not an address', '/forgot-password', async (p) => p.locator('input[name="email"]').fill('ikke en adresse')),
    get('/forgot-password/sent'),
    get(resetPath),
    posted('reset, passwords differ', resetPath, async (p) => {
      await p.locator('input[name="password"]').fill('en lang ny adgangskode');
      await p.locator('input[name="passwordRepeat"]').fill('en anden lang adgangskode');
    }),
    posted('reset, too short', resetPath, async () => undefined),
    // A link that is not one says so when opened, before anyone types a password.
    get('/reset-password/not-a-real-link', 404),
    get(invitationPath),
    posted('invitation, too short', invitationPath, async (p) => p.locator('input[name="password"]').fill('kort')),
    get('/invitation/not-a-real-link', 404),
    get('/tilgaengelighed'),
    get('/confirm/not-a-real-link', 404),
    get('/jobcenter', 200), // not signed in: the login page, with the return path
  ]);

  // Signed in: change of password, the error page for a page that does not exist.
  await signIn(page, rc.people.employment);
  await checkStates(page, [
    get('/account/password'),
    posted('change password, nothing typed', '/account/password', async () => undefined),
    posted('change password, wrong current password', '/account/password', async (p) => {
      await p.locator('input[name="currentPassword"]').fill('ikke den rigtige adgangskode');
      await p.locator('input[name="newPassword"]').fill('en helt ny og lang adgangskode');
      await p.locator('input[name="newPasswordRepeat"]').fill('en helt ny og lang adgangskode');
    }),
    get('/unit'),
    get('/no-such-page', 404),
    get(`/jobcenter/job-orders/${crypto.randomUUID()}`, 404),
  ]);

  // A procurement caseworker invites suppliers' HR contacts.
  await page.getByRole('button', { name: /^(Log ud|Sign out)$/ }).click();
  await signIn(page, rc.people.procurement);
  await checkStates(page, [
    get('/unit/invitations'),
    get('/unit/invitations/new'),
    posted('invitation, nothing chosen', '/unit/invitations/new', async () => undefined),
  ]);
  expect(csp.count()).toBeGreaterThan(40);
  csp.expectAllStrict();
});

test("the jobcenter's pages: inbox, job order, proposal form, the form with its errors, the job order after a proposal", async ({ page }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.jobcenter);
  const order = `/jobcenter/job-orders/${jobOrderId}`;
  const propose = `${order}/propose`;
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(2048, 1)]);
  await checkStates(page, [
    get('/jobcenter'),
    get(order),
    get(propose),
    posted('proposal, nothing filled in', propose, async () => undefined),
    posted('proposal, a CPR number and a program as CV', propose, async (p) => {
      await fillProposal(p, { ...proposalFor('Mette Berg', 0), application: 'Mit personnummer er 010190-1234', cv: { name: 'cv.pdf', mimeType: 'application/pdf', buffer: exe } });
      await p.locator('#availableWeeklyHours').fill('40');
    }),
    {
      label: 'job order after a proposal',
      show: async (p) => {
        await p.goto(propose);
        await fillProposal(p, proposalFor('Mette Berg', 1));
        const shown = await submitForm(p, () => p.locator('main form button[type="submit"]').click());
        await expect(p).toHaveURL(/\?proposed=1$/);
        return shown;
      },
    },
  ]);
  expect(csp.count()).toBeGreaterThan(12);
  csp.expectAllStrict();
});
