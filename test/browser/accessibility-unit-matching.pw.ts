import type { Page } from '@playwright/test';
import { forwardedJobOrder, jobOrderBody, proposeCandidates, type ReferenceCase, seedReferenceCase } from './support/api';
import { expect, test } from './support/fixtures';
import { signIn } from './support/journeys';
import { checkStates, type PageState, submitForm, watchCsp } from './support/page-checks';
import { decline, forwardJobOrder, releaseShortlist, shortlist } from './support/unit-matching.steps';

/**
 * Phase 2's pages for the unit (job descriptions, their event forms, the candidate
 * pipeline, upskilling): every page in Danish and English, each form with its errors shown,
 * 0 axe violations, no sideways scrolling at 375 px, a strict CSP. Then the forward and the
 * shortlist of a job description in the browser, as the unit does it.
 */
test.describe.configure({ mode: 'serial' });

let rc: ReferenceCase;
const ids = {} as { submitted: string; forwarded: string; programme: string; enrolled: string; completed: string };

test.beforeAll(async () => {
  test.setTimeout(90_000);
  rc = await seedReferenceCase();
  const hr = rc.clients.hr;
  const submitted = await hr.post<{ id: string }>(`/contracts/${rc.contract.id}/job-orders`, jobOrderBody({ title: 'Vognmandsassistent' }));
  await hr.post(`/job-orders/${submitted.id}/submit`);
  ids.submitted = submitted.id;
  const order = await forwardedJobOrder(rc, { title: 'Chauffør til kørsel med kørestolsbrugere' });
  ids.forwarded = order.id;
  const [a, b, c, d] = await proposeCandidates(rc, order.id, 5, (i) => ({ name: ['Anne Kjær', 'Bo Mikkelsen', 'Camilla Holt', 'Dennis Vang', 'Eva Lund'][i - 1] }));
  const employment = rc.clients.employment;
  await employment.post(`/candidates/${a.id}/shortlist`);
  await employment.post(`/candidates/${b.id}/shortlist`);
  await employment.post(`/candidates/${c.id}/decline`, { note: 'Ønsker kun morgenture' });
  await employment.post(`/candidates/${d.id}/withdraw`);
  const programme = await employment.post<{ id: string }>('/upskilling/programmes', { name: 'OPI-træningscenter, rengøring', capacity: 15, maxDurationMonths: 18, partnerSupplierIds: [rc.suppliers.flexVirk.id] });
  ids.programme = programme.id;
  const enrol = (name: string) => employment.post<{ id: string }>(`/upskilling/programmes/${programme.id}/participants`, { name, startDate: rc.contract.startDate });
  ids.enrolled = (await enrol('Mette Jensen')).id;
  ids.completed = (await enrol('Ali Hassan')).id;
  await employment.post(`/upskilling/participants/${ids.completed}/complete`, { endDate: rc.contract.startDate, outcome: 'practicum' });
});

const get = (label: string, path: string, status = 200): PageState => ({ label, show: (page) => page.goto(path), status });

/** Posts the form posting to `action` after `fill`, expecting its errors. */
function posted(label: string, path: string, action: string, fill: (page: Page) => Promise<void> = async () => undefined, status = 400): PageState {
  return {
    label,
    status,
    errors: true,
    show: async (page) => {
      await page.goto(path);
      await fill(page);
      return submitForm(page, () => page.locator(`main form[action="${action}"] button[type="submit"]`).last().click());
    },
  };
}

test('the job description pages: lists, a submitted and a forwarded one, the forward and return forms with their errors, confirmations', async ({ page }) => {
  test.setTimeout(180_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.procurement);
  const submitted = `/unit/job-orders/${ids.submitted}`;
  const forwarded = `/unit/job-orders/${ids.forwarded}`;
  await checkStates(page, [
    get('to forward', '/unit/job-orders?view=to-forward'),
    get('forwarded', '/unit/job-orders?view=forwarded'),
    get('all', '/unit/job-orders?view=all'),
    get('submitted job description with forward and return forms', submitted),
    posted('forward with no channel ticked', submitted, `${submitted}/forward`, async (p) => {
      for (const box of await p.locator('main input[name="channelIds"]').all()) await box.setChecked(false, { force: true });
    }),
    posted('return without a comment', submitted, `${submitted}/return`),
    get('forwarded job description with its timeline', forwarded),
    get('close?', `${forwarded}/close`),
    get('cancel?', `${forwarded}/cancel`),
    get('pipeline, procurement (no move forms)', `${forwarded}/candidates`),
    get('a job description that is not there', `/unit/job-orders/${crypto.randomUUID()}`, 404),
  ]);
  csp.expectAllStrict();
});

test('the pipeline and upskilling pages, each form with its errors', async ({ page }) => {
  test.setTimeout(180_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.employment);
  const pipeline = `/unit/job-orders/${ids.forwarded}/candidates`;
  const programme = `/unit/upskilling/${ids.programme}`;
  const participant = (id: string, step: string) => `/unit/upskilling/participants/${id}/${step}`;
  await checkStates(page, [
    get('pipeline with every stage', pipeline),
    get('pipeline, one stage', `${pipeline}?state=shortlisted`),
    {
      label: 'decline without a reason',
      status: 400,
      errors: true,
      show: async (p) => {
        await p.goto(pipeline);
        const form = p.locator('main form.klausul-move').first();
        await form.locator('select[name="event"]').selectOption('decline');
        return submitForm(p, () => form.locator('button[type="submit"]').click());
      },
    },
    get('upskilling programmes', '/unit/upskilling'),
    get('new programme', '/unit/upskilling/new'),
    posted('new programme, nothing filled in', '/unit/upskilling/new', '/unit/upskilling/new'),
    get('programme with participants', programme),
    posted('enrol, nothing filled in', programme, `${programme}/participants`),
    get('complete', participant(ids.enrolled, 'complete')),
    posted('complete, nothing filled in', participant(ids.enrolled, 'complete'), participant(ids.enrolled, 'complete')),
    get('drop out', participant(ids.enrolled, 'drop-out')),
    get('propose a completed participant', participant(ids.completed, 'propose')),
    posted('propose, nothing chosen', participant(ids.completed, 'propose'), participant(ids.completed, 'propose')),
  ]);
  csp.expectAllStrict();
});

test('forward, shortlist, decline and release in the browser', async ({ page }) => {
  test.setTimeout(120_000);
  const draft = await rc.clients.hr.post<{ id: string }>(`/contracts/${rc.contract.id}/job-orders`, jobOrderBody({ title: 'Chauffør, browser' }));
  await rc.clients.hr.post(`/job-orders/${draft.id}/submit`);
  await signIn(page, rc.people.procurement);
  await forwardJobOrder(page, draft.id);
  await expect(page.locator('main')).toContainText(/Videresendt|Forwarded/);
  const names = ['Freja Holm', 'Gustav Berg', 'Hanne Due'];
  await proposeCandidates(rc, draft.id, names.length, (i) => ({ name: names[i - 1] }));
  await page.context().clearCookies();
  await signIn(page, rc.people.employment);
  await shortlist(page, draft.id, names.slice(0, 2));
  await decline(page, draft.id, names.slice(2));
  await releaseShortlist(page, draft.id);
  const order = await rc.clients.employment.get<{ state: string }>(`/job-orders/${draft.id}`);
  expect(order.state).toBe('shortlist_sent');
  const candidates = await rc.clients.hr.get<{ items: { name: string }[] }>(`/job-orders/${draft.id}/candidates`);
  expect(candidates.items.map((c) => c.name).sort()).toEqual(names.slice(0, 2).sort());
});
