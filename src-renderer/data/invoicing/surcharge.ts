import { message, refusalError, lateSurchargeLines, OUTSIDE_VAT_SCOPE_MENTION, type Invoice } from '../../../src-core';
import type { DataContext } from '../context';
import { invoicingTransaction } from './transaction';
import { ruleSettings } from '../settings-in-force';
import { issueOnInvoice } from './issue';
import { documentLedger } from './ledger';

/**
 * The late-surcharge document of an overdue invoice (§6.6): 50 % of the unpaid
 * TTC, plus the 40 € recovery indemnity when the setting says so, outside the
 * scope of VAT, numbered in the F series since it claims a payment. One per
 * invoice: the surcharge is computed once, on the balance of the day it is made.
 * A second submit of the same intent (`commandId`) returns that document.
 */
export function createLateSurcharge(ctx: DataContext, invoiceId: string, actor: string, commandId?: string): Promise<Invoice> {
  return invoicingTransaction(ctx, async () => {
    const doc = await documentLedger(ctx, invoiceId);
    const invoice = doc?.invoice;
    const settlement = doc?.settlement;
    if (!doc || !invoice || invoice.kind !== 'invoice' || !invoice.number || !settlement) {
      throw refusalError('INVALID_INPUT', message('refusal.surcharge.notIssued'));
    }
    const done = commandId ? doc.surcharges.find((d) => d.commandId === commandId) : undefined;
    if (done) return done;
    if (settlement.status.value !== 'overdue') throw refusalError('INVALID_INPUT', message('refusal.surcharge.notLate', { number: invoice.number ?? '' }));
    if (doc.surcharges.length > 0) throw refusalError('INVALID_INPUT', message('refusal.surcharge.already', { number: invoice.number ?? '', surcharge: doc.surcharges[0]!.number ?? '' }));
    const lines = lateSurchargeLines(invoice.number, settlement.balanceCents, await ruleSettings(ctx));
    return issueOnInvoice(
      ctx,
      invoice,
      { kind: 'surcharge', lines, vatMention: OUTSIDE_VAT_SCOPE_MENTION, surchargedInvoiceId: invoice.id, ...(commandId ? { commandId } : {}) },
      actor,
      (number) => message('audit.invoice.surcharge', { number, invoice: invoice.number ?? '' }),
    );
  });
}
