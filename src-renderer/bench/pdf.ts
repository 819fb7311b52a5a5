import { addMonthsToYearMonth, formatDocumentNumber, parseIsoDate, yearMonthOf, type IsoDate } from '../../src-core';
import { renderInvoicePdf, type InvoiceDocumentModel } from '../documents';
import { facturXFonts } from '../documents/facturx-fonts';
import { renderFacturXPdf } from '../documents/facturx-pdf';
import { invoiceHtml } from './invoice-html';
import { monthDraft, invoiceDocument, type BenchPortfolio } from './invoices';

/**
 * The invoicing issue's figure: compute (src-core draft, number) and render
 * (jsPDF) n invoices, one PDF each, as "export a month's invoices as separate
 * files" does. Each document's bytes are dropped once counted, as they would
 * be once saved, so a batch must not hold memory.
 */
export interface BatchResult {
  count: number;
  ms: number;
  bytes: number;
}

/** Drafts of the most recent months first, until `n` are found. */
function* recentDrafts(portfolio: BenchPortfolio, today: IsoDate) {
  const clients = new Map(portfolio.clients.map((c) => [c.id, c]));
  const usage = new Map(portfolio.usage.map((u) => [u.contractId, u]));
  for (let back = 0; back < 36; back++) {
    const month = addMonthsToYearMonth(yearMonthOf(today), -back);
    for (const contract of portfolio.contracts) {
      const client = clients.get(contract.clientId)!;
      const draft = monthDraft(contract, client, usage.get(contract.id), month, portfolio.priceLists);
      if (draft) yield { client, draft };
    }
  }
}

function* documents(portfolio: BenchPortfolio, today: IsoDate, n: number): Generator<InvoiceDocumentModel> {
  let count = 0;
  for (const { client, draft } of recentDrafts(portfolio, today)) {
    if (count++ >= n) return;
    // Months run backwards here, so a plain counter numbers them (the series' date order is not what is measured).
    const number = formatDocumentNumber({ prefix: 'F', year: parseIsoDate(draft.issueDate.value).year, number: count });
    yield invoiceDocument(client, draft, number);
  }
}

export function renderInvoices(portfolio: BenchPortfolio, today: IsoDate, n: number): BatchResult {
  const start = performance.now();
  let count = 0;
  let bytes = 0;
  for (const model of documents(portfolio, today, n)) {
    bytes += renderInvoicePdf(model).byteLength;
    count++;
  }
  return { count, ms: performance.now() - start, bytes };
}

/**
 * The same invoices as Factur-X, one file each, as the month's export to
 * separate files makes them. The fonts are decoded and subset once per
 * session (the first call pays it, as the app's first Factur-X does).
 */
export async function renderFacturXInvoices(portfolio: BenchPortfolio, today: IsoDate, n: number): Promise<BatchResult> {
  const fonts = await facturXFonts();
  const start = performance.now();
  let count = 0;
  let bytes = 0;
  for (const model of documents(portfolio, today, n)) {
    bytes += (await renderFacturXPdf(model, fonts)).byteLength;
    count++;
  }
  return { count, ms: performance.now() - start, bytes };
}

/** The same first `n` invoices as HTML pages, for Chromium's printing. */
export function invoicePages(portfolio: BenchPortfolio, today: IsoDate, n: number): string[] {
  return [...documents(portfolio, today, n)].map(invoiceHtml);
}
