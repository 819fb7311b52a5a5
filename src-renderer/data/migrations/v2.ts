import type { Transaction } from 'dexie';
import type { Migration } from './types';

/** Entities whose records carry their client's id (the others are the client itself, or have none). */
const CLIENT_OWNED = ['contracts', 'usage', 'invoices', 'payments', 'letters'] as const;

/**
 * Version 2: a client's history is one indexed query, and invoice numbering
 * gets its series state.
 * - audit gains a `clientId` index; entries written under v1 are backfilled
 *   from the record they describe (a client's own entries: its id).
 * - `series` holds the numbering state of each invoice series (next number).
 */
async function backfillAuditClientIds(tx: Transaction): Promise<void> {
  const owner = new Map<string, string>();
  for (const entity of CLIENT_OWNED) {
    const records = (await tx.table(entity).toArray()) as { id: string; clientId: string }[];
    for (const r of records) owner.set(`${entity}/${r.id}`, r.clientId);
  }
  await tx
    .table('audit')
    .toCollection()
    .modify((entry: { entity: string; recordId: string; clientId?: string }) => {
      const clientId = entry.entity === 'clients' ? entry.recordId : owner.get(`${entry.entity}/${entry.recordId}`);
      if (clientId) entry.clientId = clientId;
    });
}

export const v2: Migration = {
  version: 2,
  stores: {
    audit: '++seq, [entity+recordId], clientId',
    series: 'id',
  },
  upgrade: backfillAuditClientIds,
};
