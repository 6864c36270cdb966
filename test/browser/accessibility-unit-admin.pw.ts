import type { Page } from '@playwright/test';
import { type ReferenceCase, seedReferenceCase } from './support/api';
import { expect, test } from './support/fixtures';
import { adminPerson, signIn } from './support/journeys';
import { checkStates, type PageState, submitForm, watchCsp } from './support/page-checks';

/**
 * The administration pages and the message log: every page in Danish and English, each
 * form with its errors shown, the API key shown once, 0 axe violations, no sideways
 * scrolling at 375 px, a strict CSP. The data is the reference case's municipality.
 */
test.describe.configure({ mode: 'serial' });

let rc: ReferenceCase;
let messageId: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  rc = await seedReferenceCase();
  await rc.clients.admin.post('/jobcenter-channels', { kind: 'webhook', name: `Jobcentrets fagsystem (${rc.tag})`, address: 'https://jobcenter.example.dk/klausul', secret: 'a-secret-of-at-least-16-characters' });
  await rc.clients.admin.post('/api-keys', { name: `Fagsystem (${rc.tag})`, role: 'jobcenter_contact' });
  messageId = (await rc.clients.admin.get<{ items: { id: string }[] }>('/messages?limit=1')).items[0].id;
});

const get = (label: string, path: string, status = 200): PageState => ({ label, show: (page) => page.goto(path), status });

/** Posts the form with this action (its submit button) after `fill`, expecting its errors. */
function posted(label: string, path: string, action: string, fill: (page: Page) => Promise<void> = async () => undefined, status = 400): PageState {
  return {
    label,
    status,
    errors: status >= 400,
    show: async (page) => {
      await page.goto(path);
      await fill(page);
      return submitForm(page, () => page.locator(`main form[action="${action}"] button[type="submit"]`).first().click());
    },
  };
}

test('the administration pages and the message log, each form with its errors', async ({ page }) => {
  test.setTimeout(180_000);
  const csp = watchCsp(page);
  await signIn(page, adminPerson());
  const hr = `/unit/admin/users/${rc.people.hr.id}`;
  await checkStates(page, [
    get('administration index', '/unit/admin'),
    get('users', '/unit/admin/users'),
    get('users, supplier HR contacts', '/unit/admin/users?role=supplier_hr&active=true'),
    get('a user', hr),
    posted('a user, the name emptied', hr, hr, (p) => p.locator('#displayName').fill('')),
    posted('a user, deactivate without the confirmation', hr, `${hr}/deactivate`),
    get('invitations, with the administration menu', '/unit/invitations'),
    get('a new invitation, with the administration menu', '/unit/invitations/new'),
    get('API keys', '/unit/admin/api-keys'),
    posted('API keys, a new key with nothing filled in', '/unit/admin/api-keys', '/unit/admin/api-keys'),
    posted('API keys, the new key shown once', '/unit/admin/api-keys', '/unit/admin/api-keys', async (p) => {
      await p.locator('#name').fill(`Integration (${rc.tag})`);
      await p.locator('#role').selectOption('jobcenter_contact');
    }, 200),
    get('channels', '/unit/admin/channels'),
    get('channels, removed', '/unit/admin/channels?show=removed'),
    posted('channels, a webhook without a URL or secret', '/unit/admin/channels', '/unit/admin/channels', async (p) => {
      await p.locator('#kind-webhook').check();
      await p.locator('#name').fill('Fagsystem');
    }),
    get('settings', '/unit/admin/settings'),
    posted('settings, a working day and a time that cannot be', '/unit/admin/settings', '/unit/admin/settings/follow-up', async (p) => {
      await p.locator('#reviewRunWorkingDay').fill('11');
      await p.locator('#reviewRunTime').fill('25:00');
    }),
    posted('settings, a share over 100 per cent', '/unit/admin/settings', '/unit/admin/settings/targets', (p) => p.locator('#clauseSharePercent').fill('120')),
    posted('settings, a review run without a month', '/unit/admin/settings', '/unit/admin/settings/review-run', async (p) => {
      // A month the page does not offer (the select left empty), as a hand-made post would send.
      await p.evaluate(`document.querySelector('#period').innerHTML = '<option value="">-</option>'`);
    }),
    get('audit trail', '/unit/admin/audit'),
    get('audit trail, reads', '/unit/admin/audit?kind=read'),
    get('audit trail, a filter that is not one', '/unit/admin/audit?kind=everything', 400),
    get('message log', '/unit/messages'),
    get('message log, failed', '/unit/messages?status=failed'),
    get('a message', `/unit/messages/${messageId}`),
  ]);
  expect(csp.count()).toBeGreaterThan(40);
  csp.expectAllStrict();
});

test('the key is on its own answer only, never cached and never shown again', async ({ page }) => {
  await signIn(page, adminPerson());
  await page.goto('/unit/admin/api-keys');
  await page.locator('#name').fill(`Engangsnøgle (${rc.tag})`);
  await page.locator('#role').selectOption('admin');
  const answer = await submitForm(page, () => page.locator('main form[action="/unit/admin/api-keys"] button[type="submit"]').click());
  expect(answer.headers()['cache-control']).toBe('no-store');
  const key = await page.locator('#api-key').textContent();
  expect(key).toBeTruthy();
  await page.goto('/unit/admin/api-keys');
  await expect(page.locator('main')).not.toContainText(key!);
});
