import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signIn, useLanguage } from './support/journeys';
import { checkStates, type PageState, submitForm, watchCsp } from './support/page-checks';
import { shoot } from './support/screenshots';
import { monthAfterStart } from './support/unit-overview.steps';
import {
  concludeReview, confirmUnchanged, downloadMeetingPack, hireReferenceCase, type ReferenceCase, reviewOf, runMonthlyReviews, seedReferenceCase, upskillingProgramme,
} from './support/unit-meetings.steps';

/**
 * The monthly meeting's pages: the month's reviews and a review with its conclude form (and
 * the form's errors), in Danish and English, on screen and as printed, 0 axe violations, no
 * sideways scrolling at 375 px, a strict CSP. Then a conclusion with upskilling and the
 * meeting pack read back: the reference case's 16 hires and 186 hours a week.
 */
test.describe.configure({ mode: 'serial' });

let rc: ReferenceCase;
let period: string;
let reviewId: string;
const PROGRAMME = 'Kørekort D1 og førstehjælp';

test.beforeAll(async () => {
  test.setTimeout(150_000);
  // A supplier name no other seed uses: the meeting pack lists every seed's contracts of the month, found here by name.
  rc = await seedReferenceCase({ supplierName: 'Sydfyns Busser A/S' });
  await hireReferenceCase(rc);
  period = monthAfterStart(rc, 1);
  await runMonthlyReviews(rc, period);
  const review = await reviewOf(rc, period);
  reviewId = review.id;
  await confirmUnchanged(rc, review, 'Alle kører som planlagt');
  await upskillingProgramme(rc, PROGRAMME);
});

const get = (label: string, path: string, status = 200): PageState => ({ label, show: (page) => page.goto(path), status });

/** The conclude form posted with nothing in it: the discussion is required. Posted on screen (print hides the button), then shown as `media`. */
const emptyConclusion = (label: string, media: 'screen' | 'print' = 'screen'): PageState => ({
  label,
  status: 400,
  errors: true,
  show: async (page: Page) => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`/unit/reviews/${reviewId}`);
    const response = await submitForm(page, () => page.locator(`form[action="/unit/reviews/${reviewId}/conclude"] button[type="submit"]`).click());
    await page.emulateMedia({ media });
    return response;
  },
});

test('the month\'s reviews and a review with its conclude form, on screen and printed, in both languages', async ({ page }) => {
  test.setTimeout(180_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.employment);
  const states = [
    get('the month\'s reviews', `/unit/reviews?period=${period}`),
    get('the answered table alone', `/unit/reviews?period=${period}&state=submitted`),
    get('a review with its conclude form', `/unit/reviews/${reviewId}`),
    emptyConclusion('a conclusion without its discussion'),
    get('a review that is not there', `/unit/reviews/${crypto.randomUUID()}`, 404),
  ];
  await checkStates(page, states);
  await page.emulateMedia({ media: 'print' });
  try {
    await checkStates(page, [...states.slice(0, 3), emptyConclusion('a conclusion without its discussion', 'print')].map((s) => ({ ...s, label: `${s.label}, printed` })));
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  csp.expectAllStrict();

  await useLanguage(page.context(), 'da');
  await page.goto(`/unit/reviews/${reviewId}`);
  await expect(page.locator('main')).toContainText(`${PROGRAMME} (15 pladser tilbage)`);
  await shoot(page, 'unit-review');
});

test('the caseworker concludes with upskilling; the meeting pack shows 16 / 13 hires and 186 / 130 hours', async ({ page }) => {
  test.setTimeout(120_000);
  await useLanguage(page.context(), 'da');
  await signIn(page, rc.people.employment);
  await concludeReview(page, reviewId, {
    discussion: 'Alle 16 er stadig ansat; morgenruterne dækkes.',
    actions: ['Tilbyd opkvalificering'],
    programme: PROGRAMME,
    noteToSupplier: 'Tak for en god måned. Vi tilbyder kørekort D1 til to chauffører.',
  });
  await expect(page.getByRole('status')).toContainText('Opfølgningen er afsluttet');
  await expect(page.locator('main')).toContainText(PROGRAMME);
  await expect(page.locator(`form[action="/unit/reviews/${reviewId}/conclude"]`)).toHaveCount(0);

  const xlsx = await downloadMeetingPack(page, period, 'xlsx');
  expect(xlsx.fileName).toBe(`mødepakke-${period}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const contracts = workbook.getWorksheet('Kontrakter')!;
  const winner = [...Array(contracts.rowCount - 1).keys()].map((i) => contracts.getRow(i + 2)).find((row) => row.getCell(2).value === rc.suppliers.winner.name)!;
  expect([winner.getCell(5).value, winner.getCell(6).value, winner.getCell(7).value, winner.getCell(8).value]).toEqual([16, 13, 186, 130]);
  expect(winner.getCell(11).value).toBeInstanceOf(Date);
  const employees = workbook.getWorksheet('Medarbejdere')!;
  const rows = [...Array(employees.rowCount - 1).keys()].map((i) => employees.getRow(i + 2)).filter((row) => row.getCell(2).value === rc.suppliers.winner.name);
  expect(rows).toHaveLength(16);
  expect(rows.reduce((sum, row) => sum + Number(row.getCell(7).value), 0)).toBe(186);

  const csv = await downloadMeetingPack(page, period, 'csv');
  expect(csv.fileName).toBe(`mødepakke-${period}.csv`);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFFMåned;Udbud;Leverandør;')).toBe(true);
});
