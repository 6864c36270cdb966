import { hireReferenceCase, monthAfterStart, type ReferenceCase, runMonthlyReviews, seedReferenceCase } from './support/unit-overview.steps';
import { expect, test } from './support/fixtures';
import { signIn, useLanguage } from './support/journeys';
import { checkStates, type PageState, watchCsp } from './support/page-checks';
import { expectNoAxeViolations } from './support/axe';
import { shoot } from './support/screenshots';

/**
 * The unit's overview and contract pages: every page in Danish and English, 0 axe
 * violations, no sideways scrolling at 375 px, a strict CSP (the chart has no inline
 * style). The data is the reference case after its 16 hires (186 h/week against 13 x 10 h).
 */
test.describe.configure({ mode: 'serial' });

let rc: ReferenceCase;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rc = await seedReferenceCase();
  await hireReferenceCase(rc);
  await runMonthlyReviews(rc, monthAfterStart(rc, 1));
});

const get = (label: string, path: string, status = 200): PageState => ({ label, show: (page) => page.goto(path), status });

test('the overview and the contract page with its chart, in both languages', async ({ page }) => {
  test.setTimeout(150_000);
  const csp = watchCsp(page);
  await signIn(page, rc.people.procurement);
  const contract = `/unit/contracts/${rc.contract.id}`;
  await checkStates(page, [
    get('overview', '/unit'),
    get('overview, filtered to on track, by deadline', '/unit?status=on_track&sort=firstHireDueOn'),
    get('overview, a status that is not one', '/unit?status=splendid', 400),
    get('contract page with its chart', contract),
    get('all placements', `${contract}/placements`),
    get('placements that ended', `${contract}/placements?state=ended`),
    get('the whole history', `${contract}/history`),
    get("the contract's job descriptions", `${contract}/job-orders`),
    get('a contract that is not there', `/unit/contracts/${crypto.randomUUID()}`, 404),
  ]);
  expect(csp.count()).toBeGreaterThan(10);
  csp.expectAllStrict();

  // The screenshots in Danish, as the README shows them.
  await useLanguage(page.context(), 'da');
  await page.goto(`/unit?supplierId=${rc.suppliers.winner.id}`);
  const row = page.locator('table.klausul-contracts tbody tr').first();
  await expect(row).toContainText('16 / 13');
  await expect(row).toContainText('186 / 130');
  await shoot(page, 'unit-overview');
  await page.goto(contract);
  await expect(page.locator('main')).toContainText('186 af 130 timer om ugen');
  await expect(page.locator('svg.klausul-chart-svg')).toHaveCount(2);
  // The hires are in the contract's history, by the supplier's HR contact.
  await expect(page.locator('.klausul-timeline')).toContainText('Kandidat: Ansat');
  await shoot(page, 'unit-contract');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the menu opens from its button and leads to every area', async ({ page }) => {
    await signIn(page, rc.people.procurement);
    await useLanguage(page.context(), 'da');
    await page.goto('/unit');
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await expect(drawer).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('link', { name: 'Overblik' })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page, 'the open menu on a phone');
    await drawer.getByRole('link', { name: 'Opfølgning' }).click();
    await expect(page).toHaveURL(/\/unit\/reviews/);
    await expect(drawer).toBeHidden();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the menu stays on the page as a list of links', async ({ page }) => {
      await signIn(page, rc.people.procurement);
      await useLanguage(page.context(), 'da');
      await page.goto('/unit');
      await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
      const menu = page.locator('.navigation-menu').getByRole('navigation', { name: 'Hovedmenu' });
      await expect(menu.getByRole('link', { name: 'Udbud' })).toBeVisible();
      await menu.getByRole('link', { name: 'Stillingsbeskrivelser' }).click();
      await expect(page).toHaveURL(/\/unit\/job-orders/);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    });
  });
});
