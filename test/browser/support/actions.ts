import type { Locator, Page } from '@playwright/test';

type Target = Locator | string;

/**
 * Performs a user's actions and counts them, so a test can hold a journey to a budget
 * ("a month without change in 1 action"). One click, one fill (a whole field's value),
 * one key press, one option chosen, one box ticked: one action each. Navigation by
 * page.goto is not an action (it is opening the link).
 *
 *   const act = new UserActions(page);
 *   await act.click(page.getByRole('button', { name: 'Bekræft' }));
 *   expect(act.count).toBe(1);
 */
export class UserActions {
  private readonly performed: string[] = [];

  constructor(private readonly page: Page) {}

  get count(): number {
    return this.performed.length;
  }

  /** What was done, in order, e.g. `fill input[name="hours"]`, for a failure message. */
  get log(): readonly string[] {
    return this.performed;
  }

  private locate(target: Target): Locator {
    return typeof target === 'string' ? this.page.locator(target) : target;
  }

  private record(action: string, target?: Target): void {
    this.performed.push(target === undefined ? action : `${action} ${String(target)}`);
  }

  async click(target: Target, options?: Parameters<Locator['click']>[0]): Promise<void> {
    this.record('click', target);
    await this.locate(target).click(options);
  }

  async fill(target: Target, value: string): Promise<void> {
    this.record('fill', target);
    await this.locate(target).fill(value);
  }

  /** A key on the focused element (`press('Tab')`), or on a target (`press('Enter', field)`). */
  async press(key: string, target?: Target): Promise<void> {
    this.record(`press ${key}`, target);
    if (target === undefined) await this.page.keyboard.press(key);
    else await this.locate(target).press(key);
  }

  /** Typing a value into the focused element with the keyboard: one action, as one fill. */
  async type(text: string): Promise<void> {
    this.record('type');
    await this.page.keyboard.type(text);
  }

  async selectOption(target: Target, value: string | string[]): Promise<void> {
    this.record('select', target);
    await this.locate(target).selectOption(value);
  }

  async check(target: Target): Promise<void> {
    this.record('check', target);
    await this.locate(target).check();
  }

  async uncheck(target: Target): Promise<void> {
    this.record('uncheck', target);
    await this.locate(target).uncheck();
  }
}
