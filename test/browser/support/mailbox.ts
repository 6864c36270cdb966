import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { browserEnv } from './env';
import { ENVELOPE_TO_HEADER, MAIL_FILE } from './mail-catcher';

export interface CaughtMail {
  /** The .eml file in the mail directory. */
  file: string;
  receivedAt: Date;
  from: string;
  /** Every recipient: the To and Cc headers and the SMTP envelope, lower-case. */
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
  /** Every http(s) URL in the text and the HTML parts, in order of appearance, each once. */
  links: string[];
}

export interface MailQuery {
  to: string;
  subjectIncludes?: string;
  /** Only mail received at or after this moment (take `new Date()` before the action that sends it). */
  after?: Date;
  timeoutMs?: number;
}

const POLL_MS = 150;
const parsed = new Map<string, Promise<CaughtMail>>();

const URL_IN_TEXT = /https?:\/\/[^\s<>"'()[\]]+/g;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const decodeEntities = (value: string) =>
  value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
// A sentence's full stop or comma is not part of the URL it ends with.
const trimmed = (url: string) => url.replace(/[.,;:!?]+$/, '');

/** Every http(s) URL of a text part and an HTML part (hrefs and bare URLs), each once. */
export function linksIn(text: string, html: string | undefined): string[] {
  const found: string[] = [...text.matchAll(URL_IN_TEXT)].map((m) => trimmed(m[0]));
  if (html) {
    for (const m of html.matchAll(HREF)) {
      const href = decodeEntities(m[1] ?? m[2] ?? '').trim();
      if (/^https?:\/\//i.test(href)) found.push(href);
    }
    found.push(...[...decodeEntities(html.replace(/<[^>]*>/g, ' ')).matchAll(URL_IN_TEXT)].map((m) => trimmed(m[0])));
  }
  return [...new Set(found)];
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));

async function parse(dir: string, file: string, receivedAt: Date): Promise<CaughtMail> {
  const raw = await readFile(path.join(dir, file));
  const mail = await simpleParser(raw);
  const envelope = String(mail.headers.get(ENVELOPE_TO_HEADER.toLowerCase()) ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  const text = mail.text ?? '';
  const html = typeof mail.html === 'string' ? mail.html : undefined;
  return {
    file,
    receivedAt,
    from: mail.from?.text ?? '',
    to: [...new Set([...addresses(mail.to), ...addresses(mail.cc), ...envelope])],
    subject: mail.subject ?? '',
    text,
    html,
    links: linksIn(text, html),
  };
}

/** Every message caught so far, oldest first. */
export async function allMail(dir = browserEnv().mailDir): Promise<CaughtMail[]> {
  const files = (await readdir(dir)).filter((f) => MAIL_FILE.test(f)).sort();
  return Promise.all(
    files.map((file) => {
      const key = path.join(dir, file);
      let mail = parsed.get(key);
      if (!mail) {
        mail = parse(dir, file, new Date(Number(MAIL_FILE.exec(file)![1])));
        parsed.set(key, mail);
      }
      return mail;
    }),
  );
}

function matches(mail: CaughtMail, query: MailQuery): boolean {
  return (
    mail.to.includes(query.to.toLowerCase()) &&
    (query.subjectIncludes === undefined || mail.subject.includes(query.subjectIncludes)) &&
    (query.after === undefined || mail.receivedAt.getTime() >= query.after.getTime())
  );
}

/** The oldest message matching the query; polls the mail directory until it comes or the timeout passes. */
export async function waitForMail(query: MailQuery): Promise<CaughtMail> {
  const timeoutMs = query.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await allMail();
    const found = mails.find((m) => matches(m, query));
    if (found) return found;
    if (Date.now() >= deadline) {
      const seen = mails.filter((m) => m.to.includes(query.to.toLowerCase())).map((m) => `"${m.subject}"`);
      throw new Error(
        `no mail to ${query.to}${query.subjectIncludes ? ` with "${query.subjectIncludes}" in the subject` : ''} within ${timeoutMs} ms` +
          ` (mail to that address so far: ${seen.length ? seen.join(', ') : 'none'})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
