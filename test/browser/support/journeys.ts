import { type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import { docxOf, odt, textPdf } from '../../files/document-fixtures';
import { browserEnv } from './env';
import type { Person } from './reference-case.seed';

/**
 * Steps the browser journeys share: signing in on the login page, the language cookie, the
 * candidates the jobcenter proposes (with real PDF, DOCX and ODT CVs) and the cards of the
 * supplier's pages.
 */

/** Twenty fictitious people, the jobcenter's proposals for the reference case. */
export const CANDIDATE_NAMES = [
  'Anne Kjær', 'Bo Mikkelsen', 'Camilla Holt', 'Dennis Vang', 'Eva Lund Iversen', 'Frederik Bak', 'Gitte Skov', 'Hans Krogh', 'Ida Mølgaard', 'Jens Thorup',
  'Karin Dahl', 'Lars Winther', 'Maja Frost', 'Niels Brink', 'Oda Rask', 'Peter Due', 'Rikke Hald', 'Søren Lykke', 'Tove Ibsen', 'Ulrik Stær',
] as const;

/** A name as an e-mail address or file name would carry it: `Søren Lykke` -> `soeren.lykke`. */
export function asciiOf(name: string, separator = '.'): string {
  const letters = name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  return letters.normalize('NFD').split(/[^a-z0-9]+/).filter(Boolean).join(separator);
}

export interface CvFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

/** A CV as a jobcenter would upload it: PDF, DOCX and ODT in turn, each with readable text and no CPR number. */
export function cvFor(name: string, i: number): CvFile {
  const lines = [`CV: ${name}`, 'Erfaring: chauffør, 4 år', 'Kørekort B, ønsker delte vagter'];
  const slug = asciiOf(name, '-');
  if (i % 3 === 1) return { name: `cv-${slug}.docx`, mimeType: DOCX, buffer: docxOf(lines) };
  if (i % 3 === 2) return { name: `cv-${slug}.odt`, mimeType: ODT, buffer: odt(ODT, lines) };
  return { name: `cv-${slug}.pdf`, mimeType: 'application/pdf', buffer: textPdf([lines]) };
}

/** Signs in on the login page (from a link that needs login, or from /login) and waits to leave it. */
export async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  if (!/\/login(\?|$)/.test(page.url())) await page.goto('/login');
  await page.locator('input[name="email"]').fill(person.email);
  await page.locator('input[name="password"]').fill(person.password);
  await page.getByRole('button', { name: /^(Log ind|Sign in|Log in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/** The run's first admin, as a person to sign in with. */
export const adminPerson = (): Pick<Person, 'email' | 'password'> => browserEnv().admin;

export type Language = 'da' | 'en';

/** Sets the language cookie the footer's switcher sets (klausul_lang). */
export async function useLanguage(context: BrowserContext, lang: Language): Promise<void> {
  await context.addCookies([{ name: 'klausul_lang', value: lang, url: browserEnv().baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

export interface Proposal {
  name: string;
  email?: string;
  phone?: string;
  hours: string;
  shifts: readonly string[];
  application?: string;
  targetGroup: string;
  consent: { day: string; month: string; year: string };
  consentScope: string;
  cv?: CvFile;
}

export function proposalFor(name: string, i: number): Proposal {
  return {
    name,
    email: `${asciiOf(name)}@example.dk`,
    phone: `20 ${String(10 + i).padStart(2, '0')} 30 40`,
    hours: i % 2 ? '12' : '12,5',
    shifts: i % 2 ? ['split'] : ['morning', 'afternoon'],
    application: 'Jeg vil gerne køre morgen- og eftermiddagsruter.\nJeg har kørt skolebus før.',
    targetGroup: 'flexjob',
    consent: { day: '15', month: '8', year: '2026' },
    consentScope: 'CV og ansøgning må videregives til leverandøren med henblik på ansættelse',
    cv: cvFor(name, i),
  };
}

/** Fills the propose form as it is on the page (every field by its name or id) without submitting. */
export async function fillProposal(page: Page, p: Proposal): Promise<void> {
  await page.locator('#name').fill(p.name);
  if (p.email) await page.locator('#candidateEmail').fill(p.email);
  if (p.phone) await page.locator('#phone').fill(p.phone);
  await page.locator('#availableWeeklyHours').fill(p.hours);
  for (const shift of p.shifts) await page.locator(`input[name="preferredShifts"][value="${shift}"]`).check();
  if (p.application) await page.locator('#applicationText').fill(p.application);
  await page.locator('#targetGroup').selectOption(p.targetGroup);
  await page.locator('input[name="consentDay"]').fill(p.consent.day);
  await page.locator('input[name="consentMonth"]').fill(p.consent.month);
  await page.locator('input[name="consentYear"]').fill(p.consent.year);
  await page.locator('#consentScope').fill(p.consentScope);
  if (p.cv) await page.locator('#cv-file').setInputFiles(p.cv);
}

/** A candidate's card on the supplier's candidates page, by the name in its heading. */
export function candidateCard(page: Page, name: string): Locator {
  return page.locator('section.klausul-candidate').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
}

/** An employee's fieldset on the monthly confirmation, by the name in its legend. */
export function employeeFieldset(page: Page, name: string): Locator {
  return page.locator('fieldset').filter({ has: page.locator('legend').getByText(name, { exact: true }) });
}

/** YYYY-MM of the month `offset` months after the one `date` (YYYY-MM-DD) is in. */
export function monthAfter(date: string, offset: number): string {
  const [y, m] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
}
