import { billingPeriod, buyerSnapshot, DomainError, type Client, type Invoice, type SellerProfile } from '../../../src-core';
import type { InvoiceDocumentKind, InvoiceDocumentModel } from '../../documents';

/**
 * Stored document + client + seller settings → the PDF renderer's model. The
 * buyer is the snapshot taken at issue (an issued invoice keeps the address
 * of its date); a draft, not yet issued, shows the client file as it is now.
 */
const KIND: Record<Invoice['kind'], InvoiceDocumentKind> = { invoice: 'invoice', credit_note: 'creditNote', surcharge: 'lateSurcharge' };

export interface DocumentRefs {
  /** Number of the invoice a credit note or surcharge refers to. */
  referencedNumber?: string | null | undefined;
  /** Its issue date: a credit note names the corrected invoice's number and date. */
  referencedDate?: string | null | undefined;
}

function buyerOf(invoice: Invoice, client: Client | undefined): InvoiceDocumentModel['buyer'] {
  if (invoice.buyer) return invoice.buyer;
  if (!client) throw new DomainError('INVALID_INPUT', `Client introuvable pour le document ${invoice.number ?? invoice.id}.`);
  return buyerSnapshot(client);
}

/** Bank transfer to the seller's IBAN, when the profile has one. */
function paymentTerms(seller: SellerProfile): string | undefined {
  return seller.iban ? `Virement bancaire — IBAN ${seller.iban}` : undefined;
}

export function invoiceDocumentModel(invoice: Invoice, client: Client | undefined, seller: SellerProfile, refs: DocumentRefs = {}): InvoiceDocumentModel {
  // A surcharge has no billed month of its own: its period is the day it is issued.
  const period = invoice.period ? billingPeriod(invoice.period) : { from: invoice.issueDate, to: invoice.issueDate };
  const terms = paymentTerms(seller);
  const kind = KIND[invoice.kind];
  return {
    seller,
    buyer: buyerOf(invoice, client),
    kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    servicePeriod: { from: period.from, to: period.to },
    ...(kind === 'creditNote' ? {} : { dueDate: invoice.dueDate }),
    lines: invoice.lines.map((l) => ({ label: l.label, quantity: l.quantity, unitPriceCents: l.unitPriceCents, netCents: l.netCents, vatRatePercent: l.vatRatePercent })),
    totals: invoice.totals,
    ...(invoice.vatMention ? { vatMention: invoice.vatMention } : {}),
    ...(refs.referencedNumber && kind === 'creditNote' ? { creditedInvoiceNumber: refs.referencedNumber } : {}),
    ...(refs.referencedDate && kind === 'creditNote' ? { creditedInvoiceDate: refs.referencedDate } : {}),
    ...(refs.referencedNumber && kind === 'lateSurcharge' ? { surchargedInvoiceNumber: refs.referencedNumber } : {}),
    ...(terms && kind !== 'creditNote' ? { paymentTerms: terms } : {}),
  };
}

/** "facture-F-2026-000123.pdf", "avoir-AV-2026-000004.pdf", "brouillon-2026-11-<client>.pdf" */
export function documentFileName(invoice: Invoice, clientName: string): string {
  const prefix = { invoice: 'facture', credit_note: 'avoir', surcharge: 'majoration' }[invoice.kind];
  const name = invoice.number ? `${prefix}-${invoice.number}` : `brouillon-${invoice.period ?? invoice.issueDate}-${clientName}`;
  return `${name}.pdf`.replace(/[^\w.-]+/g, '-');
}
