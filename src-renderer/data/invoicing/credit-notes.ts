import { creditedByLine, creditNoteLines, creditNoteTargetRefusal, enforce, type CreditRequest, type Invoice, message } from '../../../src-core';
import type { DataContext } from '../context';
import { billingLines } from './stored-amounts';
import { invoicingTransaction } from './transaction';
import { issueOnInvoice } from './issue';

/**
 * A credit note (avoir) cancelling or correcting an issued invoice, fully or
 * line by line (DOMAIN.md: an issued invoice is never edited). It is made and
 * numbered in the `AV` series in one transaction, after reading the credit
 * notes already made on the invoice so that together they never exceed it.
 * A second submit of the same intent (`commandId`) returns the note the first
 * one issued: a numbered document can never be deleted, so it is never doubled.
 */
export function createCreditNote(ctx: DataContext, invoiceId: string, request: CreditRequest, actor: string, commandId?: string): Promise<Invoice> {
  return invoicingTransaction(ctx, async () => {
    const found = await ctx.db.invoices.get(invoiceId);
    enforce(creditNoteTargetRefusal(found, found?.clientId ?? ''));
    const invoice = found as Invoice & { number: string };
    const family = await ctx.db.invoices.ofClient(invoice.clientId);
    const earlier = family.filter((d) => d.kind === 'credit_note' && d.creditedInvoiceId === invoiceId);
    const done = commandId ? earlier.find((d) => d.commandId === commandId) : undefined;
    if (done) return done;
    const credited = { number: invoice.number, lines: billingLines(invoice) };
    const lines = creditNoteLines(credited, request, creditedByLine(credited, earlier));
    return issueOnInvoice(
      ctx,
      invoice,
      { kind: 'credit_note', lines, vatMention: invoice.vatMention, creditedInvoiceId: invoice.id, ...(commandId ? { commandId } : {}) },
      actor,
      (number) => message('audit.invoice.creditNote', { number, invoice: invoice.number ?? '', date: { date: invoice.issueDate } }),
    );
  });
}
