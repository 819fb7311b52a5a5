import type { Client, Invoice, SellerProfile } from '../../../src-core';
import type { DataContext } from '../context';
import { sellerProfile } from '../settings-in-force';

/** What the PDF of one document needs besides the seller: its client and the number and date of the invoice it refers to. */
export interface PrintableDocument {
  invoice: Invoice;
  client: Client | undefined;
  referencedNumber: string | null;
  referencedDate: string | null;
  /** Credit notes imputed on an invoice as it was issued: "Avoir n° … imputé", less to pay. */
  imputedCredits: { number: string; amountCents: number }[];
}

export interface PrintBatch {
  seller: SellerProfile;
  documents: PrintableDocument[];
}

async function printable(ctx: DataContext, docs: readonly Invoice[]): Promise<PrintBatch> {
  const refIds = docs.map((d) => d.creditedInvoiceId ?? d.surchargedInvoiceId ?? '');
  const ids = new Set(docs.map((d) => d.id));
  const [clients, refs, seller, offsets] = await Promise.all([
    ctx.db.clients.bulkGet(docs.map((d) => d.clientId)),
    ctx.db.invoices.bulkGet(refIds),
    sellerProfile(ctx),
    // Offsets are few (the `kind` index holds refunds and offsets only).
    ctx.db.payments.where('kind').equals('offset').filter((o) => o.offsetInvoiceId !== undefined && ids.has(o.offsetInvoiceId) && o.cancelledOn === undefined).toArray(),
  ]);
  const notes = new Map((await ctx.db.invoices.bulkGet(offsets.map((o) => o.creditNoteId ?? ''))).flatMap((n) => (n ? [[n.id, n] as const] : [])));
  const imputedOn = (id: string) =>
    offsets.flatMap((o) => {
      const note = o.offsetInvoiceId === id ? notes.get(o.creditNoteId ?? '') : undefined;
      return note?.number ? [{ number: note.number, amountCents: o.amountCents }] : [];
    });
  return {
    seller,
    documents: docs.map((invoice, i) => ({ invoice, client: clients[i], referencedNumber: refs[i]?.number ?? null, referencedDate: refs[i]?.issueDate ?? null, imputedCredits: imputedOn(invoice.id) })),
  };
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
  const docs = (await ctx.db.invoices.ofPeriods(period)).filter((d) => d.status === 'issued');
  const rank = (d: Invoice) => (d.kind === 'invoice' ? 0 : 1);
  return printable(ctx, docs.sort((a, b) => rank(a) - rank(b) || (a.number ?? '').localeCompare(b.number ?? '')));
}
