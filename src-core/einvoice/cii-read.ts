import type { IsoDate } from '../dates';
import { message, refusalError } from '../messages';
import type { Cents } from '../money';
import type { DocumentTypeCode, EInvoice, EInvoiceParty, VatCategory } from './en16931';
import { child, children, parseXml, textAt, type XmlNode } from './xml-read';

/**
 * A CII `factur-x.xml` read back into the semantic invoice, so that what left
 * (or arrived) can be validated and compared term by term with the invoice.
 * A term the XML lacks stays undefined (or empty) for the validator to name.
 */
function cents(text: string | undefined, what: string): Cents {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text ?? '');
  if (!m) throw refusalError('INVALID_INPUT', message('refusal.cii.amount', { what, text: text ?? '' }));
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] && value !== 0 ? -value : value;
}

const optionalNumber = (text: string | undefined) => (text === undefined ? undefined : Number(text));

function date(node: XmlNode | undefined, type = 'udt'): IsoDate | undefined {
  const raw = textAt(node, `${type}:DateTimeString`);
  return raw && /^\d{8}$/.test(raw) ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}` : undefined;
}

function party(node: XmlNode | undefined): EInvoiceParty {
  const address = child(node, 'ram:PostalTradeAddress');
  const siren = textAt(node, 'ram:SpecifiedLegalOrganization/ram:ID');
  const vatId = children(node, 'ram:SpecifiedTaxRegistration').find((r) => child(r, 'ram:ID')?.attributes.schemeID === 'VA');
  return {
    name: textAt(node, 'ram:Name') ?? '',
    ...(siren ? { siren } : {}),
    ...(vatId ? { vatId: textAt(vatId, 'ram:ID') ?? '' } : {}),
    address: {
      lines: ['ram:LineOne', 'ram:LineTwo', 'ram:LineThree'].map((p) => textAt(address, p)).filter((l): l is string => !!l),
      postalCode: textAt(address, 'ram:PostcodeCode') ?? '',
      city: textAt(address, 'ram:CityName') ?? '',
      country: textAt(address, 'ram:CountryID') ?? '',
    },
  };
}

export function readCiiXml(xml: string): EInvoice {
  const root = parseXml(xml);
  if (root.name !== 'rsm:CrossIndustryInvoice') throw refusalError('INVALID_INPUT', message('refusal.cii.root', { root: root.name }));
  const doc = child(root, 'rsm:ExchangedDocument');
  const tx = child(root, 'rsm:SupplyChainTradeTransaction');
  const agreement = child(tx, 'ram:ApplicableHeaderTradeAgreement');
  const settlement = child(tx, 'ram:ApplicableHeaderTradeSettlement');
  const sums = child(settlement, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  const terms = child(settlement, 'ram:SpecifiedTradePaymentTerms');
  const means = child(settlement, 'ram:SpecifiedTradeSettlementPaymentMeans');
  const dueDate = date(child(terms, 'ram:DueDateDateTime'));
  const paymentTerms = textAt(terms, 'ram:Description');
  const preceding = textAt(settlement, 'ram:InvoiceReferencedDocument/ram:IssuerAssignedID');
  const precedingDate = date(child(settlement, 'ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime'), 'qdt');
  return {
    specification: textAt(root, 'rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID') ?? '',
    number: textAt(doc, 'ram:ID') ?? '',
    issueDate: date(child(doc, 'ram:IssueDateTime')) ?? '',
    typeCode: (textAt(doc, 'ram:TypeCode') ?? '') as DocumentTypeCode,
    currency: textAt(settlement, 'ram:InvoiceCurrencyCode') ?? '',
    notes: children(doc, 'ram:IncludedNote').map((n) => ({ subject: textAt(n, 'ram:SubjectCode') ?? '', text: textAt(n, 'ram:Content') ?? '' })),
    seller: party(child(agreement, 'ram:SellerTradeParty')),
    buyer: party(child(agreement, 'ram:BuyerTradeParty')),
    period: {
      from: date(child(settlement, 'ram:BillingSpecifiedPeriod/ram:StartDateTime')) ?? '',
      to: date(child(settlement, 'ram:BillingSpecifiedPeriod/ram:EndDateTime')) ?? '',
    },
    ...(dueDate ? { dueDate } : {}),
    ...(paymentTerms ? { paymentTerms } : {}),
    ...(means ? { payment: { meansCode: textAt(means, 'ram:TypeCode') ?? '', iban: textAt(means, 'ram:PayeePartyCreditorFinancialAccount/ram:IBANID') ?? '' } } : {}),
    ...(preceding ? { precedingInvoice: preceding } : {}),
    ...(precedingDate ? { precedingInvoiceDate: precedingDate } : {}),
    lines: children(tx, 'ram:IncludedSupplyChainTradeLineItem').map((item) => {
      const tax = child(item, 'ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax');
      const quantity = child(item, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity');
      const id = textAt(item, 'ram:AssociatedDocumentLineDocument/ram:LineID') ?? '';
      return {
        id,
        name: textAt(item, 'ram:SpecifiedTradeProduct/ram:Name') ?? '',
        quantity: Number(quantity?.text.trim()),
        unitCode: quantity?.attributes.unitCode ?? '',
        netPriceCents: cents(textAt(item, 'ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount'), `prix de la ligne ${id}`),
        netCents: cents(textAt(item, 'ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount'), `montant de la ligne ${id}`),
        category: textAt(tax, 'ram:CategoryCode') as VatCategory | undefined,
        ratePercent: optionalNumber(textAt(tax, 'ram:RateApplicablePercent')),
      };
    }),
    vat: children(settlement, 'ram:ApplicableTradeTax').map((tax) => {
      const reason = textAt(tax, 'ram:ExemptionReason');
      const code = textAt(tax, 'ram:ExemptionReasonCode');
      return {
        category: (textAt(tax, 'ram:CategoryCode') ?? '') as VatCategory,
        ratePercent: optionalNumber(textAt(tax, 'ram:RateApplicablePercent')),
        basisCents: cents(textAt(tax, 'ram:BasisAmount'), 'base de TVA'),
        taxCents: cents(textAt(tax, 'ram:CalculatedAmount'), 'montant de TVA'),
        ...(reason ? { exemptionReason: reason } : {}),
        ...(code ? { exemptionReasonCode: code } : {}),
      };
    }),
    totals: {
      lineTotalCents: cents(textAt(sums, 'ram:LineTotalAmount'), 'BT-106'),
      taxBasisCents: cents(textAt(sums, 'ram:TaxBasisTotalAmount'), 'BT-109'),
      taxTotalCents: cents(textAt(sums, 'ram:TaxTotalAmount'), 'BT-110'),
      grandTotalCents: cents(textAt(sums, 'ram:GrandTotalAmount'), 'BT-112'),
      ...(textAt(sums, 'ram:TotalPrepaidAmount') ? { paidCents: cents(textAt(sums, 'ram:TotalPrepaidAmount'), 'BT-113') } : {}),
      duePayableCents: cents(textAt(sums, 'ram:DuePayableAmount'), 'BT-115'),
    },
  };
}
