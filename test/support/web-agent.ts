import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TEST_PASSWORD } from './identity.factory';

/** The `_csrf` hidden field of the first form in a page. */
export function formTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no form with a _csrf field');
  return match[1];
}

/** The text of a page's <main>, tags removed and whitespace collapsed (what a person reads). */
export function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html;
  return main.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A browser's view of the web pages without a browser (for page tests under jest): one
 * cookie jar, forms posted with the token the page rendered, redirects visible.
 */
export class WebAgent {
  readonly agent: ReturnType<typeof request.agent>;

  constructor(app: INestApplication) {
    this.agent = request.agent(app.getHttpServer());
  }

  get(path: string) {
    return this.agent.get(path);
  }

  /** Opens `formPath`, then posts `fields` with that page's form token to `action` (default: the same path). */
  async submit(formPath: string, fields: Record<string, string | string[]>, action = formPath) {
    const page = await this.agent.get(formPath);
    if (page.status !== 200) throw new Error(`GET ${formPath} answered ${page.status}`);
    return this.agent.post(action).type('form').send({ _csrf: formTokenIn(page.text), ...fields });
  }

  /** Signs in through the login page; resolves when the session cookie is set. */
  async signIn(email: string, password = TEST_PASSWORD): Promise<void> {
    const response = await this.submit('/login', { email, password });
    if (response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}`);
  }
}
