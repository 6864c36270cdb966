import { keysOf, loadCatalogues, translator } from './i18n';

describe('message catalogues', () => {
  it('has the same keys in Danish and English', () => {
    const catalogues = loadCatalogues();
    const da = new Set(keysOf(catalogues.da));
    const en = new Set(keysOf(catalogues.en));
    expect([...da].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !da.has(key))).toEqual([]);
  });

  it('has no empty text', () => {
    for (const [language, catalogue] of Object.entries(loadCatalogues())) {
      const t = translator(language as 'da' | 'en');
      for (const key of keysOf(catalogue)) expect([language, key, t(key).trim() === '']).toEqual([language, key, false]);
    }
  });

  it('answers in the language asked for', () => {
    expect(translator('da')('common.layout.skipLink')).toBe('Gå til sidens indhold');
    expect(translator('en')('common.layout.skipLink')).toBe('Skip to main content');
  });
});
