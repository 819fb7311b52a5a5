import { describe, expect, it } from 'vitest';
import { INVOICE_KIND_NAMES, INVOICE_KINDS, kindOfSeries, seriesPrefixOf, type Invoice } from '../../src-core';
import { documentFileName } from '../../src-renderer/features/invoices/document-model';
import { en } from '../../src-renderer/i18n/en';
import { fr } from '../../src-renderer/i18n/fr';

describe('an invoice kind: one code, every other name derived from it', () => {
  it('names each stored kind on screen (both locales), in documents, in file names and in numbering', () => {
    expect(Object.keys(INVOICE_KIND_NAMES).sort()).toEqual([...INVOICE_KINDS].sort());
    for (const kind of INVOICE_KINDS) {
      const names = INVOICE_KIND_NAMES[kind];
      // The screen's French word is the documents' word.
      expect(fr[names.labelKey]).toBe(names.label);
      expect(en[names.labelKey]).toMatch(/\w/);
      expect(kindOfSeries(seriesPrefixOf(kind))).toBe(kind === 'credit_note' ? 'credit_note' : 'invoice');
    }
    expect(INVOICE_KINDS.map((k) => INVOICE_KIND_NAMES[k].typeCode)).toEqual(['380', '381', '380']);
  });

  it('saves each issued kind under its own file prefix', () => {
    const doc = (kind: Invoice['kind'], number: string) => ({ kind, number, period: '2026-11', issueDate: '2026-11-27' }) as Invoice;
    expect(documentFileName(doc('invoice', 'F-2026-000001'), 'ACME')).toBe('facture-F-2026-000001.pdf');
    expect(documentFileName(doc('credit_note', 'AV-2026-000004'), 'ACME')).toBe('avoir-AV-2026-000004.pdf');
    expect(documentFileName(doc('surcharge', 'F-2026-000009'), 'ACME')).toBe('majoration-F-2026-000009.pdf');
  });
});
