import { INVOICE_KIND_NAMES, LATE_PAYMENT_TERMS_MENTION, NO_EARLY_PAYMENT_DISCOUNT_MENTION, OUTSIDE_EU_MENTION, OUTSIDE_VAT_SCOPE_MENTION, REVERSE_CHARGE_MENTION } from '../billing';
import type { IsoDate } from '../dates';
import { message, refusalError } from '../messages';
import { normalizeIdentifier } from '../model/identifiers';
import type { Cents } from '../money';
import type { InvoiceDocumentModel } from './invoice-document';

/**
 * The EN 16931 semantic invoice (business terms BT-n, groups BG-n) of one
 * issued document. It is what the CII XML writes, what the XML reads back to,
 * and what the validator checks. Amounts are integer cents, written with two
 * decimals only in the XML; a credit note's amounts are positive (type 381).
 */
export const EN16931_SPECIFICATION = 'urn:cen.eu:en16931:2017';

/** UNTDID 5305 VAT categories the rules know: standard, reverse charge, export outside the EU, not subject to VAT. */
export type VatCategory = 'S' | 'AE' | 'G' | 'O' | 'Z' | 'E' | 'K' | 'L' | 'M';

/** UNTDID 1001: 380 commercial invoice, 381 credit note. */
export type DocumentTypeCode = '380' | '381';

export interface EInvoiceAddress {
  lines: string[];
  postalCode: string;
  city: string;
  /** BT-40 / BT-55, ISO 3166-1 alpha-2. */
  country: string;
}

export interface EInvoiceParty {
  /** BT-27 / BT-44 */
  name: string;
  /** BT-30 / BT-47, SIREN with scheme 0002. */
  siren?: string;
  /** BT-31 / BT-48 */
  vatId?: string;
  /** BG-5 / BG-8 */
  address: EInvoiceAddress;
}

export interface EInvoiceLine {
  /** BT-126 */
  id: string;
  /** BT-153 */
  name: string;
  /** BT-129, unit BT-130 (C62 = one). */
  quantity: number;
  unitCode: string;
  /** BT-146 */
  netPriceCents: Cents;
  /** BT-131 */
  netCents: Cents;
  /** BT-151; undefined when the document's data does not say (refused by BR-CO-4). */
  category: VatCategory | undefined;
  /** BT-152, absent for category O (BR-O-5). */
  ratePercent: number | undefined;
}

export interface EInvoiceVatBreakdown {
  /** BT-118 */
  category: VatCategory;
  /** BT-119, absent for category O (BR-48). */
  ratePercent: number | undefined;
  /** BT-116 */
  basisCents: Cents;
  /** BT-117 */
  taxCents: Cents;
  /** BT-120 */
  exemptionReason?: string;
  /** BT-121 (VATEX list) */
  exemptionReasonCode?: string;
}

export interface EInvoiceNote {
  /** BT-21, UNTDID 4451 */
  subject: string;
  /** BT-22 */
  text: string;
}

export interface EInvoice {
  /** BT-24 */
  specification: string;
  /** BT-1 */
  number: string;
  /** BT-2 */
  issueDate: IsoDate;
  /** BT-3 */
  typeCode: DocumentTypeCode;
  /** BT-5 */
  currency: string;
  notes: EInvoiceNote[];
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
  /** BG-14: BT-73, BT-74 */
  period: { from: IsoDate; to: IsoDate };
  /** BT-9; a credit note owes nothing by a date. */
  dueDate?: IsoDate;
  /** BT-20 */
  paymentTerms?: string;
  /** BT-81 (58 = SEPA credit transfer) and BT-84 */
  payment?: { meansCode: string; iban: string };
  /** BT-25 */
  precedingInvoice?: string;
  /** BT-26 */
  precedingInvoiceDate?: IsoDate;
  lines: EInvoiceLine[];
  /** BG-23 */
  vat: EInvoiceVatBreakdown[];
  /** BG-22: BT-106, BT-109, BT-110, BT-112, BT-113 (credit notes imputed, when any), BT-115 */
  totals: { lineTotalCents: Cents; taxBasisCents: Cents; taxTotalCents: Cents; grandTotalCents: Cents; paidCents?: Cents; duePayableCents: Cents };
}

/** The exemption reasons printed on the document, with their VATEX codes (CEF code list). */
const EXEMPTIONS: Record<'AE' | 'O', { code: string }> = {
  AE: { code: 'VATEX-EU-AE' },
  O: { code: 'VATEX-EU-O' },
};

/**
 * The VAT category of the document's lines, from the same facts the PDF
 * prints: the late surcharge is outside the scope of VAT (§6.6); 20 % is the
 * standard rate; a 0 % line is reverse charge or outside the scope of French
 * VAT according to the regime's mention (DOMAIN.md, Billing). A 0 % line
 * without either mention has no category the rules know.
 */
function categoryOf(model: InvoiceDocumentModel, ratePercent: number): VatCategory | undefined {
  if (model.kind === 'surcharge') return 'O';
  if (ratePercent > 0) return 'S';
  if (model.vatMention === REVERSE_CHARGE_MENTION) return 'AE';
  if (model.vatMention === OUTSIDE_EU_MENTION) return 'O';
  return undefined;
}

