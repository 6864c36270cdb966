import type { INestApplication } from '@nestjs/common';
import { type CaughtMail, MailSender } from '@klausul/messaging';
import { eventually } from './test-runtime';

/** The mails the in-process SMTP catcher got for an address, oldest first. */
export function mailsTo(app: INestApplication, address: string, subjectStart = ''): CaughtMail[] {
  return app.get(MailSender).catcher!.received.filter((m) => m.to.includes(address) && m.subject.startsWith(subjectStart));
}

/** Waits for the n-th (1-based) mail to the address whose subject starts so. */
export function nthMailTo(app: INestApplication, address: string, subjectStart: string, n = 1): Promise<CaughtMail> {
  return eventually(async () => mailsTo(app, address, subjectStart)[n - 1]);
}

/**
 * The token of the page link (`/invitation/<token>` or `/reset-password/<token>`) in a mail,
 * after checking the text part and the HTML part carry the same absolute link.
 */
export function tokenOf(mail: CaughtMail, page: 'invitation' | 'reset-password'): string {
  const pattern = new RegExp(`(https?://[^\\s"'<>]+/${page}/([A-Za-z0-9_%-]+))`);
  const inText = pattern.exec(mail.text);
  const inHtml = pattern.exec(mail.html ?? '');
  if (!inText || !inHtml || inText[1] !== inHtml[1]) throw new Error(`no matching /${page}/ link in the text and HTML parts`);
  return decodeURIComponent(inText[2]);
}
