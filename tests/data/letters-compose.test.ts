import { describe, expect, it } from 'vitest';
import { composeLetter, demoPriceListRecord, type Contract, type Invoice } from '../../src-core';
import { COMPOSED_KINDS, KIND_FIELDS, buildParams, initialValues, unpaidInvoices, type ComposeFacts, type FormValues } from '../../src-renderer/features/letters/compose-fields';

const contract = {
  id: 'k1', clientId: 'c1', reference: 'CT-2026-00001', tier: 'T99', priceListId: demoPriceListRecord().id, startDate: '2025-03-16', status: 'active', history: [],
  createdAt: '2026-01-01T10:00:00+01:00', updatedAt: '2026-01-01T10:00:00+01:00', version: 0,
} as Contract;
const invoice = {
  id: 'i1', kind: 'invoice', status: 'issued', number: 'F-2026-000123', clientId: 'c1', contractId: 'k1', issueDate: '2026-11-01', dueDate: '2026-12-01',
  totals: { netCents: 9900, vatCents: 1980, totalCents: 11880, byRate: [] },
} as unknown as Invoice;
const facts: ComposeFacts = {
  contract,
  priceList: demoPriceListRecord(),
  unpaid: unpaidInvoices('k1', [invoice], [{ invoiceId: 'i1', amountCents: 1880 } as never], '2027-01-10'),
};

/** What an account manager types for each kind (the letter date and prefilled values come from the form). */
const TYPED: Record<(typeof COMPOSED_KINDS)[number], FormValues> = {
  terminationAcknowledgement: { letterDate: '2027-02-02', noticeReceivedOn: '2027-01-31', channel: 'email' },
  priceChange: { letterDate: '2026-11-27', reason: 'la hausse du coût de l’énergie', newPrice: '109,00' },
  tierChange: { letterDate: '2026-11-04', month: '2026-10', newTier: 'T199', effectiveFrom: '2026-11-01', overLimits: 'Stockage : 14 Go pour 10 Go inclus\n', supplement: '100' },
  paymentReminder: { letterDate: '2026-12-08' },
  formalNotice: { letterDate: '2026-12-16', reminderSentOn: '2026-12-08' },
  nonPaymentTermination: { letterDate: '2027-01-05' },
  breachNotice: { letterDate: '2027-03-05', description: 'le module de contrôle de licence a été désactivé.' },
  breachTermination: { letterDate: '2027-05-04', description: 'le module de licence a été désactivé.', breachNoticeSentOn: '2027-03-29', breachNoticeReceivedOn: '2027-04-01' },
  forceMajeureTermination: { letterDate: '2026-11-02', event: 'l’incendie du centre de données', startedOn: '2026-10-01' },
};

describe('the compose form of each kind', () => {
  it.each(COMPOSED_KINDS)('%s: prefilled and typed values make a letter src-core accepts', (kind) => {
    const values = { ...initialValues(kind, TYPED[kind].letterDate!, facts), ...TYPED[kind] };
    for (const field of KIND_FIELDS[kind]) if (!field.optional) expect(values[field.name], field.name).toBeTruthy();
    const content = composeLetter(kind, buildParams(kind, values, facts));
    expect(content.contractReference).toBe('Contrat n° CT-2026-00001 — Hébergement Dokos T99');
  });

  it('prefills the price list’s current price and the invoice balance after payments', () => {
    expect(initialValues('priceChange', '2026-11-27', facts).newPrice).toBe('99,00');
    expect(initialValues('paymentReminder', '2026-12-08', facts)).toMatchObject({ invoiceId: 'i1' });
    // The amount is the invoice's balance read from the ledger: a typed amount is ignored.
    expect(buildParams('formalNotice', { ...initialValues('formalNotice', '2026-12-16', facts), amountDue: '9 999,00' }, facts).amountDueCents).toBe(10000);
    const text = composeLetter('paymentReminder', buildParams('paymentReminder', initialValues('paymentReminder', '2026-12-08', facts), facts)).paragraphs.join(' ');
    expect(text.replace(/\u00a0/g, ' ')).toContain('la facture n° F-2026-000123 du 01/11/2026, échue le 1er décembre 2026, reste impayée à ce jour pour un montant de 100,00 € TTC');
  });

  it('prefills a follow-up from the letter it follows', () => {
    const values = initialValues('breachTermination', '2027-05-04', facts, { contract: { reference: 'x' }, description: 'le module de licence a été désactivé.', breachNoticeSentOn: '2027-03-29', breachNoticeReceivedOn: '2027-04-01' });
    expect(values).toMatchObject({ letterDate: '2027-05-04', description: 'le module de licence a été désactivé.', breachNoticeReceivedOn: '2027-04-01' });
    expect(values).not.toHaveProperty('contract.reference');
  });

  it('leaves a missing value for src-core to name in French', () => {
    expect(() => composeLetter('breachNotice', buildParams('breachNotice', { letterDate: '2027-03-05' }, facts))).toThrow(/Courrier incomplet : description/);
    expect(() => buildParams('priceChange', { letterDate: '2026-11-27', reason: 'x', newPrice: 'douze' }, facts)).toThrow('Montant illisible');
  });
});
