import { expect, type Page, type Response } from '@playwright/test';

/** The answer of a form post that the page then shows (a 400 with errors, or a redirect's target). */
export async function submitForm(page: Page, click: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().resourceType() === 'document' && (r.status() < 300 || r.status() >= 400), { timeout: 15_000 }),
    click(),
  ]);
  return response;
}
import { expectNoAxeViolations } from './axe';
import { type Language, useLanguage } from './journeys';

/** The phone width every page must fit without sideways scrolling. */
export const PHONE_WIDTH = 375;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: PHONE_WIDTH, height: 667 };

/** What is wrong with a Content-Security-Policy for a UI page (issue 13), or [] when it is strict. */
export function cspProblems(header: string | undefined): string[] {
  if (!header) return ['no Content-Security-Policy header'];
  const directives = new Map(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values] as const));
  const problems: string[] = [];
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!scripts?.includes("'self'")) problems.push(`script-src is not 'self' (${scripts?.join(' ') ?? 'missing'})`);
  if (header.includes("'unsafe-inline'")) problems.push("'unsafe-inline' is allowed");
  if (header.includes("'unsafe-eval'")) problems.push("'unsafe-eval' is allowed");
  if (directives.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors is not 'none' (${directives.get('frame-ancestors')?.join(' ') ?? 'missing'})`);
  return problems;
}

/**
 * Records every HTML document the page receives (each navigation, each form post's answer,
 * each redirect's target) and what is wrong with its CSP; expectAllStrict() fails listing them.
 */
export function watchCsp(page: Page): { count(): number; expectAllStrict(): void } {
  const seen: string[] = [];
  const failures: string[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'document') return;
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
    const label = `${response.request().method()} ${new URL(response.url()).pathname} (${response.status()})`;
    seen.push(label);
    const problems = cspProblems(response.headers()['content-security-policy']);
    if (problems.length) failures.push(`${label}: ${problems.join('; ')}`);
  });
  return {
    count: () => seen.length,
    expectAllStrict: () => expect(failures, `pages without a strict CSP:\n${failures.join('\n')}`).toEqual([]),
  };
}

/** A state of a page to check: how to get there (a GET, or a form posted with errors). */
export interface PageState {
  label: string;
  /** Gets the page to the state; returns the answer it shows (the navigation's or the post's). */
  show(page: Page): Promise<Response | null>;
  /** The page answers with this status (default 200; e.g. 400 for a form with errors). */
  status?: number;
  /** The page shows a form's error summary. */
  errors?: boolean;
}

/**
 * Shows the state in each language (the language cookie, as the footer's switcher sets it)
 * and checks: the status, <html lang>, axe's WCAG 2.1 A/AA rules at 1280 px (and at 375 px in
 * the first language), and no sideways scrolling at 375 px. A form with errors must show its
 * error summary. Every state is checked before the test fails, listing every problem.
 */
export async function checkStates(page: Page, states: readonly PageState[], languages: readonly Language[] = ['da', 'en']): Promise<void> {
  // Every state is checked before the test fails, so one run lists every problem.
  const problems: string[] = [];
  const check = async (what: () => Promise<unknown>) => {
    try {
      await what();
    } catch (error) {
      problems.push((error as Error).message.split('\n').filter((line) => !/^\s*(at |Call log|- )/.test(line)).join('\n'));
    }
  };
  for (const lang of languages) {
    await useLanguage(page.context(), lang);
    for (const state of states) {
      const label = `${state.label} (${lang})`;
      await page.setViewportSize(DESKTOP);
      const response = await state.show(page);
      await page.waitForLoadState('load');
      await check(async () => expect(response?.status(), `${label}: status`).toBe(state.status ?? 200));
      await check(() => expect(page.locator('html'), label).toHaveAttribute('lang', lang, { timeout: 1000 }));
      if (state.errors) await check(() => expect(page.locator('[data-module="error-summary"]'), `${label}: error summary`).toBeVisible({ timeout: 1000 }));
      await check(() => expectNoAxeViolations(page, label));
      await page.setViewportSize(PHONE);
      const width = await page.evaluate('document.documentElement.scrollWidth');
      await check(async () => expect(width, `${label}: ${String(width)} px wide at ${PHONE_WIDTH} px (sideways scrolling)`).toBeLessThanOrEqual(PHONE_WIDTH));
      // The phone layout once (in Danish, the longer words): the markup is the same in both languages.
      if (lang === languages[0]) await check(() => expectNoAxeViolations(page, `${label} at ${PHONE_WIDTH} px`));
    }
  }
  await page.setViewportSize(DESKTOP);
  expect(problems, `${problems.length} problem(s):\n\n${problems.join('\n\n')}`).toEqual([]);
}
