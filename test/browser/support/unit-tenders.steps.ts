import { expect, type Page } from '@playwright/test';

/**
 * Phase 1 in the browser, one step a function, as a procurement caseworker does it on the
 * unit's pages (signed in already). Each step starts from the page it needs and ends on the
 * tender's page (or the contract's) after the post/redirect/get, so a journey strings them:
 *
 *   const id = await createTender(page, { title: 'Visiteret rutekørsel', lots: 8 });
 *   await runDialogue(page, id, { bidders: ['Fynsk Rutekørsel A/S'] });
 *   await defineClause(page, id, { hires: 26, hoursPerHire: 10 });
 *   await publish(page, id);
 *   const contracts = await award(page, id, { winners: [a, a, a, a, b, b, b, b] });
 *   await addPartner(page, contracts[0], 'FlexVirk');
 *   await handOver(page, id);
 */

const TENDER_PAGE = /\/unit\/tenders\/([0-9a-f-]{36})(\?done=[\w-]+)?$/;

async function submitAndLand(page: Page, button: RegExp, landing: RegExp = TENDER_PAGE): Promise<void> {
  await page.locator('main').getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(landing);
  await expect(page.locator('[data-module="error-summary"]')).toHaveCount(0);
}

/** A registered supplier as a select shows it; the CVR number tells apart suppliers of the same name. */
export type SupplierChoice = string | { name: string; cvr: string };

/** Chooses a supplier in a select whose options read "Name (CVR 12345678...)". */
async function chooseSupplier(page: Page, select: string, supplier: SupplierChoice): Promise<void> {
  const text = typeof supplier === 'string' ? `${supplier} (CVR` : `${supplier.name} (CVR ${supplier.cvr}`;
  const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
  await page.locator(select).selectOption(value!);
}

/** Presses an event's button on the tender page (start the dialogue, publish, hand over). */
async function pressEvent(page: Page, tenderId: string, event: string): Promise<void> {
  await page.goto(`/unit/tenders/${tenderId}`);
  await page.locator(`main [data-event="${event}"] button`).click();
  await expect(page).toHaveURL(new RegExp(`/unit/tenders/${tenderId}\\?done=${event}$`));
}

export interface NewTender {
  title: string;
  lots: number;
  area?: string;
  valueDkk?: number;
  months?: number;
  reference?: string;
}

/** Creates a tender with its lots (the lot count redraws the form, no JavaScript needed); returns its id. */
export async function createTender(page: Page, tender: NewTender): Promise<string> {
  await page.goto('/unit/tenders/new');
  await page.locator('#title').fill(tender.title);
  if (tender.reference) await page.locator('#reference').fill(tender.reference);
  await page.locator('#procurementArea').selectOption(tender.area ?? 'special_transport');
  await page.locator('#estimatedValueDkk').fill(String(tender.valueDkk ?? 120_000_000));
  await page.locator('#durationMonths').fill(String(tender.months ?? 48));
  await page.locator('#lotCount').fill(String(tender.lots));
  await page.locator('main button[name="_action"][value="lots"]').click();
  await expect(page.locator(`#lots-${tender.lots - 1}-title`)).toBeVisible();
  for (let i = 0; i < tender.lots; i++) await page.locator(`#lots-${i}-title`).fill(`Delaftale ${i + 1}`);
  await page.locator('main button[type="submit"]:not([name])').click();
  await expect(page).toHaveURL(/\?done=create$/);
  return TENDER_PAGE.exec(new URL(page.url()).pathname + new URL(page.url()).search)![1];
}

export interface Dialogue {
  /** Registered suppliers, one meeting each. */
  bidders: SupplierChoice[];
  heldOn?: string;
  estimatedHires?: number;
}

/** Screening, the start of the market dialogue and a meeting with each bidder. */
export async function runDialogue(page: Page, tenderId: string, dialogue: Dialogue): Promise<void> {
  await page.goto(`/unit/tenders/${tenderId}/screening`);
  await page.locator('#suitableTasks').fill('Morgenruter\nEftermiddagsruter\nKlargøring af vogne');
  await page.locator('#splitShifts').check();
  await page.locator('#coreTasks').fill('Chaufførkørsel med borgere');
  await page.locator('#ancillaryTasks').fill('Klargøring og rengøring af vogne');
  await page.locator('#upskillingOptions').fill('Kørekort D1');
  await page.locator('#estimatedHires').fill(String(dialogue.estimatedHires ?? 26));
  await submitAndLand(page, /^(Gem screening|Save the screening)$/);
  await pressEvent(page, tenderId, 'start-dialogue');
  for (const bidder of dialogue.bidders) {
    await page.goto(`/unit/tenders/${tenderId}/meetings/new`);
    await page.locator('#heldOn').fill(dialogue.heldOn ?? '2024-02-14');
    await chooseSupplier(page, '#supplierId', bidder);
    await page.locator('#participants').fill('Udbudskonsulent\nDriftschef');
    await page.locator('#willingness').check();
    await page.locator('#tasksMatched').fill('Morgenruter');
    await submitAndLand(page, /^(Registrer mødet|Record the meeting)$/);
  }
}

/** One clause for the whole tender: hires x weekly hours per hire, for flexjobs. */
export async function defineClause(page: Page, tenderId: string, clause: { hires: number; hoursPerHire: number }): Promise<void> {
  await page.goto(`/unit/tenders/${tenderId}/define-clause`);
  await page.locator('#scope').check();
  await page.locator('#whole-requiredHires').fill(String(clause.hires));
  await page.locator('#whole-weeklyHoursPerHire').fill(String(clause.hoursPerHire));
  await page.locator('#targetGroups').check();
  await page.locator('#employmentForms-flexjob').check();
  await submitAndLand(page, /^(Fastlæg klausul|Define the clause)$/);
}

export function publish(page: Page, tenderId: string): Promise<void> {
  return pressEvent(page, tenderId, 'publish');
}

/** Awards lot i to `winners[i]`; returns the ids of the contracts, in the tender page's order. */
export async function award(page: Page, tenderId: string, award: { winners: SupplierChoice[]; startDate?: string; endDate?: string }): Promise<string[]> {
  await page.goto(`/unit/tenders/${tenderId}/award`);
  await page.locator('#startDate').fill(award.startDate ?? '2025-01-01');
  await page.locator('#endDate').fill(award.endDate ?? '2028-12-31');
  for (const [i, name] of award.winners.entries()) await chooseSupplier(page, `#lots-${i}-supplierId`, name);
  await submitAndLand(page, /^(Tildel delaftalerne|Award the lots)$/);
  const links = await page.locator('main a[href^="/unit/contracts/"]:not([href$="/partners/new"])').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return [...new Set(links.map((href) => href.split('/')[3]))];
}

/** Adds a registered supplier as the contract's partner (an RSV by default). */
export async function addPartner(page: Page, contractId: string, supplier: SupplierChoice, kind: 'rsv' | 'subcontractor' = 'rsv'): Promise<void> {
  await page.goto(`/unit/contracts/${contractId}/partners/new`);
  await chooseSupplier(page, '#supplierId', supplier);
  await page.locator(kind === 'rsv' ? '#kind' : '#kind-subcontractor').check();
  await page.locator('main').getByRole('button', { name: /^(Tilføj partner|Add the partner)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/unit/contracts/${contractId}$`));
}

export function handOver(page: Page, tenderId: string): Promise<void> {
  return pressEvent(page, tenderId, 'hand-over');
}
