import {
  addMonthsToYearMonth, buyerSnapshot, contractMonthDraft, creditNoteLines, generateDemoPortfolio, invoiceTotals, lateSurchargeLines,
  OUTSIDE_VAT_SCOPE_MENTION, yearMonthOf,
  type BillingLine, type Client, type Contract, type CreditRequest, type DemoPortfolio, type Invoice, type YearMonth,
} from '../../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

/**
 * Issued documents exactly as the app stores them, made by the same src-core
 * builders the monthly run, the credit-note dialog and the surcharge use
 * (src-renderer/data/invoicing), without a database.
 */
const at = '2026-11-27T10:00:00+01:00';
const meta = (id: string) => ({ id, createdAt: at, updatedAt: at, version: 0 });

const portfolios = new Map<number, DemoPortfolio>();
export function portfolio(seed: number): DemoPortfolio {
  let p = portfolios.get(seed);
  if (!p) {
    p = generateDemoPortfolio({ seed, clients: 25 });
    portfolios.set(seed, p);
  }
  return p;
}

export interface IssuedFamily {
  client: Client;
  invoice: Invoice;
}

/** The month's invoice of a contract, issued as `number`, or null when nothing is billed that month. */
export function issuedMonthInvoice(p: DemoPortfolio, contract: Contract, month: YearMonth, number: string): IssuedFamily | null {
  const client = p.clients.find((c) => c.id === contract.clientId)!;
  const draft = contractMonthDraft(contract, client, p.usage.find((u) => u.id === contract.id), month, LISTS);
  if (!draft) return null;
  const invoice: Invoice = {
    ...meta(`inv-${contract.id}-${month}`),
    kind: 'invoice', status: 'issued', number, seriesId: number.slice(0, 6), clientId: client.id, contractId: contract.id, period: month,
    issueDate: draft.issueDate.value, dueDate: draft.dueDate.value,
    lines: draft.lines.map((l) => ({ ...l })),
    totals: draft.totals, vatMention: draft.vat.value.mention, issuedAt: at, buyer: buyerSnapshot(client),
  };
  return { client, invoice };
}

/** A month a contract is billed: from its start month to its last (or the demo's today). */
export function billedMonths(contract: Contract): YearMonth[] {
  const last = yearMonthOf(contract.terminationEffectiveDate ?? '2026-11-27');
  const months: YearMonth[] = [];
  for (let m = yearMonthOf(contract.startDate); m <= last && months.length < 40; m = addMonthsToYearMonth(m, 1)) months.push(m);
  return months;
}

const asBilling = (invoice: Invoice): BillingLine[] => invoice.lines.map((l) => ({ ...l, explanation: l.explanation ?? { value: l.netCents, clause: '§5.3', rule: l.label } }));

/** A credit note on an issued invoice, as `createCreditNote` makes it. */
export function issuedCreditNote(invoice: Invoice, request: CreditRequest, number: string): Invoice {
  const lines = creditNoteLines({ number: invoice.number!, lines: asBilling(invoice) }, request);
  return {
    ...invoice, ...meta(`cn-${invoice.id}`), kind: 'credit_note', number, seriesId: number.slice(0, 7), lines, totals: invoiceTotals(lines),
    issueDate: invoice.dueDate, dueDate: invoice.dueDate, creditedInvoiceId: invoice.id,
  };
}

/** The late surcharge of an overdue invoice, as `createLateSurcharge` makes it. */
export function issuedSurcharge(invoice: Invoice, unpaidCents: number, indemnity: boolean, number: string): Invoice {
  const lines = lateSurchargeLines(invoice.number!, unpaidCents, { recoveryIndemnityOnSurcharge: indemnity });
  return {
    ...invoice, ...meta(`sur-${invoice.id}`), kind: 'surcharge', number, lines, totals: invoiceTotals(lines),
    issueDate: invoice.dueDate, dueDate: invoice.dueDate, vatMention: OUTSIDE_VAT_SCOPE_MENTION, surchargedInvoiceId: invoice.id,
  };
}
