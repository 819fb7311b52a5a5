import type { IsoDate } from '../dates';
import { el, toXmlDocument, type XmlElement } from '../export/xml-writer';
import type { Cents } from '../money';
import type { EInvoice, EInvoiceParty, EInvoiceVatBreakdown } from './en16931';

/**
 * The semantic invoice as UN/CEFACT CII D16B (`factur-x.xml`, Factur-X 1.0
 * profile EN 16931). Element order follows the CII schema's sequences, which
 * a platform's XSD validation enforces.
 */
export const CII_NAMESPACES = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
} as const;

/** Cents as the XML's decimal amount: 4950 → "49.50", −5 → "-0.05". */
export function ciiAmount(cents: Cents): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Rates and quantities without trailing zeros: 20, 5.5, 1. */
const decimal = (n: number) => String(Number(n.toFixed(4)));

/** Format 102 (CCYYMMDD). */
const ciiDate = (date: IsoDate) => el('udt:DateTimeString', { format: '102' }, date.replaceAll('-', ''));

function party(tag: string, p: EInvoiceParty): XmlElement {
  const [lineOne, lineTwo, ...rest] = p.address.lines;
  return el(tag, undefined, [
    el('ram:Name', undefined, p.name),
    p.siren ? el('ram:SpecifiedLegalOrganization', undefined, [el('ram:ID', { schemeID: '0002' }, p.siren)]) : null,
    el('ram:PostalTradeAddress', undefined, [
      el('ram:PostcodeCode', undefined, p.address.postalCode),
      lineOne ? el('ram:LineOne', undefined, lineOne) : null,
      lineTwo ? el('ram:LineTwo', undefined, lineTwo) : null,
      rest.length > 0 ? el('ram:LineThree', undefined, rest.join(', ')) : null,
      el('ram:CityName', undefined, p.address.city),
      el('ram:CountryID', undefined, p.address.country),
    ]),
    p.vatId ? el('ram:SpecifiedTaxRegistration', undefined, [el('ram:ID', { schemeID: 'VA' }, p.vatId)]) : null,
  ]);
}

function tradeTax(v: EInvoiceVatBreakdown): XmlElement {
  return el('ram:ApplicableTradeTax', undefined, [
    el('ram:CalculatedAmount', undefined, ciiAmount(v.taxCents)),
    el('ram:TypeCode', undefined, 'VAT'),
    v.exemptionReason ? el('ram:ExemptionReason', undefined, v.exemptionReason) : null,
    el('ram:BasisAmount', undefined, ciiAmount(v.basisCents)),
    el('ram:CategoryCode', undefined, v.category),
    v.exemptionReasonCode ? el('ram:ExemptionReasonCode', undefined, v.exemptionReasonCode) : null,
    v.ratePercent === undefined ? null : el('ram:RateApplicablePercent', undefined, decimal(v.ratePercent)),
  ]);
}

