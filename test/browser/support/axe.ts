import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA, as Danish public-sector web sites must meet (webtilgængelighedsloven). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const REFERRERS = 'label[for], [aria-labelledby], [aria-describedby], [aria-controls], [aria-errormessage], a[href^="#"]';

/**
 * Ids that a label, an ARIA attribute or an in-page link points at and that more than one
 * element has. axe 4.x no longer reports duplicate ids (WCAG 2.2 dropped 4.1.1), and its
 * label rule finds the label from the field's side, but a browser binds `<label for="email">`
 * to the FIRST element with that id: e.g. the DKFDS icon sprite's `<symbol id="email">`.
 */
async function duplicateReferencedIds(page: Page): Promise<string[]> {
  const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((e) => e.id));
  const referenced = await page.locator(REFERRERS).evaluateAll((elements) =>
    elements.flatMap((e) => [
      e.getAttribute('for') ?? '',
      ...['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-errormessage'].flatMap((a) => (e.getAttribute(a) ?? '').split(/\s+/)),
      (e.getAttribute('href') ?? '').startsWith('#') ? decodeURIComponent((e.getAttribute('href') ?? '').slice(1)) : '',
    ]),
  );
  const seen = new Map<string, number>();
  for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return [...new Set(referenced)].filter((id) => id !== '' && (seen.get(id) ?? 0) > 1);
}

/**
 * Runs axe-core on the page as it is now, plus the duplicate-referenced-id check above;
 * fails listing each rule, its help and the failing elements.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Klausul's pages have no frames: axe then runs in the page itself ("legacy mode") instead of
  // finishing each run in a second, blank page, which takes half the time for the same rules.
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(page.frames().length === 1).analyze();
  const lines = violations.map(
    (v) => `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}`).join('\n')}`,
  );
  const duplicates = await duplicateReferencedIds(page);
  if (duplicates.length) {
    lines.push(`  duplicate-id-referenced (serious): a label, ARIA reference or #link points at an id that several elements have\n${duplicates.map((id) => `    at #${id}`).join('\n')}`);
  }
  expect(lines.length, `axe: ${lines.length} violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`).toBe(0);
}
