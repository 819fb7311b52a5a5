import { describe, expect, it } from 'vitest';
import { translate } from '../../src-renderer/i18n/translate';
import { fr } from '../../src-renderer/i18n/fr';
import { en } from '../../src-renderer/i18n/en';

describe('translate', () => {
  it('speaks French by default and English on request', () => {
    expect(translate('fr', 'nav.invoices')).toBe('Factures');
    expect(translate('en', 'nav.invoices')).toBe('Invoices');
  });

  it('has every French key in English, and no other (issue 19: the English locale is complete)', () => {
    const frKeys = Object.keys(fr).sort();
    const enKeys = Object.keys(en).sort();
    expect(frKeys.filter((k) => !enKeys.includes(k)), 'keys missing in en.ts').toEqual([]);
    expect(enKeys.filter((k) => !frKeys.includes(k)), 'keys en.ts has and fr.ts does not').toEqual([]);
  });

  it('keeps the placeholders of every French message in its English translation', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]).sort();
    // zod's own words (a wrong type, an unknown key) come in both languages, each locale taking its own.
    const bothLanguages = new Set<string>(['validation.other']);
    const differ = (Object.keys(fr) as (keyof typeof fr)[]).filter((k) => !bothLanguages.has(k) && names(fr[k]).join() !== names(en[k]).join());
    expect(differ).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'about.error', { message: 'hors ligne' })).toBe('Informations indisponibles : hors ligne');
    expect(translate('fr', 'about.error')).toBe('Informations indisponibles : {message}');
  });

  it('writes numbers with thousands separators ("10 000 clients")', () => {
    expect(translate('fr', 'invoices.run.draftsTitle', { count: 10000 }).replace(/[\u00a0\u202f]/g, ' ')).toBe('10 000 brouillons à émettre');
    expect(translate('en', 'invoices.run.draftsTitle', { count: 10000 })).toMatch(/^10,000 /);
  });

});

describe('words of src-core codes (issue 19)', () => {
  it('say in French exactly what src-core says in letters and exports', async () => {
    const core = await import('../../src-core');
    const sets: [string, Record<string, string>][] = [
      ['contractStatus', core.CONTRACT_STATUS_LABELS],
      ['letterKind', core.LETTER_KIND_LABELS],
      ['letterStatus', core.LETTER_STATUS_LABELS],
      ['dunningStep', core.DUNNING_STEP_LABELS],
      ['entity', core.ENTITY_LABELS],
      ['noticeChannel', core.NOTICE_CHANNEL_LABELS],
    ];
    for (const [name, labels] of sets) {
      for (const [code, label] of Object.entries(labels)) expect(translate('fr', `code.${name}.${code}` as keyof typeof fr), `${name}.${code}`).toBe(label);
    }
    for (const [metric, { label, unit }] of Object.entries(core.METRIC_LABELS_FR)) {
      expect(translate('fr', `code.metric.${metric}` as keyof typeof fr)).toBe(label);
      expect(translate('fr', `code.unit.${metric}` as keyof typeof fr)).toBe(unit);
    }
  });
});
