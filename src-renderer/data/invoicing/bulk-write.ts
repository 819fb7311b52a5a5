import { mutationSchema, type Invoice } from '../../../src-core';
import { changedFields } from '../change';
import type { DataContext } from '../context';

/**
 * Many invoice changes written at once: the records, their audit entries and
 * their outbox mutations as three bulk requests per chunk instead of three
 * awaited requests per record — what the monthly run (2,000 drafts) and
 * issuing a month need. The rows are exactly those `writeChange` writes for
 * each record, in the same order. Must run inside `invoicingTransaction`, so
 * that a month is written whole or not at all (and, when issuing, with the
 * numbering series). Invoices do not feed the portfolio read model, so no
 * summary has to be refreshed.
 */
export interface InvoiceChange {
  before: Invoice | undefined;
  after: Invoice;
  action: string;
  summary: string;
}

export interface WriteProgress {
  written: number;
  total: number;
}

/** Records per bulk request: large enough to amortise a request, small enough to report progress. */
const CHUNK = 250;

export async function writeInvoiceChanges(
  ctx: DataContext,
  changes: readonly InvoiceChange[],
  actor: string,
  onProgress?: (progress: WriteProgress) => void,
): Promise<void> {
  const { db } = ctx;
  const at = ctx.now();
  onProgress?.({ written: 0, total: changes.length });
  for (let start = 0; start < changes.length; start += CHUNK) {
    const chunk = changes.slice(start, start + CHUNK);
    const audit = [];
    const outbox = [];
    for (const change of chunk) {
      const { before, after } = change;
      const fields = changedFields(before, after);
      audit.push({ at, actor, entity: 'invoices' as const, recordId: after.id, clientId: after.clientId, action: change.action, summary: change.summary, fields });
      const record = after as unknown as Record<string, unknown>;
      // As writeChange: a created record travels whole, an updated one only what changed (a removed field as null).
      const changed = Object.fromEntries((before ? fields : Object.keys(record)).map((k) => [k, record[k] ?? null]));
      outbox.push(mutationSchema.parse({
        mutationId: ctx.newId(),
        deviceId: ctx.deviceId,
        entity: 'invoices',
        recordId: after.id,
        op: 'upsert',
        baseVersion: before?.version ?? 0,
        changes: changed,
        madeAt: at,
      }));
    }
    await db.invoices.bulkPut(chunk.map((c) => c.after));
    await db.audit.bulkAdd(audit);
    await db.outbox.bulkAdd(outbox);
    onProgress?.({ written: start + chunk.length, total: changes.length });
  }
}
