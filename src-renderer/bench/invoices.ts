import {
  addMonthsToYearMonth, allocateNumber, buyerSnapshot, contractMonthDraft, DEMO_SELLER_PROFILE, DomainError, parseIsoDate, startSeries,
  yearMonthOf, type Client, type Contract, type DemoPortfolio, type Invoice, type InvoiceDraft, type IsoDate, type NumberingSeries,
  type PriceLists, type UsageDocument, type YearMonth,
} from '../../src-core';
import type { InvoiceDocumentModel } from '../documents';
import { draftInvoiceInput } from '../data/invoicing/monthly-run';

/**
 * Invoices of the bench portfolio, computed by src-core exactly as the monthly
 * run does (tier of the month, previous month's usage at its own tier). Shared
 * by the Node generator (a year of issued invoices) and the PDF benchmark in
 * Chromium (compute, then render), so both bill the same way.
 */
export interface BenchPortfolio extends DemoPortfolio {
  invoices: Invoice[];
}

/** The draft of `contract` for `month`, or null when nothing is billed (not started, ended, or a rule refuses it). */
export function monthDraft(contract: Contract, client: Client, usage: UsageDocument | undefined, month: YearMonth, lists: PriceLists): InvoiceDraft | null {
  if (contract.status === 'draft') return null;
  try {
    return contractMonthDraft(contract, client, usage, month, lists);
  } catch (error) {
    // The run reports such contracts as problems and bills the others; so does the bench.
    if (error instanceof DomainError) return null;
    throw error;
  }
}

export interface DraftOfContract {
  contract: Contract;
  client: Client;
  draft: InvoiceDraft;
}

/** Every draft of `month` in the portfolio, in contract order. */
export function monthDrafts(portfolio: Pick<DemoPortfolio, 'clients' | 'contracts' | 'usage' | 'priceLists'>, month: YearMonth): DraftOfContract[] {
  const clients = new Map(portfolio.clients.map((c) => [c.id, c]));
  const usage = new Map(portfolio.usage.map((u) => [u.contractId, u]));
  return portfolio.contracts.flatMap((contract) => {
    const client = clients.get(contract.clientId);
    const draft = client && monthDraft(contract, client, usage.get(contract.id), month, portfolio.priceLists);
    return draft ? [{ contract, client, draft }] : [];
  });
}

/** Numbers drafts in date order from the central series of each year (F-2026-000001…), as issuing does. */
class SeriesBook {
  private readonly series = new Map<number, NumberingSeries>();

  next(issueDate: string): string {
    const { year } = parseIsoDate(issueDate);
    const { number, series } = allocateNumber(this.series.get(year) ?? startSeries('F', year), issueDate);
    this.series.set(year, series);
    return number;
  }
}

/** The issued invoice record of a draft, with its buyer snapshot, as the server would sync it. */
function issuedInvoice(item: DraftOfContract, number: string): Invoice {
  const issuedAt = `${item.draft.issueDate.value}T08:00:00Z`;
  return {
    ...draftInvoiceInput(item),
    id: `bench-invoice-${number}`,
    createdAt: issuedAt,
    updatedAt: issuedAt,
    version: 0,
    status: 'issued',
    number,
    issuedAt,
    buyer: buyerSnapshot(item.client),
  };
}

/** The twelve months up to the portfolio's day, each month's invoices issued and numbered in date order. */
export function yearOfInvoices(portfolio: DemoPortfolio, today: IsoDate): Invoice[] {
  const last = yearMonthOf(today);
  const book = new SeriesBook();
  const invoices: Invoice[] = [];
  for (let back = 11; back >= 0; back--) {
    const drafts = monthDrafts(portfolio, addMonthsToYearMonth(last, -back));
    drafts.sort((a, b) => a.draft.issueDate.value.localeCompare(b.draft.issueDate.value));
    for (const item of drafts) invoices.push(issuedInvoice(item, book.next(item.draft.issueDate.value)));
  }
  return invoices;
}

/** What the PDF renderer draws for a draft once numbered: the same view model the invoices screen prints. */
export function invoiceDocument(client: Client, draft: InvoiceDraft, number: string): InvoiceDocumentModel {
  return {
    seller: DEMO_SELLER_PROFILE,
    buyer: buyerSnapshot(client),
    kind: 'invoice',
    number,
    issueDate: draft.issueDate.value,
    servicePeriod: { from: draft.period.from, to: draft.period.to },
    dueDate: draft.dueDate.value,
    lines: draft.lines.map(({ label, quantity, unitPriceCents, netCents, vatRatePercent }) => ({ label, quantity, unitPriceCents, netCents, vatRatePercent })),
    totals: draft.totals,
    ...(draft.vat.value.mention ? { vatMention: draft.vat.value.mention } : {}),
    paymentTerms: `Paiement par virement bancaire — IBAN ${DEMO_SELLER_PROFILE.iban}`,
  };
}
