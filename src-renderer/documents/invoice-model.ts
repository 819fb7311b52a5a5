import type { IsoDate } from '../../src-core/dates';
import type { Cents } from '../../src-core/money';
import type { SellerProfile } from '../../src-core/settings';

/** The three invoice-like documents share one layout; the kind changes the title and a few mentions. */
export type InvoiceDocumentKind = 'invoice' | 'creditNote' | 'lateSurcharge';

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
  kind: InvoiceDocumentKind;
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
}
