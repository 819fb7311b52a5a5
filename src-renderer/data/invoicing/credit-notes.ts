import { creditedByLine, creditNoteLines, DomainError, invoiceTotals, type CreditRequest, type Invoice } from '../../../src-core';
import type { DataContext } from '../context';
import { billingLines, invoicingTransaction, parisToday, storedTotals } from './common';
import { issueNewDocument } from './issue';

/**
 * A credit note (avoir) cancelling or correcting an issued invoice, fully or
 * line by line (DOMAIN.md: an issued invoice is never edited). It is made and
 * numbered in the `AV` series in one transaction, after reading the credit
 * notes already made on the invoice so that together they never exceed it.
 */
export function createCreditNote(ctx: DataContext, invoiceId: string, request: CreditRequest, actor: string): Promise<Invoice> {
  return invoicingTransaction(ctx, async () => {
    const invoice = await ctx.db.invoices.get(invoiceId);
    if (!invoice || invoice.kind === 'credit_note' || invoice.status !== 'issued' || !invoice.number) {
      throw new DomainError('INVALID_INPUT', 'Un avoir se fait sur une facture ou une majoration émise.');
    }
    const family = await ctx.db.invoices.where('clientId').equals(invoice.clientId).toArray();
    const earlier = family.filter((d) => d.kind === 'credit_note' && d.creditedInvoiceId === invoiceId);
    const credited = { number: invoice.number, lines: billingLines(invoice) };
    const lines = creditNoteLines(credited, request, creditedByLine(credited, earlier));
    const today = parisToday(ctx);
    return issueNewDocument(
      ctx,
      {
        kind: 'credit_note',
        clientId: invoice.clientId,
        contractId: invoice.contractId,
        // The invoice's month: a month's list shows its invoices with their credit notes.
        ...(invoice.period ? { period: invoice.period } : {}),
        // Nothing is owed on a credit note: its due date is its date.
        issueDate: today,
        dueDate: today,
        lines,
        totals: storedTotals(invoiceTotals(lines)),
        vatMention: invoice.vatMention,
        creditedInvoiceId: invoice.id,
        ...(invoice.buyer ? { buyer: invoice.buyer } : {}),
      },
      actor,
      (number) => `Avoir ${number} émis sur la facture ${invoice.number}.`,
    );
  });
}
