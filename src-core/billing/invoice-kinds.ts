import type { InvoiceKind } from '../model/invoice';
import type { SeriesPrefix } from './numbering';

/** Every name an invoice kind goes by outside its stored code. */
export interface InvoiceKindNames {
  /** French name, in documents and exports (legal French documents): "Avoir". */
  label: string;
  /** The i18n key of its name on screen (src-renderer/i18n, both locales). */
  labelKey: `invoices.kind.${InvoiceKind}`;
  /** Start of its saved PDF's file name: "avoir-AV-2026-000004.pdf". */
  filePrefix: string;
  /** The numbering series it takes its number from: a late surcharge claims a payment, like an invoice. */
  seriesPrefix: SeriesPrefix;
  /** EN 16931 BT-3 (UNTDID 1001): 381 for a credit note, 380 for the documents that claim a payment. */
  typeCode: '380' | '381';
}

/**
 * One code per kind — `InvoiceKind`, as stored and synced (`credit_note`,
 * `surcharge`) — and every other name derived from it here, so the PDF, the
 * Factur-X XML, the e-reporting, the exports, the numbering and the screens
 * cannot spell a kind differently.
 */
export const INVOICE_KIND_NAMES: Readonly<Record<InvoiceKind, InvoiceKindNames>> = {
  invoice: { label: 'Facture', labelKey: 'invoices.kind.invoice', filePrefix: 'facture', seriesPrefix: 'F', typeCode: '380' },
  credit_note: { label: 'Avoir', labelKey: 'invoices.kind.credit_note', filePrefix: 'avoir', seriesPrefix: 'AV', typeCode: '381' },
  surcharge: { label: 'Majoration de retard', labelKey: 'invoices.kind.surcharge', filePrefix: 'majoration', seriesPrefix: 'F', typeCode: '380' },
};

/** The series a kind of document is numbered in: F for invoices and late surcharges (both claim a payment), AV for credit notes. */
export const seriesPrefixOf = (kind: InvoiceKind): SeriesPrefix => INVOICE_KIND_NAMES[kind].seriesPrefix;

/** The kind of the documents of a series: a credit note for AV, an invoice for F. */
export const kindOfSeries = (prefix: SeriesPrefix): 'invoice' | 'credit_note' => (prefix === 'AV' ? 'credit_note' : 'invoice');
