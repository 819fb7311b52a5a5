import { isCountedPayment } from '../billing/payment-rules';
import { INVOICE_KIND_NAMES } from '../billing/invoice-kinds';
import { el, toXmlDocument } from '../export/xml-writer';
import type { Invoice, Payment } from '../model';
import type { SellerProfile } from '../settings';
import { ciiAmount } from './cii-xml';
import { transmissionRoute } from './platform';

/**
 * E-reporting (DOMAIN.md, E-invoicing): documents for clients outside France
 * are not e-invoiced; their transaction data and the payments received on
 * them are reported, month by month, through the same platform. What a month
 * holds and what is still to report are computed here from the stored
 * documents and payments and the marks the central API writes once a report
 * was accepted (`platform.reportedIn`, `platform.reportedPayments`).
 */
export interface ReportedTransaction {
  invoiceId: string;
  number: string;
  /** 380 invoice or surcharge, 381 credit note (amounts positive, as in the e-invoice). */
  typeCode: '380' | '381';
  issueDate: string;
  buyerName: string;
  buyerCountry: string;
  buyerVatNumber?: string;
  netCents: number;
  vatCents: number;
  totalCents: number;
  reported: boolean;
}

export interface ReportedPayment {
  paymentId: string;
  invoiceId: string;
  number: string;
  date: string;
  amountCents: number;
  reported: boolean;
}

export interface MonthReport {
  month: string;
  transactions: ReportedTransaction[];
  payments: ReportedPayment[];
}

/** Issued documents whose buyer (as printed) is outside France. */
export function isEReported(invoice: Invoice): invoice is Invoice & { number: string } {
  const country = invoice.buyer?.country;
  return invoice.status === 'issued' && invoice.number !== null && country !== undefined && transmissionRoute(country) === 'ereporting';
}

/** The month's transactions (documents issued in it) and payments (received in it) to report, each marked reported or not. */
export function monthReport(month: string, invoices: readonly Invoice[], payments: readonly Payment[]): MonthReport {
  const reportable = new Map(invoices.filter(isEReported).map((i) => [i.id, i]));
  const transactions = [...reportable.values()]
    .filter((i) => i.issueDate.startsWith(month))
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number))
    .map((i): ReportedTransaction => {
      const sign = i.kind === 'credit_note' ? -1 : 1;
      return {
        invoiceId: i.id,
        number: i.number,
        typeCode: INVOICE_KIND_NAMES[i.kind].typeCode,
        issueDate: i.issueDate,
        buyerName: i.buyer!.legalName,
        buyerCountry: i.buyer!.country,
        ...(i.buyer?.vatNumber ? { buyerVatNumber: i.buyer.vatNumber } : {}),
        netCents: sign * i.totals.netCents,
        vatCents: sign * i.totals.vatCents,
        totalCents: sign * i.totals.totalCents,
        reported: i.platform?.reportedIn !== undefined,
      };
    });
  const paid = payments
    .filter((p) => isCountedPayment(p) && p.date.startsWith(month) && reportable.has(p.invoiceId))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((p): ReportedPayment => {
      const invoice = reportable.get(p.invoiceId)!;
      return { paymentId: p.id, invoiceId: p.invoiceId, number: invoice.number, date: p.date, amountCents: p.amountCents, reported: invoice.platform?.reportedPayments?.includes(p.id) ?? false };
    });
  return { month, transactions, payments: paid };
}

/** What remains to report in a month: its transactions and payments not carried by an accepted report yet. */
export function unreported(report: MonthReport): MonthReport {
  return { month: report.month, transactions: report.transactions.filter((t) => !t.reported), payments: report.payments.filter((p) => !p.reported) };
}

const amount = ciiAmount;

/**
 * The report file (flow syntax FRR): the seller, then each transaction and
 * each payment of the month, amounts in euros with two decimals.
 */
export function eReportXml(report: MonthReport, seller: SellerProfile, sequence: number): string {
  return toXmlDocument(
    el('Report', { xmlns: 'urn:contrats:e-reporting:1', month: report.month, sequence }, [
      el('Declarant', { siren: seller.siren, vatNumber: seller.vatNumber }, seller.legalName),
      el(
        'Transactions',
        { category: 'B2BInt' },
        report.transactions.map((t) =>
          el('Transaction', { number: t.number, typeCode: t.typeCode, issueDate: t.issueDate, buyerCountry: t.buyerCountry, buyerVatNumber: t.buyerVatNumber, currency: 'EUR' }, [
            el('BuyerName', undefined, t.buyerName),
            el('NetAmount', undefined, amount(t.netCents)),
            el('VatAmount', undefined, amount(t.vatCents)),
            el('TotalAmount', undefined, amount(t.totalCents)),
          ]),
        ),
      ),
      el(
        'Payments',
        undefined,
        report.payments.map((p) => el('Payment', { invoiceNumber: p.number, date: p.date, currency: 'EUR' }, amount(p.amountCents))),
      ),
    ]),
  );
}
