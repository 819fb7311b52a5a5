import { buyerSnapshot, eReportXml, monthReport, unreported, type Client, type Invoice, type MonthReport, type Payment, type PlatformState, type SellerProfile } from '../../src-core';
import { addMonthsToYearMonth } from '../../src-core/dates';
import { toParisWallClock } from '../../src-core/calendar';
import type { Queryable } from '../storage/db';
import { loadRecord } from '../sync/record-store';
import { writeServerChange } from '../sync/server-change';
import type { FlowFile } from './platform-client';
import type { FlowInfo } from './flow-protocol';

/** Closed months looked at for e-reporting: the last twelve. */
const MONTHS_BACK = 12;

/**
 * E-reporting on the server: every closed month that holds a transaction or
 * a payment with a client outside France not yet carried by an accepted
 * report gets one report flow (`ER-YYYY-MM-n`, n counting that month's
 * reports: a payment recorded after the month was reported goes in the next
 * one). Documents and payments are read as the server stores them; a
 * document issued without its buyer snapshot takes its client file's.
 */
async function reportSources(db: Queryable, since: string): Promise<{ invoices: Invoice[]; payments: Payment[] }> {
  const invoices = (await db.query<{ data: Invoice }>(`select data from records where entity = 'invoices' and not deleted and data->>'status' = 'issued'`)).map((r) => r.data);
  const clients = new Map<string, Client | undefined>();
  for (const invoice of invoices.filter((i) => !i.buyer)) {
    if (!clients.has(invoice.clientId)) clients.set(invoice.clientId, (await loadRecord(db, 'clients', invoice.clientId))?.data as Client | undefined);
  }
  const withBuyers = invoices.map((i) => {
    const client = i.buyer ? undefined : clients.get(i.clientId);
    return client ? { ...i, buyer: buyerSnapshot(client) } : i;
  });
  const payments = (await db.query<{ data: Payment }>(`select data from records where entity = 'payments' and not deleted and data->>'date' >= $1`, [`${since}-01`])).map((r) => r.data);
  return { invoices: withBuyers, payments };
}

export function currentMonth(now = Date.now()): string {
  return toParisWallClock(now).date.slice(0, 7);
}

/** Queues a report for each closed month with something left to report (none while one is on its way). */
export async function queueEReports(db: Queryable): Promise<number> {
  const month = currentMonth();
  const since = addMonthsToYearMonth(month, -MONTHS_BACK);
  const sources = await reportSources(db, since);
  let queued = 0;
  for (let m = since; m < month; m = addMonthsToYearMonth(m, 1)) {
    const left = unreported(monthReport(m, sources.invoices, sources.payments));
    if (left.transactions.length === 0 && left.payments.length === 0) continue;
    const flows = await db.query<{ state: string }>(`select state from platform_flows where kind = 'ereporting' and record_id = $1`, [m]);
    if (flows.some((f) => f.state === 'queued' || f.state === 'sending')) continue;
    const inserted = await db.query(`insert into platform_flows (tracking_id, kind, record_id) values ($1, 'ereporting', $2) on conflict (tracking_id) do nothing returning tracking_id`, [
      `ER-${m}-${flows.length + 1}`,
      m,
    ]);
    queued += inserted.length;
  }
  return queued;
}

/** The month's report of what is left, as a flow; undefined when nothing is left. */
export async function prepareEReport(db: Queryable, trackingId: string, month: string, seller: SellerProfile): Promise<{ info: FlowInfo; file: FlowFile; report: MonthReport } | undefined> {
  const sources = await reportSources(db, month);
  const report = unreported(monthReport(month, sources.invoices, sources.payments));
  if (report.transactions.length === 0 && report.payments.length === 0) return undefined;
  const sequence = Number(trackingId.split('-').at(-1));
  return {
    report,
    info: { trackingId, name: `${trackingId}.xml`, processingRule: 'B2BInt', flowSyntax: 'FRR' },
    file: { name: `${trackingId}.xml`, content: eReportXml(report, seller, sequence), contentType: 'application/xml' },
  };
}

/** Marks what an accepted report carried on its documents (pulled by the laptops: the e-reporting screen). */
export async function markReported(tx: Queryable, report: MonthReport, userId: string): Promise<void> {
  const at = new Date().toISOString();
  const transactions = new Set(report.transactions.map((t) => t.invoiceId));
  const paid = new Set(report.payments.map((p) => p.invoiceId));
  for (const id of new Set([...transactions, ...paid])) {
    const current = await loadRecord(tx, 'invoices', id);
    if (!current || current.deleted) continue;
    const state = (current.data.platform as PlatformState | undefined) ?? { history: [] };
    const payments = new Set([...(state.reportedPayments ?? []), ...report.payments.filter((p) => p.invoiceId === id).map((p) => p.paymentId)]);
    const next: PlatformState = {
      ...state,
      ...(transactions.has(id) ? { reportedIn: report.month, reportedAt: at } : {}),
      ...(payments.size > 0 ? { reportedPayments: [...payments].slice(-500) } : {}),
    };
    await writeServerChange(tx, { userId, action: 'platform' }, 'invoices', id, current, { platform: next });
  }
}
