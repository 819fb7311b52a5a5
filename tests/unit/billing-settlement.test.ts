import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paymentProblem, settlement } from '../../src-core/billing';
import { messageFr } from '../../src-core';

const invoice = { totalCents: 11880, dueDate: '2026-12-31' };

describe('settlement of an issued invoice (§6.6)', () => {
  it('unpaid before the due date: issued, full balance, not late', () => {
    const s = settlement({ ...invoice, paymentsCents: [] }, '2026-12-31');
    expect(s).toMatchObject({ paidCents: 0, creditedCents: 0, balanceCents: 11880, daysLate: 0 });
    expect(s.status.value).toBe('issued');
    expect(s.status.rule).toContain('31/12/2026');
  });

  it('partly paid, then overdue with the days late counted from the due date', () => {
    expect(settlement({ ...invoice, paymentsCents: [5000] }, '2026-12-15').status.value).toBe('partly_paid');
    const late = settlement({ ...invoice, paymentsCents: [5000] }, '2027-01-10');
    expect(late).toMatchObject({ balanceCents: 6880, daysLate: 10 });
    expect(late.status.value).toBe('overdue');
    expect(late.status.rule).toMatch(/dépassée de 10 jours :/);
  });

  it('paid in several payments, even after the due date; overpayment leaves a negative balance', () => {
    expect(settlement({ ...invoice, paymentsCents: [5000, 6880] }, '2027-02-01')).toMatchObject({ balanceCents: 0, daysLate: 0, status: { value: 'paid' } });
    expect(settlement({ ...invoice, paymentsCents: [12000] }, '2027-02-01').balanceCents).toBe(-120);
  });

  it('credit notes reduce what is owed; a fully credited unpaid invoice is cancelled', () => {
    expect(settlement({ ...invoice, paymentsCents: [], creditNotesTotalCents: [-11880] }, '2027-03-01').status.value).toBe('credited');
    const partial = settlement({ ...invoice, paymentsCents: [6000], creditNotesTotalCents: [-5880] }, '2027-03-01');
    expect(partial).toMatchObject({ creditedCents: 5880, balanceCents: 0, status: { value: 'paid' } });
  });

  it('refuses a non-positive or fractional payment', () => {
    expect(() => settlement({ ...invoice, paymentsCents: [0] }, '2026-12-01')).toThrow(/positif/);
    expect(() => settlement({ ...invoice, paymentsCents: [1.5] }, '2026-12-01')).toThrow(/au centime près/);
  });

  it('balance = total − credits − payments, whatever the amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }), (total, payments) => {
        const s = settlement({ totalCents: total, dueDate: '2026-12-31', paymentsCents: payments }, '2027-01-05');
        expect(s.balanceCents).toBe(total - payments.reduce((a, b) => a + b, 0));
        expect(s.status.value === 'overdue').toBe(s.balanceCents > 0);
        expect(s.daysLate).toBe(s.balanceCents > 0 ? 5 : 0);
      }),
    );
  });
});

describe('payment limits', () => {
  it('accepts up to the balance, refuses more, zero, or any payment on a settled document', () => {
    expect(paymentProblem({ balanceCents: 11880 }, 11880)).toBeNull();
    expect(messageFr(paymentProblem({ balanceCents: 11880 }, 11881)!)).toMatch(/dépasse le solde dû \(118,80/);
    expect(messageFr(paymentProblem({ balanceCents: 11880 }, 0)!)).toMatch(/positif/);
    expect(messageFr(paymentProblem({ balanceCents: 0 }, 100)!)).toMatch(/déjà soldé/);
  });
});
