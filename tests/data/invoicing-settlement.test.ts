import { describe, expect, it } from 'vitest';
import { FIXED_RECOVERY_INDEMNITY_CENTS } from '../../src-core';
import {
  createCreditNote, createLateSurcharge, createMonthlyDrafts, documentLedger, issueDrafts, ledger, overdueLedger, planMonthlyRun, recordPayment,
} from '../../src-renderer/data/invoicing';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

/** One T99 invoice (99 € HT, 118,80 € TTC) issued for `month`; today is 27/11/2026. */
async function issuedInvoice(month: string) {
  const data = await openTestData();
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  await data.commands.contracts.create({ clientId: client.id, reference: 'CT-1', tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
  // Issued on the 1st of its month (an invoice is dated the day it is issued), read back on 27/11.
  data.setToday(`${month}-01`);
  await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, month), ACTOR);
  const [draft] = await data.repos.invoices.query({ period: month });
  const [invoice] = await issueDrafts(data.ctx, [draft!.id], ACTOR);
  data.setToday();
  const pay = (amountCents: number, date = '2026-11-20') => recordPayment(data.ctx, { invoiceId: invoice!.id, clientId: client.id, date, amountCents, method: 'virement', reference: 'VIR-1' }, ACTOR);
  const state = async () => (await documentLedger(data.ctx, invoice!.id))!;
  return { ...data, client, invoice: invoice!, pay, state };
}

describe('payments, balance and status (§6.6)', () => {
  it('issued → partly paid → paid, before the due date', async () => {
    const { invoice, pay, state } = await issuedInvoice('2026-11');
    expect(invoice.totals.totalCents).toBe(11880);
    expect((await state()).status).toBe('issued');
    await pay(5000);
    expect((await state()).settlement).toMatchObject({ paidCents: 5000, balanceCents: 6880, status: { value: 'partly_paid' } });
    await pay(6880);
    expect((await state()).settlement).toMatchObject({ balanceCents: 0, status: { value: 'paid' } });
    expect((await state()).payments).toHaveLength(2);
  });

  it('refuses a payment above the balance, on a paid invoice or on a draft, writing nothing', async () => {
    const data = await issuedInvoice('2026-11');
    const before = await counts(data.db);
    await expect(data.pay(11881)).rejects.toThrow(/dépasse le solde dû/);
    expect(await counts(data.db)).toEqual(before);
    await data.pay(11880);
    await expect(data.pay(1)).rejects.toThrow(/déjà soldé/);
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-12'), ACTOR);
    const [draft] = await data.repos.invoices.query({ period: '2026-12' });
    await expect(recordPayment(data.ctx, { invoiceId: draft!.id, clientId: data.client.id, date: '2026-11-27', amountCents: 100, method: 'cheque', reference: '' }, ACTOR)).rejects.toThrow(/brouillon/);
  });

  it('past its due date with a balance an invoice is overdue, listed with its days late and the dunning step due', async () => {
    const { ctx, invoice, pay } = await issuedInvoice('2026-09');
    await pay(1880, '2026-10-05');
    const [row] = await overdueLedger(ctx);
    expect(row!.invoice.id).toBe(invoice.id);
    expect(row!.settlement).toMatchObject({ balanceCents: 10000, daysLate: 57, status: { value: 'overdue' } }); // due 01/10/2026
    expect(row!.dunning).toMatchObject({ step: 'termination_possible', value: '2026-10-31', clause: '§6.6' });
    expect(row!.surcharged).toBe(false);
  });
});

describe('late surcharge (§6.6)', () => {
  it('is 50 % of the unpaid TTC plus the 40 € indemnity, outside VAT, numbered in the F series, once per invoice', async () => {
    const data = await issuedInvoice('2026-09');
    await data.pay(1880, '2026-10-05');
    const surcharge = await createLateSurcharge(data.ctx, data.invoice.id, ACTOR);
    expect(surcharge).toMatchObject({ kind: 'surcharge', number: 'F-2026-000002', surchargedInvoiceId: data.invoice.id, issueDate: '2026-11-27', period: '2026-09' });
    expect(surcharge.lines.map((l) => [l.netCents, l.vatRatePercent])).toEqual([[5000, 0], [FIXED_RECOVERY_INDEMNITY_CENTS, 0]]);
    expect(surcharge.totals).toMatchObject({ vatCents: 0, totalCents: 9000 });
    await expect(createLateSurcharge(data.ctx, data.invoice.id, ACTOR)).rejects.toThrow(/déjà été émise/);
    expect((await overdueLedger(data.ctx)).find((r) => r.invoice.id === data.invoice.id)!.surcharged).toBe(true);
  });

  it('is refused on an invoice that is not late', async () => {
    const data = await issuedInvoice('2026-11');
    await expect(createLateSurcharge(data.ctx, data.invoice.id, ACTOR)).rejects.toThrow(/pas en retard/);
  });
});

describe('credit notes (avoirs)', () => {
  it('a partial credit note reduces the balance; the rest can be credited; never more than the invoice', async () => {
    const data = await issuedInvoice('2026-11');
    const partial = await createCreditNote(data.ctx, data.invoice.id, [{ lineIndex: 0, netCents: 2000 }], ACTOR);
    expect(partial).toMatchObject({ kind: 'credit_note', number: 'AV-2026-000001', creditedInvoiceId: data.invoice.id, period: '2026-11', seriesId: 'AV-2026' });
    expect(partial.totals).toMatchObject({ netCents: -2000, vatCents: -400, totalCents: -2400 });
    expect((await data.state()).settlement).toMatchObject({ creditedCents: 2400, balanceCents: 9480 });
    await expect(createCreditNote(data.ctx, data.invoice.id, [{ lineIndex: 0, netCents: 7901 }], ACTOR)).rejects.toThrow(/il ne reste que 79,00/);
    const rest = await createCreditNote(data.ctx, data.invoice.id, 'full', ACTOR);
    expect(rest.number).toBe('AV-2026-000002');
    expect(rest.totals.netCents).toBe(-7900);
    expect((await data.state()).status).toBe('credited');
    await expect(createCreditNote(data.ctx, data.invoice.id, 'full', ACTOR)).rejects.toThrow(/rien ne reste à créditer/);
    const month = await ledger(data.ctx, { period: '2026-11' });
    expect(month.map((r) => r.status).sort()).toEqual(['credited', 'issued', 'issued']);
  });

  it('is refused on a draft or on another credit note', async () => {
    const data = await issuedInvoice('2026-11');
    const note = await createCreditNote(data.ctx, data.invoice.id, [{ lineIndex: 0, netCents: 100 }], ACTOR);
    await expect(createCreditNote(data.ctx, note.id, 'full', ACTOR)).rejects.toThrow(/facture ou une majoration émise/);
  });
});
