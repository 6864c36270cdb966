import { test as base } from '@playwright/test';
import { type DialogWatch, failOnDialog } from './hostile';

/**
 * Playwright's test with a dialog watch on every test's context: any alert/confirm/prompt
 * (injected script that ran) fails the test. Import test and expect from here.
 */
export const test = base.extend<{ dialogs: DialogWatch }>({
  dialogs: [
    async ({ context }, use) => {
      const watch = failOnDialog(context);
      await use(watch);
      watch.expectNone();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
