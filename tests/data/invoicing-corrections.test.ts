import { describe, expect, it } from 'vitest';
import { readOutbox } from '../../src-renderer/data';
import { PRICE_LIST_2024_09_01 } from '../../src-core';
import {
  cancelPayment, createCreditNote, createLateSurcharge, createMonthlyDrafts, documentLedger, issueDrafts, planMonthlyRun, recordPayment, removePayment,
} from '../../src-renderer/data/invoicing';
import { createDraftLetter } from '../../src-renderer/data/letters-flow';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

/** One T99 invoice (118,80 € TTC) for October issued on 01/10/2026; today is 27/11/2026, so it is overdue. */
async function overdueInvoice() {
  const data = await openTestData();
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-1', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-01-01' }, ACTOR);
  data.setToday('2026-10-01');
  await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-10'), ACTOR);
  const [draft] = await data.repos.invoices.query({ period: '2026-10' });
  const [invoice] = await issueDrafts(data.ctx, [draft!.id], ACTOR);
  data.setToday();
  const payment = (fields: Partial<Parameters<typeof recordPayment>[1]> = {}) =>
    ({ invoiceId: invoice!.id, clientId: client.id, date: '2026-11-20', amountCents: 1880, method: 'virement' as const, reference: 'VIR-1', ...fields });
  return { ...data, client, contract, invoice: invoice!, payment };
}

describe('every creating action is idempotent: one command id per intent, a second submit a no-op', () => {
  it('a payment submitted twice at once with the same command is recorded once', async () => {
    const data = await overdueInvoice();
    const input = data.payment({ commandId: 'cmd-pay-1' });
    const [a, b] = await Promise.all([recordPayment(data.ctx, input, ACTOR), recordPayment(data.ctx, input, ACTOR)]);
    expect(a.id).toBe(b.id);
    expect(await data.db.payments.count()).toBe(1);
    expect((await readOutbox(data.db)).filter((m) => m.entity === 'payments')).toHaveLength(1);
    // Another intent is another payment.
    await recordPayment(data.ctx, data.payment({ commandId: 'cmd-pay-2' }), ACTOR);
    expect(await data.db.payments.count()).toBe(2);
  });

  it('a credit note and a surcharge submitted twice at once make one numbered document each', async () => {
    const data = await overdueInvoice();
    const [s1, s2] = await Promise.all([createLateSurcharge(data.ctx, data.invoice.id, ACTOR, 'cmd-s'), createLateSurcharge(data.ctx, data.invoice.id, ACTOR, 'cmd-s')]);
    expect(s1.number).toBe(s2.number);
    const [c1, c2] = await Promise.all([createCreditNote(data.ctx, data.invoice.id, 'full', ACTOR, 'cmd-c'), createCreditNote(data.ctx, data.invoice.id, 'full', ACTOR, 'cmd-c')]);
    expect([c1.number, c2.number]).toEqual(['AV-2026-000001', 'AV-2026-000001']);
    const docs = await data.db.invoices.toArray();
    expect(docs.map((d) => d.kind).sort()).toEqual(['credit_note', 'invoice', 'surcharge']);
    expect(await data.db.series.get('AV-2026')).toMatchObject({ lastNumber: 1 });
    expect(await data.db.series.get('F-2026')).toMatchObject({ lastNumber: 2 });
  });

  it('a letter saved twice from the same form is written once', async () => {
    const data = await overdueInvoice();
    const draft = {
      kind: 'breachNotice' as const, clientId: data.client.id, contractId: data.contract.id,
      params: { contract: { reference: 'CT-1' }, letterDate: '2026-11-27', description: 'le module de contrôle de licence a été désactivé.' },
    };
    const [a, b] = await Promise.all([createDraftLetter(data.ctx, draft, ACTOR, 'cmd-l'), createDraftLetter(data.ctx, draft, ACTOR, 'cmd-l')]);
    expect(a.id).toBe(b.id);
    expect(await data.db.letters.count()).toBe(1);
  });
});

describe('payments: dates checked, corrections with a trail (§6.6)', () => {
  it('refuses a payment dated before the invoice or in the future, writing nothing', async () => {
    const data = await overdueInvoice();
    const before = await counts(data.db);
    await expect(recordPayment(data.ctx, data.payment({ date: '2026-09-30' }), ACTOR)).rejects.toThrow('Le paiement (le 30/09/2026) ne peut pas précéder la date du document qu’il règle (le 01/10/2026).');
    await expect(recordPayment(data.ctx, data.payment({ date: '2026-11-28' }), ACTOR)).rejects.toThrow(/ne peut pas être daté dans le futur/);
    expect(await counts(data.db)).toEqual(before);
    await recordPayment(data.ctx, data.payment({ date: '2026-10-01' }), ACTOR);
    await recordPayment(data.ctx, data.payment({ date: '2026-11-27' }), ACTOR);
  });

  it('a payment is cancelled with a reason: kept, audited, synced as a change, no longer counted', async () => {
    const data = await overdueInvoice();
    const paid = await recordPayment(data.ctx, data.payment({ amountCents: 11880 }), ACTOR);
    expect((await documentLedger(data.ctx, data.invoice.id))!.status).toBe('paid');
    await expect(cancelPayment(data.ctx, paid.id, ' ', ACTOR)).rejects.toThrow(/motif/);
    const cancelled = await cancelPayment(data.ctx, paid.id, 'virement rejeté par la banque', ACTOR);
    expect(cancelled).toMatchObject({ id: paid.id, cancelledOn: '2026-11-27', cancellationReason: 'virement rejeté par la banque', amountCents: 11880 });
    const doc = (await documentLedger(data.ctx, data.invoice.id))!;
    expect(doc.payments).toHaveLength(1);
    expect(doc.settlement).toMatchObject({ paidCents: 0, balanceCents: 11880, status: { value: 'overdue' } });
    const audit = await data.repos.audit.ofRecord('payments', paid.id);
    expect(audit.map((a) => a.action)).toEqual(['cancel', 'create']); // most recent first
    expect(audit[0]!.summary).toMatch(/^Paiement de 118,80\s€ du 20\/11\/2026 sur la facture F-2026-000001 annulé : virement rejeté par la banque\.$/);
    const mutations = (await readOutbox(data.db)).filter((m) => m.entity === 'payments');
    expect(mutations.map((m) => m.op)).toEqual(['upsert', 'upsert']);
    expect(mutations[1]!.changes).toEqual({ cancelledOn: '2026-11-27', cancellationReason: 'virement rejeté par la banque' });
    // The same cancellation submitted again changes nothing; the balance can be paid again.
    await cancelPayment(data.ctx, paid.id, 'virement rejeté par la banque', ACTOR);
    expect(await data.repos.audit.ofRecord('payments', paid.id)).toHaveLength(2);
    await recordPayment(data.ctx, data.payment({ amountCents: 11880 }), ACTOR);
  });

  it('a synced payment is never deleted', async () => {
    const data = await overdueInvoice();
    const paid = await recordPayment(data.ctx, data.payment(), ACTOR);
    await data.db.payments.put({ ...paid, version: 3 });
    await expect(removePayment(data.ctx, paid.id, ACTOR)).rejects.toThrow(/il s’annule avec un motif/);
    expect(await data.db.payments.get(paid.id)).toBeDefined();
  });
});
