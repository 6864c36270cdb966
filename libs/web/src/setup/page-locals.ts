import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '@klausul/identity';
import { issueFormToken } from '@klausul/identity';
import { DEFAULT_LANGUAGE, isLanguage, type Language, LANGUAGE_COOKIE, type Translate, translator } from '../i18n/i18n';

/** Set by configureWebUi: whether cookies get the Secure flag (production). */
export const PRODUCTION_SETTING = 'klausul:production';

export interface PageLocals {
  lang: Language;
  t: Translate;
  csrfToken: string;
  /** The signed-in person, for the header (absent on public pages). */
  viewer?: { name: string; role: string };
  /** DKFDS language switcher entries, the current language first (the macro marks the first as current). */
  languages: { code: Language; name: string; href: string }[];
  currentPath: string;
}

export function languageOf(req: Pick<Request, 'cookies'>): Language {
  const chosen = (req.cookies as Record<string, unknown> | undefined)?.[LANGUAGE_COOKIE];
  return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
}

/** A same-origin path to go to after a step (sign-in, a language change), or undefined: never an absolute or `//` URL. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\\]/.test(value)) return undefined;
  return value;
}

/** What every page's layout needs: language, translations, the form token, the viewer, the language links. */
export function pageLocals(req: Request, res: Response): PageLocals {
  const lang = languageOf(req);
  const t = translator(lang);
  const production = Boolean(req.app.get(PRODUCTION_SETTING));
  const csrfToken = issueFormToken(req, res, { env: production ? 'production' : 'development' });
  const authenticated = req as AuthenticatedRequest;
  const currentPath = req.originalUrl.startsWith('/') ? req.originalUrl : '/';
  const back = encodeURIComponent(req.method === 'GET' ? currentPath : req.path);
  const names: Record<Language, string> = { da: 'Dansk', en: 'English' };
  const order: Language[] = lang === 'da' ? ['da', 'en'] : ['en', 'da'];
  return {
    lang,
    t,
    csrfToken,
    viewer: authenticated.actor && authenticated.displayName ? { name: authenticated.displayName, role: authenticated.actor.role } : undefined,
    languages: order.map((code) => ({ code, name: names[code], href: `/language/${code}?next=${back}` })),
    currentPath,
  };
}
