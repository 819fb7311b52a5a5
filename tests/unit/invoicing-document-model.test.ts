import { describe, expect, it } from 'vitest';
import { DEMO_SELLER_PROFILE, OUTSIDE_VAT_SCOPE_MENTION, type Client, type Invoice } from '../../src-core';
import { documentFileName, invoiceDocumentModel } from '../../src-renderer/features/invoices/document-model';

const at = '2026-11-27T10:00:00+01:00';
const client: Client = {
  id: 'c1', createdAt: at, updatedAt: at, version: 0,
  legalName: 'Boulangerie Martin SARL', siren: '732829320', vatNumber: 'FR44732829320', country: 'FR',
  billingAddress: { lines: ['12 rue Neuve'], postalCode: '54000', city: 'Nancy' },
  contact: { name: 'Camille Martin', email: 'camille@martin.fr', phone: '03 83 12 34 56' },
  hostingMode: 'cloud',
};
const line = { label: 'Abonnement Dokos, formule T99 – novembre 2026', quantity: 1, unitPriceCents: 9900, netCents: 9900, vatRatePercent: 20 };
const draft: Invoice = {
  id: 'i1', createdAt: at, updatedAt: at, version: 0,
  kind: 'invoice', status: 'draft', number: null, clientId: 'c1', contractId: 'k1', period: '2026-11',
  issueDate: '2026-11-01', dueDate: '2026-12-01', lines: [line],
  totals: { netCents: 9900, vatCents: 1980, totalCents: 11880, byRate: [{ ratePercent: 20, baseCents: 9900, vatCents: 1980 }] },
  vatMention: null,
};

describe('stored document → PDF model', () => {
  it('a draft shows the client file as it is now, the month as service period, no number, and how to pay', () => {
    const model = invoiceDocumentModel(draft, client, DEMO_SELLER_PROFILE);
    expect(model).toMatchObject({
      kind: 'invoice', number: null, issueDate: '2026-11-01', dueDate: '2026-12-01',
      servicePeriod: { from: '2026-11-01', to: '2026-11-30' },
      buyer: { legalName: 'Boulangerie Martin SARL', addressLines: ['12 rue Neuve'], siren: '732829320', vatNumber: 'FR44732829320' },
      totals: draft.totals,
      paymentTerms: `Virement bancaire — IBAN ${DEMO_SELLER_PROFILE.iban}`,
    });
    expect(model.vatMention).toBeUndefined();
    expect(documentFileName(draft, 'Boulangerie Martin SARL')).toBe('brouillon-2026-11-Boulangerie-Martin-SARL.pdf');
  });

  it('an issued document keeps the buyer of its date, whatever the client file says now', () => {
    const issued: Invoice = { ...draft, status: 'issued', number: 'F-2026-000001', buyer: { legalName: 'Ancien nom', country: 'FR', addressLines: ['1 place Stanislas'], postalCode: '54000', city: 'Nancy' } };
    expect(invoiceDocumentModel(issued, client, DEMO_SELLER_PROFILE).buyer).toEqual(issued.buyer);
    expect(invoiceDocumentModel(issued, undefined, DEMO_SELLER_PROFILE).number).toBe('F-2026-000001');
  });

  it('a credit note names the invoice it corrects and asks for no payment; a surcharge names the unpaid invoice', () => {
    const note: Invoice = { ...draft, kind: 'credit_note', status: 'issued', number: 'AV-2026-000001', creditedInvoiceId: 'i0', lines: [{ ...line, netCents: -9900, unitPriceCents: -9900 }] };
    const noteModel = invoiceDocumentModel(note, client, DEMO_SELLER_PROFILE, { referencedNumber: 'F-2026-000001' });
    expect(noteModel).toMatchObject({ kind: 'credit_note', creditedInvoiceNumber: 'F-2026-000001' });
    expect(noteModel.paymentTerms).toBeUndefined();
    const surcharge: Invoice = { ...draft, kind: 'surcharge', status: 'issued', number: 'F-2026-000009', surchargedInvoiceId: 'i0', vatMention: OUTSIDE_VAT_SCOPE_MENTION };
    delete (surcharge as Partial<Invoice>).period;
    expect(invoiceDocumentModel(surcharge, client, DEMO_SELLER_PROFILE, { referencedNumber: 'F-2026-000001' })).toMatchObject({
      kind: 'surcharge', surchargedInvoiceNumber: 'F-2026-000001', vatMention: OUTSIDE_VAT_SCOPE_MENTION, servicePeriod: { from: '2026-11-01', to: '2026-11-01' },
    });
    expect(documentFileName(surcharge, 'x')).toBe('majoration-F-2026-000009.pdf');
  });

  it('refuses a draft whose client is unknown: a document without its buyer is not legal', () => {
    expect(() => invoiceDocumentModel(draft, undefined, DEMO_SELLER_PROFILE)).toThrow(/Client introuvable/);
  });
});
