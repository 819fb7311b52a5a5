import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditUseProblem, entryAmounts, offsetsOnIssue, overpaymentCents, settlement, type CreditUseDocument } from '../../src-core/billing';
import { documentSettlement } from '../../src-core/rules';
import { messageFr, type Message } from '../../src-core/messages';

/** The French of a refusal (a message code since issue 19), null when allowed. */
const french = (problem: Message | null) => problem && messageFr(problem);

const invoice: CreditUseDocument = { id: 'A', clientId: 'C1', kind: 'invoice', status: 'issued', number: 'F-2026-000001' };
const note: CreditUseDocument = { id: 'AV', clientId: 'C1', kind: 'credit_note', status: 'issued', number: 'AV-2026-000001', creditedInvoiceId: 'A' };
const next: CreditUseDocument = { id: 'B', clientId: 'C1', kind: 'invoice', status: 'issued', number: 'F-2026-000002' };
/** 118,80 € paid, fully credited: 118,80 € overpaid. */
const overpaid = settlement({ totalCents: 11880, dueDate: '2026-10-31', paymentsCents: [11880], creditNotesTotalCents: [-11880] }, '2026-11-27');

describe('refund or offset of an overpaid invoice (issue 16)', () => {
  it('a credit note on a paid invoice leaves its payment beyond the new balance to refund or impute', () => {
    expect(overpaid.balanceCents).toBe(-11880);
    expect(overpaymentCents(overpaid)).toBe(11880);
    expect(overpaid.status.rule).toMatch(/^Trop-perçu de 118,80/);
  });

  it('refunds and offsets bring the balance back; an offset settles the next invoice without changing its total', () => {
    const entries = [
      { invoiceId: 'A', amountCents: 11880 },
      { invoiceId: 'A', amountCents: 5000, kind: 'refund' as const },
      { invoiceId: 'A', amountCents: 6880, kind: 'offset' as const, offsetInvoiceId: 'B' },
      { invoiceId: 'A', amountCents: 999, kind: 'refund' as const, cancelledOn: '2026-11-27' },
    ];
    const issued = { kind: 'invoice' as const, status: 'issued' as const };
    const a = documentSettlement({ id: 'A', ...issued, dueDate: '2026-10-31', totals: { totalCents: 11880 } }, entries, [{ kind: 'credit_note', status: 'issued', creditedInvoiceId: 'A', totals: { totalCents: -11880 } }], '2026-11-27')!;
    expect(a).toMatchObject({ balanceCents: 0, refundedCents: 5000, offsetOutCents: 6880 });
    expect(a.status.value).toBe('credited');
    const b = documentSettlement({ id: 'B', ...issued, dueDate: '2026-12-31', totals: { totalCents: 11880 } }, entries, [], '2026-12-01')!;
    expect(b).toMatchObject({ paidCents: 0, offsetInCents: 6880, balanceCents: 5000 });
    expect(b.status.rule).toContain('dont 68,80');
  });

  it('refuses more than the overpayment, another client, a credit note of another invoice, nothing overpaid', () => {
    const facts = { source: { invoice, settlement: overpaid }, creditNote: note };
    expect(creditUseProblem({ kind: 'refund', clientId: 'C1', amountCents: 11880 }, facts)).toBeNull();
    expect(french(creditUseProblem({ kind: 'refund', clientId: 'C1', amountCents: 11881 }, facts))).toMatch(/^Le remboursement \(118,81\s€\) dépasse ce que le client a payé au-delà du solde de la facture F-2026-000001 \(118,80\s€\)\.$/);
    expect(french(creditUseProblem({ kind: 'offset', clientId: 'C2', amountCents: 100 }, facts))).toMatch(/client de la facture F-2026-000001/);
    expect(french(creditUseProblem({ kind: 'offset', clientId: 'C1', amountCents: 100 }, { ...facts, creditNote: { ...note, creditedInvoiceId: 'Z' } }))).toMatch(/nomme un avoir émis sur la facture/);
    expect(french(creditUseProblem({ kind: 'refund', clientId: 'C1', amountCents: 100 }, { ...facts, source: { invoice, settlement: { balanceCents: 0 } } }))).toMatch(/n’a pas de trop-perçu/);
    expect(french(creditUseProblem({ kind: 'refund', clientId: 'C1', amountCents: 0 }, facts))).toMatch(/montant positif/);
  });

  it('an offset is imputed on an issued invoice of the same client, never beyond what it still owes', () => {
    const facts = { source: { invoice, settlement: overpaid }, creditNote: note };
    expect(creditUseProblem({ kind: 'offset', clientId: 'C1', amountCents: 5000 }, { ...facts, target: { invoice: next, settlement: { balanceCents: 5000 } } })).toBeNull();
    expect(french(creditUseProblem({ kind: 'offset', clientId: 'C1', amountCents: 5001 }, { ...facts, target: { invoice: next, settlement: { balanceCents: 5000 } } }))).toMatch(/dépasse ce que la facture F-2026-000002 reste à payer/);
    expect(french(creditUseProblem({ kind: 'offset', clientId: 'C1', amountCents: 100 }, { ...facts, target: { invoice: { ...next, clientId: 'C2' }, settlement: { balanceCents: 5000 } } }))).toMatch(/d’un autre client/);
    expect(french(creditUseProblem({ kind: 'offset', clientId: 'C1', amountCents: 100 }, { ...facts, target: { invoice, settlement: { balanceCents: 5000 } } }))).toMatch(/autre facture émise/);
  });

  it('offsets on issue: oldest first, up to the invoice total, never more than each one nor the total', () => {
    expect(offsetsOnIssue([{ amountCents: 5000 }, { amountCents: 9000 }], 11880).map((t) => t.imputedCents)).toEqual([5000, 6880]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 6 }), fc.integer({ min: 0, max: 200_000 }), (amounts, total) => {
        const taken = offsetsOnIssue(amounts.map((amountCents) => ({ amountCents })), total);
        const sum = taken.reduce((s, t) => s + t.imputedCents, 0);
        expect(sum).toBe(Math.min(total, amounts.reduce((s, a) => s + a, 0)));
        for (const t of taken) expect(t.imputedCents).toBeGreaterThan(0);
        for (const t of taken) expect(t.imputedCents).toBeLessThanOrEqual(t.entry.amountCents);
      }),
    );
  });

  it('entry amounts: a payment with no kind is money received (records before issue 16)', () => {
    expect(entryAmounts('A', [{ invoiceId: 'A', amountCents: 100 }, { invoiceId: 'A', amountCents: 50, kind: 'offset' }])).toEqual({ paymentsCents: [100], refundsCents: [], offsetsOutCents: [50], offsetsInCents: [] });
  });
});
