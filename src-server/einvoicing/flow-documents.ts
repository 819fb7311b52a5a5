import { facturX, invoiceDocumentModel, invoiceSchema, clientSchema, type Client, type Invoice, type SellerProfile } from '../../src-core';
import { isCountedPayment, settlement } from '../../src-core/billing';
import { toParisWallClock } from '../../src-core/calendar';
import type { Queryable } from '../storage/db';
import { loadRecord } from '../sync/record-store';

/**
 * The documents the queue sends, read from the server's records: the same
 * view model and CII writer as the laptop (src-core/einvoice), so the XML
 * the platform receives is the one embedded in the PDF the client got.
 */
export async function loadInvoice(db: Queryable, id: string): Promise<Invoice | undefined> {
  const stored = await loadRecord(db, 'invoices', id);
  return stored && !stored.deleted ? invoiceSchema.parse(stored.data) : undefined;
}

async function loadClient(db: Queryable, id: string): Promise<Client | undefined> {
  const stored = await loadRecord(db, 'clients', id);
  return stored && !stored.deleted ? clientSchema.parse(stored.data) : undefined;
}

/** The CII XML of an issued document, with the EN 16931 problems it has (none for a document the laptop let issue). */
export async function invoiceXml(db: Queryable, invoice: Invoice, seller: SellerProfile) {
  const referencedId = invoice.creditedInvoiceId ?? invoice.surchargedInvoiceId;
  const referenced = referencedId ? await loadInvoice(db, referencedId) : undefined;
  const client = invoice.buyer ? undefined : await loadClient(db, invoice.clientId);
  const model = invoiceDocumentModel(invoice, client, seller, { referencedNumber: referenced?.number, referencedDate: referenced?.issueDate });
  return facturX(model);
}

/** Whether the document is fully paid now (payments not cancelled, credit notes deducted): "encaissée" is then due. */
export async function isFullyPaid(db: Queryable, invoice: Invoice): Promise<boolean> {
  if (invoice.kind === 'credit_note' || invoice.status !== 'issued') return false;
  const payments = await db.query<{ data: { amountCents: number; cancelledOn?: string } }>(
    `select data from records where entity = 'payments' and not deleted and data->>'invoiceId' = $1`,
    [invoice.id],
  );
  const credits = await db.query<{ data: { totals: { totalCents: number }; status: string } }>(
    `select data from records where entity = 'invoices' and not deleted and data->>'creditedInvoiceId' = $1`,
    [invoice.id],
  );
  const today = toParisWallClock(Date.now()).date;
  const state = settlement(
    {
      totalCents: invoice.totals.totalCents,
      dueDate: invoice.dueDate,
      paymentsCents: payments.map((p) => p.data).filter(isCountedPayment).map((p) => p.amountCents),
      creditNotesTotalCents: credits.filter((c) => c.data.status === 'issued').map((c) => c.data.totals.totalCents),
    },
    today,
  );
  return state.status.value === 'paid';
}
