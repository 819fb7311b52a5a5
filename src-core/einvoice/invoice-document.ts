import { billingPeriod, buyerSnapshot } from '../billing';
import type { IsoDate } from '../dates';
import { message, refusalError } from '../messages';
import type { Client, Invoice, InvoiceKind } from '../model';
import type { Cents } from '../money';
import type { SellerProfile } from '../settings';

/**
 * The one view model of an invoice, credit note or late-surcharge document:
 * the visible PDF (src-renderer/documents) and the Factur-X XML
 * (`facturXXml`) are both drawn from it, so they cannot disagree.
 */
export interface InvoiceDocumentLine {
  label: string;
  quantity: number;
  unitPriceCents: Cents;
  netCents: Cents;
  /** 0 on the late-surcharge document, outside the scope of VAT (§6.6). */
  vatRatePercent: number;
}

export interface InvoiceDocumentModel {
  seller: SellerProfile;
  buyer: {
    legalName: string;
    addressLines: string[];
    postalCode: string;
    city: string;
    country: string;
    siren?: string;
    vatNumber?: string;
  };
  kind: InvoiceKind;
  /** null for a draft: drafts have no number and are marked "BROUILLON — sans valeur". */
  number: string | null;
  issueDate: IsoDate;
  servicePeriod: { from: IsoDate; to: IsoDate };
  /** Absent on a credit note: it owes nothing, so it has no due date nor late-payment terms. */
  dueDate?: IsoDate;
  lines: InvoiceDocumentLine[];
  totals: {
    netCents: Cents;
    vatCents: Cents;
    totalCents: Cents;
    byRate: { ratePercent: number; baseCents: Cents; vatCents: Cents }[];
  };
  /** The VAT regime's mention (reverse charge, art. 259-1 CGI…), from the billing rules. */
  vatMention?: string;
  /** A credit note references the invoice it corrects or cancels, by its number and date. */
  creditedInvoiceNumber?: string;
  creditedInvoiceDate?: IsoDate;
  /** For a late surcharge, the unpaid invoice it is computed on. */
  surchargedInvoiceNumber?: string;
  /** How to pay: "Virement bancaire — IBAN FR76 …". */
  paymentTerms?: string;
  /**
   * Credit notes of earlier invoices imputed on this one (issue 16): "Avoir n° … du … imputé".
   * They settle it — the amount to pay is the total less them (BT-113) — its totals stay.
   */
  imputedCredits?: { label: string; amountCents: Cents }[];
}

export interface DocumentRefs {
  /** Number of the invoice a credit note or surcharge refers to. */
  referencedNumber?: string | null | undefined;
  /** Its issue date: a credit note names the corrected invoice's number and date. */
  referencedDate?: string | null | undefined;
  /** For an invoice: the credit notes imputed on it as it was issued. */
  imputedCredits?: readonly { number: string; amountCents: Cents }[] | undefined;
}

/**
 * The buyer is the snapshot taken at issue (an issued invoice keeps the
 * address of its date); a draft, not yet issued, shows the client file as it is now.
 */
function buyerOf(invoice: Invoice, client: Client | undefined): InvoiceDocumentModel['buyer'] {
  if (invoice.buyer) return invoice.buyer;
  if (!client) throw refusalError('INVALID_INPUT', message('refusal.document.noClient', { document: invoice.number ?? invoice.id }));
  return buyerSnapshot(client);
}

/** Bank transfer to the seller's IBAN, when the profile has one. */
function paymentTerms(seller: SellerProfile): string | undefined {
  return seller.iban ? `Virement bancaire — IBAN ${seller.iban}` : undefined;
}

/** Stored document + client + seller settings → the document's view model. */
export function invoiceDocumentModel(invoice: Invoice, client: Client | undefined, seller: SellerProfile, refs: DocumentRefs = {}): InvoiceDocumentModel {
  // A surcharge has no billed month of its own: its period is the day it is issued.
  const period = invoice.period ? billingPeriod(invoice.period) : { from: invoice.issueDate, to: invoice.issueDate };
  const terms = paymentTerms(seller);
  const { kind } = invoice;
  return {
    seller,
    buyer: buyerOf(invoice, client),
    kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    servicePeriod: { from: period.from, to: period.to },
    ...(kind === 'credit_note' ? {} : { dueDate: invoice.dueDate }),
    lines: invoice.lines.map((l) => ({ label: l.label, quantity: l.quantity, unitPriceCents: l.unitPriceCents, netCents: l.netCents, vatRatePercent: l.vatRatePercent })),
    totals: invoice.totals,
    ...(invoice.vatMention ? { vatMention: invoice.vatMention } : {}),
    ...(refs.referencedNumber && kind === 'credit_note' ? { creditedInvoiceNumber: refs.referencedNumber } : {}),
    ...(refs.referencedDate && kind === 'credit_note' ? { creditedInvoiceDate: refs.referencedDate } : {}),
    ...(refs.referencedNumber && kind === 'surcharge' ? { surchargedInvoiceNumber: refs.referencedNumber } : {}),
    ...(terms && kind !== 'credit_note' ? { paymentTerms: terms } : {}),
    ...(kind === 'invoice' && refs.imputedCredits?.length
      ? { imputedCredits: refs.imputedCredits.map((c) => ({ label: `Avoir n° ${c.number} imputé`, amountCents: c.amountCents })) }
      : {}),
  };
}
