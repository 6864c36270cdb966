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

export interface RenderedField {
  name: string;
  /** `text`, `email`, `number`, `date`, `hidden`, `file`, `checkbox`, `radio`, `password`, `textarea` or `select`. */
  type: string;
  value: string;
}

export interface RenderedForm {
  action: string;
  multipart: boolean;
  fields: RenderedField[];
}

const decodeEntities = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return found === undefined ? undefined : decodeEntities(found);
};

/** Every form that posts inside a page's <main>, with its fields as rendered (what a browser would send untouched). */
export function formsIn(html: string): RenderedForm[] {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return [...main.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
    .filter(([, open]) => /method="post"/i.test(open))
    .map(([, open, body]) => {
      const fields: RenderedField[] = [];
      for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
        const name = attribute(tag, 'name');
        if (name) fields.push({ name, type: attribute(tag, 'type') ?? 'text', value: attribute(tag, 'value') ?? '' });
      }
      for (const [, tag, text] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
        fields.push({ name: attribute(tag, 'name')!, type: 'textarea', value: decodeEntities(text.trim()) });
      }
      for (const [, tag, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
        const chosen = /<option value="([^"]*)"[^>]* selected/.exec(options) ?? /<option value="([^"]+)"/.exec(options);
        fields.push({ name: attribute(tag, 'name')!, type: 'select', value: decodeEntities(chosen?.[1] ?? '') });
      }
      return { action: attribute(open, 'action') ?? '', multipart: /multipart\/form-data/.test(open), fields };
    });
}
