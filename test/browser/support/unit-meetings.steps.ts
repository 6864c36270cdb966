import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { ReferenceCase } from './reference-case.seed';

export { hireReferenceCase, runMonthlyReviews } from './matching.steps';
export { seedReferenceCase, type ReferenceCase } from './reference-case.seed';

interface ReviewRef {
  id: string;
  period: string;
  placements: { placementId: string; previousWeeklyHours: number }[];
}

/** The winner contract's review of a month (by REST, as the unit reads it). */
export async function reviewOf(rc: ReferenceCase, period: string): Promise<ReviewRef> {
  const page = await rc.clients.employment.get<{ items: ReviewRef[] }>(`/reviews?contractId=${rc.contract.id}&period=${period}`);
  return page.items[0];
}

/** The supplier confirms the month by REST: everyone still employed at the same hours (what one press of the button sends). */
export async function confirmUnchanged(rc: ReferenceCase, review: ReviewRef, note?: string): Promise<void> {
  await rc.clients.hr.post(`/reviews/${review.id}/confirmation`, {
    ...(note ? { note } : {}),
    placements: review.placements.map((p) => ({ placementId: p.placementId, stillEmployed: true, weeklyHours: p.previousWeeklyHours })),
  });
}

/** An upskilling programme of the unit's, to offer in a conclusion. */
export async function upskillingProgramme(rc: ReferenceCase, name: string, capacity = 15): Promise<{ id: string; name: string }> {
  return rc.clients.employment.post<{ id: string; name: string }>('/upskilling/programmes', { name, capacity, maxDurationMonths: 18 });
}

export interface Conclusion {
  discussion: string;
  challenges?: string;
  /** The actions' labels as the form shows them (e.g. "Tilbyd opkvalificering"). */
  actions?: string[];
  /** The programme's name, with offer upskilling. */
  programme?: string;
  breachNote?: string;
  noteToSupplier?: string;
}

/** A caseworker (signed in on `page`) concludes a review on its page; resolves on the page that says it is concluded. */
export async function concludeReview(page: Page, reviewId: string, c: Conclusion): Promise<void> {
  await page.goto(`/unit/reviews/${reviewId}`);
  const form = page.locator(`form[action="/unit/reviews/${reviewId}/conclude"]`);
  await form.locator('textarea[name="discussion"]').fill(c.discussion);
  if (c.challenges) await form.locator('textarea[name="challenges"]').fill(c.challenges);
  for (const action of c.actions ?? []) await form.getByLabel(action, { exact: true }).check();
  if (c.programme) {
    const select = form.locator('select[name="upskillingProgrammeId"]');
    const value = await select.locator('option', { hasText: c.programme }).first().getAttribute('value');
    await select.selectOption(value!);
  }
  if (c.breachNote) await form.locator('textarea[name="breachNote"]').fill(c.breachNote);
  if (c.noteToSupplier) await form.locator('textarea[name="noteToSupplier"]').fill(c.noteToSupplier);
  await Promise.all([page.waitForURL(`**/unit/reviews/${reviewId}?saved=concluded`), form.locator('button[type="submit"]').click()]);
}

/** Downloads the month's meeting pack from the month's page (as a caseworker clicks it); resolves with the file's name and bytes. */
export async function downloadMeetingPack(page: Page, period: string, kind: 'xlsx' | 'csv'): Promise<{ fileName: string; bytes: Buffer }> {
  await page.goto(`/unit/reviews?period=${period}`);
  const download = page.waitForEvent('download');
  await page.locator(`main a[href="/unit/meetings/${period}/pack.${kind}"]`).click();
  const file = await download;
  return { fileName: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}
