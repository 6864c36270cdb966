import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { webRoot } from '../setup/web-root';

/** The languages a page can be shown in; the first is the default (Danish public-sector sites are Danish first). */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';
/** The cookie that keeps a person's choice of language (not personal data: "da" or "en"). */
export const LANGUAGE_COOKIE = 'klausul_lang';

export type Catalogue = Record<string, unknown>;
export type Translate = TFunction;

/**
 * One catalogue per language, from `i18n/<language>/<area>.json`: each file is the keys of
 * one area (`common`, `account`, `supplier`, ...), reached as `<area>.<key>`.
 */
function loadCatalogue(language: Language): Catalogue {
  const dir = join(webRoot(), 'i18n', language);
  const catalogue: Catalogue = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    catalogue[basename(file, '.json')] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  return catalogue;
}

let catalogues: Record<Language, Catalogue> | undefined;
const instance = i18next.createInstance();

export function loadCatalogues(): Record<Language, Catalogue> {
  if (catalogues) return catalogues;
  catalogues = { da: loadCatalogue('da'), en: loadCatalogue('en') };
  void instance.init({
    resources: { da: { translation: catalogues.da }, en: { translation: catalogues.en } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: false,
    initAsync: false,
    // Views escape on output (Nunjucks autoescape); escaping here too would double it.
    interpolation: { escapeValue: false },
  });
  return catalogues;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The translate function of one language: `t('supplier.start.title')`, `t('common.errors.required', { field })`. */
export function translator(language: Language): TFunction {
  loadCatalogues();
  return instance.getFixedT(language);
}

/** Every key of a catalogue, as dotted paths (for the parity test). */
export function keysOf(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keysOf(value as Catalogue, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
