import { invoiceTrackingId, isTransmittable, lifecycleTrackingId, transmissionRoute, type Invoice } from '../../src-core';
import type { Db, Queryable } from '../storage/db';
import { loadRecord } from '../sync/record-store';
import { isFullyPaid, loadInvoice } from './flow-documents';

/**
 * Feeds the platform queue from the server's own change stream (the records'
 * `seq`, like a laptop's pull): every issued document for a French buyer is
 * queued once under its tracking id, and a document that becomes fully paid
 * queues its "encaissée" status. Reading the stream instead of hooking the
 * push keeps sync untouched, and after a restart the queue picks up where its
 * cursor stopped; `on conflict do nothing` makes a re-read harmless.
 */
const PAGE = 500;

export interface QueuedFlow {
  tracking_id: string;
  kind: 'invoice' | 'lifecycle' | 'ereporting';
  record_id: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  flow_id: string | null;
  attempts: number;
  last_error: string | null;
}

/** Reads the changes since the cursor, page by page; answers how many flows were queued. */
export async function feedQueue(db: Db): Promise<number> {
  let queued = 0;
  for (;;) {
    const page = await db.transaction(async (tx) => {
      const [cursor] = await tx.query<{ records_seq: number }>('select records_seq from platform_cursor where id = 1 for update');
      const rows = await tx.query<{ entity: string; id: string; data: Record<string, unknown>; seq: number; deleted: boolean }>(
        `select entity, id, data, seq, deleted from records where seq > $1 and entity in ('invoices', 'payments') order by seq limit $2`,
        [cursor?.records_seq ?? 0, PAGE],
      );
      const touched = new Set<string>();
      for (const row of rows) {
        if (row.deleted) continue;
        if (row.entity === 'payments') touched.add(String(row.data.invoiceId));
        else {
          queued += await queueInvoice(tx, row.id);
          touched.add(row.id);
          if (typeof row.data.creditedInvoiceId === 'string') touched.add(row.data.creditedInvoiceId);
        }
      }
      for (const invoiceId of touched) queued += await queueCollectionIfPaid(tx, invoiceId);
      const last = rows.at(-1);
      if (last) await tx.query('update platform_cursor set records_seq = $1 where id = 1', [last.seq]);
      return rows.length;
    });
    if (page < PAGE) return queued;
  }
}

async function queueInvoice(tx: Queryable, id: string): Promise<number> {
  const invoice = await loadInvoice(tx, id);
  if (!invoice || !isTransmittable(invoice) || !(await isEInvoiced(tx, invoice))) return 0;
  return insertFlow(tx, invoiceTrackingId(invoice.number), 'invoice', id);
}

/** Documents to French buyers are e-invoiced; the others are e-reported (not queued here). The buyer as printed, else the client file. */
export async function isEInvoiced(tx: Queryable, invoice: Invoice): Promise<boolean> {
  const country = invoice.buyer?.country ?? (await loadRecord(tx, 'clients', invoice.clientId))?.data.country;
  return typeof country === 'string' && transmissionRoute(country) === 'einvoice';
}

async function queueCollectionIfPaid(tx: Queryable, invoiceId: string): Promise<number> {
  const invoice = await loadInvoice(tx, invoiceId);
  if (!invoice || !isTransmittable(invoice) || !(await isEInvoiced(tx, invoice))) return 0;
  if (!(await isFullyPaid(tx, invoice))) return 0;
  return insertFlow(tx, lifecycleTrackingId(invoice.number, 'collected'), 'lifecycle', invoiceId);
}

async function insertFlow(tx: Queryable, trackingId: string, kind: QueuedFlow['kind'], recordId: string): Promise<number> {
  const rows = await tx.query('insert into platform_flows (tracking_id, kind, record_id) values ($1, $2, $3) on conflict (tracking_id) do nothing returning tracking_id', [
    trackingId,
    kind,
    recordId,
  ]);
  return rows.length;
}
