import { useLiveQuery } from 'dexie-react-hooks';
import { addMonthsToYearMonth, buyerSnapshot, isEReported, monthReport, PLATFORM_ATTENTION_STATUSES, type Client, type MonthReport, type PlatformStatus } from '../../../src-core';
import type { DataContext } from '../context';
import { useDataLayer } from '../provider';
import { parisToday } from '../context';
import { ledgerRows, type LedgerRow } from './ledger';

/**
 * E-invoicing (issue 18): the documents by the approved platform's status
 * (written by the central API, pulled like any field). The platform answers
 * within days, so the window is the last 12 billed months, read through the
 * books' `periods` index rather than every document.
 */
export const PLATFORM_WINDOW_MONTHS = 12;

async function recentDocuments(ctx: DataContext) {
  const month = parisToday(ctx).slice(0, 7);
  return ctx.db.invoices.ofPeriods(addMonthsToYearMonth(month, -(PLATFORM_WINDOW_MONTHS - 1)), addMonthsToYearMonth(month, 1));
}

/** The recent documents with this platform status ("sent": transmitted, no status yet), with their settlements, by date. */
export async function platformLedger(ctx: DataContext, status: PlatformStatus | 'sent'): Promise<LedgerRow[]> {
  const docs = (await recentDocuments(ctx))
    .filter((d) => (status === 'sent' ? d.platform?.flowId !== undefined && d.platform.status === undefined : d.platform?.status === status))
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || (a.number ?? '').localeCompare(b.number ?? ''));
  const payments = await ctx.db.payments.where('invoiceId').anyOf(docs.map((d) => d.id)).toArray();
  return ledgerRows(docs, payments, parisToday(ctx));
}

/** How many recent documents wait for the account manager's action, per status (rejected, refused, disputed). */
export async function platformAttention(ctx: DataContext): Promise<Partial<Record<PlatformStatus, number>>> {
  const counts: Partial<Record<PlatformStatus, number>> = {};
  for (const doc of await recentDocuments(ctx)) {
    const status = doc.platform?.status;
    if (status && PLATFORM_ATTENTION_STATUSES.includes(status)) counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

export function usePlatformLedger(status: PlatformStatus | 'sent' | '') {
  const { ctx } = useDataLayer();
  return useLiveQuery(async () => (status ? platformLedger(ctx, status) : undefined), [ctx, status]);
}

export function usePlatformAttention() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => platformAttention(ctx), [ctx]);
}

/**
 * E-reporting (clients outside France): each of the last 12 months, newest
 * first, with its transactions and payments marked reported or not (the marks
 * the central API writes once a report was accepted). A document issued
 * without its buyer snapshot takes its client file's country.
 */
export async function eReportingMonths(ctx: DataContext): Promise<MonthReport[]> {
  const docs = await recentDocuments(ctx);
  const missing = [...new Set(docs.filter((d) => !d.buyer && d.status === 'issued').map((d) => d.clientId))];
  const clients = new Map((await ctx.db.records('clients').bulkGet(missing)).flatMap((c) => (c ? [[c.id, c as Client] as const] : [])));
  const withBuyers = docs.map((d) => {
    const client = d.buyer ? undefined : clients.get(d.clientId);
    return client ? { ...d, buyer: buyerSnapshot(client) } : d;
  });
  const reported = withBuyers.filter(isEReported);
  const payments = await ctx.db.payments.where('invoiceId').anyOf(reported.map((d) => d.id)).toArray();
  const month = parisToday(ctx).slice(0, 7);
  return Array.from({ length: PLATFORM_WINDOW_MONTHS }, (_, i) => monthReport(addMonthsToYearMonth(month, -i), reported, payments));
}

export function useEReportingMonths() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => eReportingMonths(ctx), [ctx]);
}
