import { expectNoAxeViolations } from './support/axe';
import { browserEnv } from './support/env';
import { expect, test } from './support/fixtures';

/** The web foundation (issue 13): public pages, their security headers, sign-in. */

function expectStrictCsp(header: string | undefined): void {
  expect(header, 'Content-Security-Policy header').toBeTruthy();
  const directives = new Map(header!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values] as const));
  expect(directives.get('script-src')).toContain("'self'");
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
}

test('the accessibility statement is public, served under a strict CSP, and has no axe violations in Danish and English', async ({ page }) => {
  const response = await page.goto('/tilgaengelighed');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toMatch(/^text\/html/);
  expectStrictCsp(response?.headers()['content-security-policy']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, 'the accessibility statement (da)');

  await page.locator('footer a[lang="en"]').click();
  await expect(page).toHaveURL(/\/tilgaengelighed$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page, 'the accessibility statement (en)');

  // The choice is kept (a cookie): the next page is English too, and the switch goes back.
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('footer a[lang="da"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});

test('GET / sends someone not signed in to the login page', async ({ page, request }) => {
  const redirect = await request.get('/', { maxRedirects: 0 });
  expect([302, 303]).toContain(redirect.status());
  expect(redirect.headers()['location']).toMatch(/^\/login\b/);

  await page.goto('/');
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
});

test('a wrong password shows the DKFDS error summary, linked to the field, with the e-mail kept', async ({ page }) => {
  const { admin } = browserEnv();
  const response = await page.goto('/login');
  expectStrictCsp(response?.headers()['content-security-policy']);
  await expectNoAxeViolations(page, 'the login page');

  await page.getByLabel('E-mailadresse').fill(admin.email);
  await page.getByLabel('Adgangskode').fill('not the password at all');
  await page.getByRole('button', { name: 'Log ind' }).click();

  const summary = page.locator('.alert-error[role="alert"]');
  await expect(summary).toBeVisible();
  const emailId = await page.locator('input[name="email"]').getAttribute('id');
  await expect(summary.getByRole('link', { name: 'E-mailadressen eller adgangskoden er forkert' })).toHaveAttribute('href', `#${emailId}`);
  await expect(page.getByLabel('E-mailadresse')).toHaveValue(admin.email);
  await expect(page.getByLabel('Adgangskode')).toHaveValue('');
  await expectNoAxeViolations(page, 'the login page with its error summary');
});

test('the admin signs in, gets an HttpOnly SameSite=Lax session cookie, and signs out again', async ({ page, context }) => {
  const { admin } = browserEnv();
  await page.goto('/login');
  await page.getByLabel('E-mailadresse').fill(admin.email);
  await page.getByLabel('Adgangskode').fill(admin.password);
  await page.getByRole('button', { name: 'Log ind' }).click();

  await expect(page).not.toHaveURL(/\/login/);
  const logout = page.getByRole('button', { name: 'Log ud' });
  await expect(logout).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name === 'klausul_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await logout.click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  expect((await context.cookies()).find((c) => c.name === 'klausul_session')).toBeUndefined();
});