export function ciiXml(inv: EInvoice): string {
  const lines = inv.lines.map((line) =>
    el('ram:IncludedSupplyChainTradeLineItem', undefined, [
      el('ram:AssociatedDocumentLineDocument', undefined, [el('ram:LineID', undefined, line.id)]),
      el('ram:SpecifiedTradeProduct', undefined, [el('ram:Name', undefined, line.name)]),
      el('ram:SpecifiedLineTradeAgreement', undefined, [
        el('ram:NetPriceProductTradePrice', undefined, [el('ram:ChargeAmount', undefined, ciiAmount(line.netPriceCents))]),
      ]),
      el('ram:SpecifiedLineTradeDelivery', undefined, [el('ram:BilledQuantity', { unitCode: line.unitCode }, decimal(line.quantity))]),
      el('ram:SpecifiedLineTradeSettlement', undefined, [
        el('ram:ApplicableTradeTax', undefined, [
          el('ram:TypeCode', undefined, 'VAT'),
          line.category ? el('ram:CategoryCode', undefined, line.category) : null,
          line.ratePercent === undefined ? null : el('ram:RateApplicablePercent', undefined, decimal(line.ratePercent)),
        ]),
        el('ram:SpecifiedTradeSettlementLineMonetarySummation', undefined, [el('ram:LineTotalAmount', undefined, ciiAmount(line.netCents))]),
      ]),
    ]),
  );
  const settlement = el('ram:ApplicableHeaderTradeSettlement', undefined, [
    el('ram:InvoiceCurrencyCode', undefined, inv.currency),
    inv.payment
      ? el('ram:SpecifiedTradeSettlementPaymentMeans', undefined, [
          el('ram:TypeCode', undefined, inv.payment.meansCode),
          el('ram:PayeePartyCreditorFinancialAccount', undefined, [el('ram:IBANID', undefined, inv.payment.iban)]),
        ])
      : null,
    ...inv.vat.map(tradeTax),
    el('ram:BillingSpecifiedPeriod', undefined, [
      el('ram:StartDateTime', undefined, [ciiDate(inv.period.from)]),
      el('ram:EndDateTime', undefined, [ciiDate(inv.period.to)]),
    ]),
    inv.paymentTerms || inv.dueDate
      ? el('ram:SpecifiedTradePaymentTerms', undefined, [
          inv.paymentTerms ? el('ram:Description', undefined, inv.paymentTerms) : null,
          inv.dueDate ? el('ram:DueDateDateTime', undefined, [ciiDate(inv.dueDate)]) : null,
        ])
      : null,
    el('ram:SpecifiedTradeSettlementHeaderMonetarySummation', undefined, [
      el('ram:LineTotalAmount', undefined, ciiAmount(inv.totals.lineTotalCents)),
      el('ram:TaxBasisTotalAmount', undefined, ciiAmount(inv.totals.taxBasisCents)),
      el('ram:TaxTotalAmount', { currencyID: inv.currency }, ciiAmount(inv.totals.taxTotalCents)),
      el('ram:GrandTotalAmount', undefined, ciiAmount(inv.totals.grandTotalCents)),
      inv.totals.paidCents ? el('ram:TotalPrepaidAmount', undefined, ciiAmount(inv.totals.paidCents)) : null,
      el('ram:DuePayableAmount', undefined, ciiAmount(inv.totals.duePayableCents)),
    ]),
    inv.precedingInvoice
      ? el('ram:InvoiceReferencedDocument', undefined, [
          el('ram:IssuerAssignedID', undefined, inv.precedingInvoice),
          inv.precedingInvoiceDate
            ? el('ram:FormattedIssueDateTime', undefined, [el('qdt:DateTimeString', { format: '102' }, inv.precedingInvoiceDate.replaceAll('-', ''))])
            : null,
        ])
      : null,
  ]);
  const root = el(
    'rsm:CrossIndustryInvoice',
    { 'xmlns:rsm': CII_NAMESPACES.rsm, 'xmlns:qdt': CII_NAMESPACES.qdt, 'xmlns:ram': CII_NAMESPACES.ram, 'xmlns:udt': CII_NAMESPACES.udt },
    [
      el('rsm:ExchangedDocumentContext', undefined, [
        el('ram:GuidelineSpecifiedDocumentContextParameter', undefined, [el('ram:ID', undefined, inv.specification)]),
      ]),
      el('rsm:ExchangedDocument', undefined, [
        el('ram:ID', undefined, inv.number),
        el('ram:TypeCode', undefined, inv.typeCode),
        el('ram:IssueDateTime', undefined, [ciiDate(inv.issueDate)]),
        ...inv.notes.map((n) => el('ram:IncludedNote', undefined, [el('ram:Content', undefined, n.text), el('ram:SubjectCode', undefined, n.subject)])),
      ]),
      el('rsm:SupplyChainTradeTransaction', undefined, [
        ...lines,
        el('ram:ApplicableHeaderTradeAgreement', undefined, [party('ram:SellerTradeParty', inv.seller), party('ram:BuyerTradeParty', inv.buyer)]),
        el('ram:ApplicableHeaderTradeDelivery', undefined, []),
        settlement,
      ]),
    ],
  );
  return toXmlDocument(root);
}
