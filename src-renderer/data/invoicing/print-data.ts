import type { Client, Invoice, SellerProfile } from '../../../src-core';
import type { DataContext } from '../context';
import { sellerProfile } from './common';

/** What the PDF of one document needs besides the seller: its client and the number and date of the invoice it refers to. */
export interface PrintableDocument {
  invoice: Invoice;
  client: Client | undefined;
  referencedNumber: string | null;
  referencedDate: string | null;
}

export interface PrintBatch {
  seller: SellerProfile;
  documents: PrintableDocument[];
}

async function printable(ctx: DataContext, docs: readonly Invoice[]): Promise<PrintBatch> {
  const refIds = docs.map((d) => d.creditedInvoiceId ?? d.surchargedInvoiceId ?? '');
  const [clients, refs, seller] = await Promise.all([
    ctx.db.clients.bulkGet(docs.map((d) => d.clientId)),
    ctx.db.invoices.bulkGet(refIds),
    sellerProfile(ctx),
  ]);
  return { seller, documents: docs.map((invoice, i) => ({ invoice, client: clients[i], referencedNumber: refs[i]?.number ?? null, referencedDate: refs[i]?.issueDate ?? null })) };
}

/** One document, ready to render. */
export async function printableDocument(ctx: DataContext, id: string): Promise<PrintBatch> {
  const doc = await ctx.db.invoices.get(id);
  return printable(ctx, doc ? [doc] : []);
}

/**
 * A month's issued documents for the month's export (drafts are not sent to clients), as an
 * accountant files them: the invoices first, then the credit notes and surcharges, each by number.
 */
export async function printableMonth(ctx: DataContext, period: string): Promise<PrintBatch> {
  const docs = (await ctx.db.invoices.where('period').equals(period).toArray()).filter((d) => d.status === 'issued');
  const rank = (d: Invoice) => (d.kind === 'invoice' ? 0 : 1);
  return printable(ctx, docs.sort((a, b) => rank(a) - rank(b) || (a.number ?? '').localeCompare(b.number ?? '')));
}
