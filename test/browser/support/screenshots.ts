import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../docs/screenshots');

/** The two widths the README shows: a laptop and a 375-px phone (iPhone SE height). */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
] as const;

/**
 * Writes `docs/screenshots/<name>-1280.png` and `<name>-375.png` of the page as it is now
 * (full page, or its top `maxHeight` pixels), then puts the viewport back. Only for pages without personal data beyond
 * the fictitious test data.
 */
export async function shoot(page: Page, name: string, options: { maxHeight?: number } = {}): Promise<string[]> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new Error(`screenshot name "${name}" must be kebab-case`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize();
  const files: string[] = [];
  try {
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.evaluate('document.fonts.ready.then(() => undefined)'); // no lib "dom" in this tsconfig
      // Two frames after the resize, so the page is painted at the new width (a part once came out blank).
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const file = path.join(SCREENSHOT_DIR, `${name}-${viewport.width}.png`);
      // A long page (a pipeline of 20 cards) is cut at maxHeight: its top is what the README shows.
      const height = options.maxHeight ? Math.min(options.maxHeight, Number(await page.evaluate('document.documentElement.scrollHeight'))) : undefined;
      const clip = height ? { x: 0, y: 0, width: viewport.width, height } : undefined;
      await page.screenshot({ path: file, fullPage: true, clip, animations: 'disabled', caret: 'hide' });
      files.push(file);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
  return files;
}
