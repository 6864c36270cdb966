import { seedReferenceCase } from './support/api';
import { waitForMail } from './support/mailbox';
import { expect, test } from './support/fixtures';

/** The seed is a real client path: what it does by REST reaches the supplier as the unit's work would. */
test("the seeded hand-over mails the supplier's HR contact a link that opens, after login, the new job description page", async ({ page }) => {
  test.setTimeout(90_000);
  const started = new Date();
  const rc = await seedReferenceCase();
  expect(rc.contract).toMatchObject({ requiredHires: 13, requiredWeeklyHours: 130 });

  const welcome = await waitForMail({ to: rc.people.hr.email, after: started });
  const link = welcome.links.find((l) => l.includes(`/supplier/contracts/${rc.contract.id}/job-orders/new`));
  expect(link, `a link to the new job description page in: ${welcome.links.join(', ')}`).toBeTruthy();

  await page.goto(link!);
  await expect(page).toHaveURL(/\/login\?/);
  await page.getByLabel('E-mailadresse').fill(rc.people.hr.email);
  await page.getByLabel('Adgangskode').fill(rc.people.hr.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(new URL(link!).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
