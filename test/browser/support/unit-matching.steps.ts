import { expect, type Page } from '@playwright/test';

/**
 * Phase 2 in the browser, one step a function, as the unit does it on its pages (signed in
 * already: procurement forwards, the employment caseworker moves candidates). Each step
 * starts from the page it needs and ends after the post/redirect/get without errors:
 *
 *   await forwardJobOrder(page, jobOrderId);                 // procurement, every active channel
 *   await shortlist(page, jobOrderId, names.slice(0, 18));  // employment
 *   await decline(page, jobOrderId, names.slice(18), 'Ønsker kun morgenture');
 *   await releaseShortlist(page, jobOrderId);
 */

const noErrors = (page: Page) => expect(page.locator('[data-module="error-summary"]')).toHaveCount(0);

/** Forwards a submitted job description; `channels` (names as the checkboxes read) narrows it, else every active channel stays ticked. */
export async function forwardJobOrder(page: Page, jobOrderId: string, channels?: readonly string[]): Promise<void> {
  await page.goto(`/unit/job-orders/${jobOrderId}`);
  const form = page.locator(`form[action="/unit/job-orders/${jobOrderId}/forward"]`);
  if (channels) {
    for (const box of await form.locator('input[name="channelIds"]').all()) {
      const label = (await form.locator(`label[for="${await box.getAttribute('id')}"]`).textContent()) ?? '';
      await box.setChecked(channels.some((name) => label.includes(name)), { force: true });
    }
  }
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/unit/job-orders/${jobOrderId}\\?saved=forwarded$`));
  await noErrors(page);
}

/** One candidate card of the pipeline, by the name on it. */
function card(page: Page, name: string) {
  return page.locator('main article.klausul-candidate').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** Moves each named candidate with its card's select (the pipeline is opened again for each, as after a redirect). */
async function move(page: Page, jobOrderId: string, names: readonly string[], event: 'shortlist' | 'decline' | 'withdraw', note?: string): Promise<void> {
  const pipeline = `/unit/job-orders/${jobOrderId}/candidates`;
  if (!page.url().includes(pipeline)) await page.goto(pipeline);
  for (const name of names) {
    const form = card(page, name).locator('form.klausul-move');
    await form.locator('select[name="event"]').selectOption(event);
    if (note) await form.locator('textarea[name="note"]').fill(note);
    await form.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/unit/job-orders/${jobOrderId}/candidates\\?moved=${event}&candidate=`));
    await noErrors(page);
  }
}

/** Shortlists the named proposed candidates for the supplier (employment caseworker). */
export function shortlist(page: Page, jobOrderId: string, names: readonly string[]): Promise<void> {
  return move(page, jobOrderId, names, 'shortlist');
}

/** Declines the named proposed candidates with a reason the supplier never sees. */
export function decline(page: Page, jobOrderId: string, names: readonly string[], reason = 'Passer ikke til arbejdstiden'): Promise<void> {
  return move(page, jobOrderId, names, 'decline', reason);
}

/** Releases the shortlist to the supplier from the pipeline; lands on the job description. */
export async function releaseShortlist(page: Page, jobOrderId: string): Promise<void> {
  await page.goto(`/unit/job-orders/${jobOrderId}/candidates`);
  await page.locator(`main form[action="/unit/job-orders/${jobOrderId}/send-shortlist"] button[type="submit"]`).click();
  await expect(page).toHaveURL(new RegExp(`/unit/job-orders/${jobOrderId}\\?saved=shortlistSent$`));
  await noErrors(page);
}
