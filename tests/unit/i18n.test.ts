import { describe, expect, it } from 'vitest';
import { translate } from '../../src-renderer/i18n/translate';
import { fr } from '../../src-renderer/i18n/fr';
import { en } from '../../src-renderer/i18n/en';

describe('translate', () => {
  it('speaks French by default and English on request', () => {
    expect(translate('fr', 'nav.invoices')).toBe('Factures');
    expect(translate('en', 'nav.invoices')).toBe('Invoices');
  });

  it('falls back to French for a key the English dictionary lacks', () => {
    expect(en['app.name']).toBeUndefined();
    expect(translate('en', 'app.name')).toBe(fr['app.name']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'about.error', { message: 'hors ligne' })).toBe('Informations indisponibles : hors ligne');
    expect(translate('fr', 'about.error')).toBe('Informations indisponibles : {message}');
  });

  it('writes numbers with thousands separators ("10 000 clients")', () => {
    expect(translate('fr', 'invoices.run.draftsTitle', { count: 10000 }).replace(/[\u00a0\u202f]/g, ' ')).toBe('10 000 brouillons à émettre');
    expect(translate('en', 'invoices.run.draftsTitle', { count: 10000 })).toMatch(/^10,000 /);
  });

  it('has no English key that French does not define', () => {
    for (const key of Object.keys(en)) expect(Object.keys(fr)).toContain(key);
  });
});
