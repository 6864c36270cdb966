import { type BrowserContext, expect, type Page } from '@playwright/test';

/** Names that would run script if a page printed them as markup (issue 13: "Hostile text"). */
export const HOSTILE_SCRIPT = '<script>alert(1)</script>';
export const HOSTILE_IMG = '"><img src=x onerror=alert(1)>';
export const HOSTILE_STRINGS = [HOSTILE_SCRIPT, HOSTILE_IMG] as const;

export interface DialogWatch {
  /** The message of every alert/confirm/prompt that opened, in order. */
  readonly dialogs: readonly string[];
  /** Fails the test if any dialog opened. */
  expectNone(): void;
}

/**
 * Records (and dismisses) every dialog of a page or of all pages of a context. A dialog is
 * injected script that ran, so expectNone() fails the test; the fixture in fixtures.ts
 * calls it after every test.
 */
export function failOnDialog(target: Page | BrowserContext): DialogWatch {
  const dialogs: string[] = [];
  target.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    dialogs,
    expectNone: () => expect(dialogs, `a dialog opened: injected script ran (${dialogs.join('; ')})`).toEqual([]),
  };
}

/** The hostile text is on the page as text, and none of it became an element. */
export async function expectHostileShownAsText(page: Page, hostile: string): Promise<void> {
  await expect(page.getByText(hostile, { exact: false }).first()).toBeVisible();
  const injected = {
    images: await page.locator('img[src="x"], [onerror]').count(),
    scripts: await page.locator('script').evaluateAll((scripts) => scripts.filter((s) => (s.textContent ?? '').includes('alert(1)')).length),
  };
  expect(injected, `markup from "${hostile}" reached the DOM`).toEqual({ images: 0, scripts: 0 });
}
