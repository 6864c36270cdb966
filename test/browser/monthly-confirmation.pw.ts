import type { Locator, Page } from '@playwright/test';
import { UserActions } from './support/actions';
import { ApiClient, hireReferenceCase, type ReferenceCase, runMonthlyReviews, seedReferenceCase } from './support/api';
import { expect, test } from './support/fixtures';
import { employeeFieldset, monthAfter } from './support/journeys';
import { waitForMail } from './support/mailbox';

/**
 * The monthly confirmation with one leaver and one hours change, as issue 13 asks it to work
 * besides the mouse on a phone (reference-case.pw.ts): with JavaScript off, and with the
 * keyboard alone. The reference case's 16 hires are made by REST; each test confirms its own
 * month of that contract from the e-mailed link, without login.
 */

const PHONE = { width: 375, height: 667 };
/** hireReferenceCase names the candidates "Kandidat 1".. and hires 1-16; each test has its own leaver and hours change. */
interface Changes {
  leaver: string;
  hoursChanged: string;
}
const JS_OFF: Changes = { leaver: 'Kandidat 16', hoursChanged: 'Kandidat 2' };
const KEYBOARD: Changes = { leaver: 'Kandidat 15', hoursChanged: 'Kandidat 3' };

let rc: ReferenceCase;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rc = await seedReferenceCase();
  await hireReferenceCase(rc);
});

/** Runs the month (idempotent) and opens the confirmation link of its e-mail. */
async function openConfirmation(page: Page, period: string): Promise<void> {
  const started = new Date();
  await runMonthlyReviews(rc, period);
  const mail = await waitForMail({ to: rc.people.hr.email, subjectIncludes: `Månedlig opfølgning ${period}`, after: started });
  const link = mail.links.find((l) => /^\/confirm\/[^/]+$/.test(new URL(l).pathname));
  expect(link, `a confirmation link in: ${mail.links.join(', ')}`).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bekræft jeres ansatte');
}

interface ContractPlacement {
  id: string;
  employeeName: string | null;
  state: string;
}

/** What the confirmation did, by REST: the leaver ended on the day typed, the hours changed from the month's first day. */
async function expectRecorded(client: ApiClient, who: Changes, period: string, endDate: string, endReason: string, hours: number): Promise<void> {
  const { items } = await client.get<{ items: ContractPlacement[] }>(`/contracts/${rc.contract.id}/placements?limit=100`);
  const idOf = (name: string) => items.find((p) => p.employeeName === name)!.id;
  const leaver = await client.get<{ state: string; endDate: string; endReason: string }>(`/placements/${idOf(who.leaver)}`);
  expect(leaver).toMatchObject({ state: 'ended', endDate, endReason });
  const changed = await client.get<{ weeklyHours: number; hoursHistory: { effectiveFrom: string; weeklyHours: number }[] }>(`/placements/${idOf(who.hoursChanged)}`);
  expect(changed.hoursHistory.at(-1)).toEqual({ effectiveFrom: `${period}-01`, weeklyHours: hours });
}

async function expectReceipt(page: Page, who: Changes, hours: string): Promise<void> {
  await expect(page).toHaveURL(/\/confirm\/[^/]+\/receipt$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('er bekræftet');
  const recorded = (name: string) => page.locator('li.card').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(recorded(who.leaver)).toContainText('Fratrådt, sidste arbejdsdag');
  await expect(recorded(who.hoursChanged)).toContainText(`nu ${hours} timer pr. uge`);
}

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test('the confirmation works on a phone: the leaver fields open natively, one leaver and one hours change in at most 6 actions', async ({ page }) => {
    const period = monthAfter(rc.contract.startDate, 1);
    await openConfirmation(page, period);
    // The enhancement script did not run: the page is as the server sent it.
    await expect(page.locator('html')).toHaveClass(/\bno-js\b/);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

    const act = new UserActions(page);
    const leaver = employeeFieldset(page, JS_OFF.leaver);
    await act.click(leaver.locator('summary'));
    await expect(leaver.getByLabel('Sidste arbejdsdag')).toBeVisible();
    await act.fill(leaver.getByLabel('Sidste arbejdsdag'), `${period}-12`);
    await act.selectOption(leaver.getByLabel('Årsag'), 'resigned');
    await act.fill(employeeFieldset(page, JS_OFF.hoursChanged).getByLabel('Timer pr. uge'), '8,5');
    await act.click(page.getByRole('button', { name: 'Bekræft' }));
    expect(act.count, act.log.join('\n')).toBeLessThanOrEqual(6);
    test.info().annotations.push({ type: 'actions', description: `JavaScript off: ${act.count} actions` });

    await expectReceipt(page, JS_OFF, '8,5');
    await expectRecorded(rc.clients.employment, JS_OFF, period, `${period}-12`, 'resigned', 8.5);
  });
});

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(act: UserActions, page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el.matches(':focus'))) return;
    await act.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} did not get the focus within ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/**
 * The digits a person types into a date field for `date` (YYYY-MM-DD): the field's segments
 * follow the browser's own language, not the page's (Debian's Chromium without its locale
 * data shows month/day/year), so the order is found on a probe field in a blank page first.
 */
