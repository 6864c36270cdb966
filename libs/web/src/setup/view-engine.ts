import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import nunjucks from 'nunjucks';
import { packageDir, webRoot } from './web-root';

/** The DKFDS version whose CSS, JS, icons and macros the pages use (pinned exactly in package.json). */
export const DKFDS_VERSION = '11.2.0';
/** Static files: DKFDS's dist under a versioned path (cached for a year), Klausul's own beside it. */
export const DKFDS_STATIC_PREFIX = `/static/dkfds-${DKFDS_VERSION}`;
export const OWN_STATIC_PREFIX = '/static/klausul';

const dateFormats = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }),
};
const numberFormats = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** A calendar date (`2026-12-01`, a Date or an ISO instant) in the page's language: "1. december 2026". */
export function formatDate(value: unknown, language: 'da' | 'en' = 'da'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value as string);
  return Number.isNaN(date.getTime()) ? String(value) : dateFormats[language].format(date);
}

export function formatNumber(value: unknown, language: 'da' | 'en' = 'da'): string {
  const number = typeof value === 'number' ? value : Number(value);
  return value === null || value === undefined || value === '' || Number.isNaN(number) ? '' : numberFormats[language].format(number);
}

/**
 * The id of a form field's input: its name, unless DKFDS's icon sprite (inlined in every
 * page) already uses that id (`email`, `file`, `search`...), when a label's `for` or an
 * error summary's link would point at the icon instead.
 */
export function fieldIdFor(iconIds: ReadonlySet<string>): (name: string) => string {
  return (name) => (iconIds.has(name) ? `field-${name}` : name);
}

/**
 * Nunjucks with autoescape on, looking up Klausul's views (libs/web/src, one folder per
 * audience) and DKFDS's own macros (`components/...` from node_modules/dkfds/src).
 * Several DKFDS macros print parameters with `| safe`: views pass them catalogue text or
 * values escaped with the `e` filter first, never raw user data.
 */
export function configureViews(app: NestExpressApplication, production: boolean): nunjucks.Environment {
  const dkfds = packageDir('dkfds');
  const environment = nunjucks.configure([webRoot(), join(dkfds, 'src')], {
    autoescape: true,
    express: app.getHttpAdapter().getInstance(),
    noCache: !production,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  environment.addFilter('date', (value: unknown, language: 'da' | 'en') => formatDate(value, language));
  environment.addFilter('number', (value: unknown, language: 'da' | 'en') => formatNumber(value, language));
  const sprite = readFileSync(join(dkfds, 'src/components/icons/base-svg.njk'), 'utf8');
  environment.addGlobal('fieldId', fieldIdFor(new Set([...sprite.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]))));
  environment.addGlobal('dkfdsStatic', DKFDS_STATIC_PREFIX);
  environment.addGlobal('ownStatic', OWN_STATIC_PREFIX);
  app.setViewEngine('njk');
  app.useStaticAssets(join(dkfds, 'dist'), { prefix: `${DKFDS_STATIC_PREFIX}/`, maxAge: '365d', immutable: true, index: false });
  app.useStaticAssets(join(webRoot(), 'static'), { prefix: `${OWN_STATIC_PREFIX}/`, maxAge: production ? '1h' : 0, index: false });
  return environment;
}