/** The reason printed for a category without VAT: the regime's mention, or the surcharge's. */
function exemptionReason(model: InvoiceDocumentModel, category: VatCategory): string | undefined {
  if (category === 'O' && model.kind === 'surcharge') return OUTSIDE_VAT_SCOPE_MENTION;
  if (category === 'AE' || category === 'O') return model.vatMention;
  return undefined;
}

/** VAT identifiers are written without spaces, as the VIES and the platforms expect them. */
const compact = (value: string | undefined) => (value ? normalizeIdentifier(value) : undefined);

/**
 * The semantic invoice of an issued document. A credit note's stored lines
 * are negative (they cancel the invoice's); EN 16931 wants a credit note
 * (381) with positive amounts, so every amount is turned round here, once.
 * Category O carries no VAT identifiers (BR-O-2): the seller and buyer are
 * then identified by their SIREN (BT-30, BT-47).
 */
export function eInvoiceOf(model: InvoiceDocumentModel): EInvoice {
  if (!model.number) throw refusalError('INVALID_INPUT', message('refusal.einvoice.draft'));
  const sign = model.kind === 'credit_note' ? -1 : 1;
  const amount = (cents: Cents): Cents => (cents === 0 ? 0 : sign * cents);
  // Credit notes imputed on an invoice settle part of it: BT-113, the amount to pay is what remains.
  const paid = (model.imputedCredits ?? []).reduce((s, c) => s + c.amountCents, 0);
  const lines: EInvoiceLine[] = model.lines.map((line, i) => {
    const category = categoryOf(model, line.vatRatePercent);
    return {
      id: String(i + 1),
      name: line.label,
      quantity: line.quantity,
      unitCode: 'C62',
      netPriceCents: amount(line.unitPriceCents),
      netCents: amount(line.netCents),
      category,
      ratePercent: category === 'O' ? undefined : line.vatRatePercent,
    };
  });
  const vat: EInvoiceVatBreakdown[] = model.totals.byRate.map((r) => {
    const category = categoryOf(model, r.ratePercent) ?? 'E';
    const reason = exemptionReason(model, category);
    const code = category === 'AE' || category === 'O' ? EXEMPTIONS[category].code : undefined;
    return {
      category,
      ratePercent: category === 'O' ? undefined : r.ratePercent,
      basisCents: amount(r.baseCents),
      taxCents: amount(r.vatCents),
      ...(reason ? { exemptionReason: reason } : {}),
      ...(code ? { exemptionReasonCode: code } : {}),
    };
  });
  const outsideScope = lines.some((l) => l.category === 'O');
  const { seller, buyer } = model;
  const isCreditNote = model.kind === 'credit_note';
  const iban = compact(seller.iban);
  const sellerVat = outsideScope ? undefined : compact(seller.vatNumber);
  const buyerVat = outsideScope ? undefined : compact(buyer.vatNumber);
  return {
    specification: EN16931_SPECIFICATION,
    number: model.number,
    issueDate: model.issueDate,
    typeCode: INVOICE_KIND_NAMES[model.kind].typeCode,
    currency: 'EUR',
    // Credit notes carry no payment terms (DOMAIN.md, Billing).
    notes: [
      ...(isCreditNote
        ? []
        : [
            { subject: 'AAB', text: NO_EARLY_PAYMENT_DISCOUNT_MENTION },
            { subject: 'PMD', text: LATE_PAYMENT_TERMS_MENTION },
          ]),
      // The unpaid invoice a surcharge is computed on is not a corrected invoice (BT-25): it is said, as on paper.
      ...(model.surchargedInvoiceNumber ? [{ subject: 'AAI', text: `Majoration de retard sur la facture n° ${model.surchargedInvoiceNumber}` }] : []),
    ],
    seller: {
      name: seller.legalName,
      siren: seller.siren,
      ...(sellerVat ? { vatId: sellerVat } : {}),
      address: { lines: seller.addressLines, postalCode: seller.postalCode, city: seller.city, country: seller.country },
    },
    buyer: {
      name: buyer.legalName,
      ...(buyer.siren ? { siren: buyer.siren } : {}),
      ...(buyerVat ? { vatId: buyerVat } : {}),
      address: { lines: buyer.addressLines, postalCode: buyer.postalCode, city: buyer.city, country: buyer.country.toUpperCase() },
    },
    period: { ...model.servicePeriod },
    ...(isCreditNote
      ? { paymentTerms: 'Avoir sans échéance : montant déduit des sommes dues ou remboursé.' }
      : { dueDate: model.dueDate, ...(model.paymentTerms ? { paymentTerms: model.paymentTerms } : {}) }),
    ...(iban && !isCreditNote ? { payment: { meansCode: '58', iban } } : {}),
    ...(model.creditedInvoiceNumber ? { precedingInvoice: model.creditedInvoiceNumber } : {}),
    ...(model.creditedInvoiceNumber && model.creditedInvoiceDate ? { precedingInvoiceDate: model.creditedInvoiceDate } : {}),
    lines,
    vat,
    totals: {
      lineTotalCents: amount(model.totals.netCents),
      taxBasisCents: amount(model.totals.netCents),
      taxTotalCents: amount(model.totals.vatCents),
      grandTotalCents: amount(model.totals.totalCents),
      ...(paid > 0 ? { paidCents: paid } : {}),
      duePayableCents: amount(model.totals.totalCents) - paid,
    },
  };
}