async function dateDigits(page: Page, date: string): Promise<string> {
  const probe = await page.context().newPage();
  try {
    await probe.setContent('<input type="date" id="probe">');
    await probe.locator('#probe').focus();
    await probe.keyboard.type('01022003');
    const value = await probe.locator('#probe').inputValue();
    const [y, m, d] = date.split('-');
    if (value === '2003-02-01') return `${d}${m}${y}`;
    if (value === '2003-01-02') return `${m}${d}${y}`;
    throw new Error(`the date field is neither day/month/year nor month/day/year (typing 01022003 gave "${value}")`);
  } finally {
    await probe.close();
  }
}

/** The focused element shows that it has the focus (WCAG 2.4.7): an outline or a box shadow. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const style = await target.evaluate((el) => {
    const s = el.ownerDocument.defaultView!.getComputedStyle(el);
    return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' };
  });
  expect(style.outline || style.shadow, `${String(target)} shows no focus indicator`).toBe(true);
}

test.describe('with the keyboard only', () => {
  test.use({ viewport: PHONE });

  test('Tab, Shift+Tab, Space, Enter and typing reach every field of a leaver and an hours change, with the focus visible', async ({ page }) => {
    const period = monthAfter(rc.contract.startDate, 2);
    await openConfirmation(page, period);
    const act = new UserActions(page);
    const leaver = employeeFieldset(page, KEYBOARD.leaver);
    const changed = employeeFieldset(page, KEYBOARD.hoursChanged);

    // Forward to the leaver's "Fratrådt?" and open it with Space; the end date and reason follow in the tab order.
    const summary = leaver.locator('summary');
    await tabTo(act, page, summary);
    await expectVisibleFocus(summary);
    await act.press('Space');
    await expect(leaver.locator('details')).toHaveAttribute('open', '');
    await act.press('Tab');
    const endDate = leaver.getByLabel('Sidste arbejdsdag');
    await expect(endDate).toBeFocused();
    // A date field takes the digits of day, month and year, moving on by itself.
    await act.type(await dateDigits(page, `${period}-03`));
    await expect(endDate).toHaveValue(`${period}-03`);
    const reason = leaver.getByLabel('Årsag');
    // Chromium stops at the date field's segments too, so Tab on until the reason.
    await tabTo(act, page, reason, { max: 4 });
    await act.type('Star'); // type-ahead in a closed select: "Startet på uddannelse"
    await expect(reason).toHaveValue('education');

    // Back with Shift+Tab to the other employee's hours (wherever it is in the list), typed over.
    const hours = changed.getByLabel('Timer pr. uge');
    const before = await page.locator('input[name^="hours-"]').evaluateAll((inputs) => inputs.map((e) => e.getAttribute('name')));
    const changedName = await hours.getAttribute('name');
    const leaverName = await leaver.getByLabel('Timer pr. uge').getAttribute('name');
    await tabTo(act, page, hours, { back: before.indexOf(changedName!) < before.indexOf(leaverName!) });
    await expectVisibleFocus(hours);
    // Tabbing into a text field selects its text, so typing replaces the hours.
    await act.type('11');
    await expect(hours).toHaveValue('11');

    const confirm = page.getByRole('button', { name: 'Bekræft' });
    await tabTo(act, page, confirm);
    await expectVisibleFocus(confirm);
    await act.press('Enter');
    test.info().annotations.push({ type: 'actions', description: `keyboard only: ${act.count} key presses and typings` });

    await expectReceipt(page, KEYBOARD, '11');
    await expectRecorded(rc.clients.employment, KEYBOARD, period, `${period}-03`, 'education', 11);
  });
});
