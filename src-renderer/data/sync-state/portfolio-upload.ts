import { ENTITY_TYPES, mutationSchema, type WireRecord } from '../../../src-core';
import type { DataContext } from '../context';
import { SET_ASIDE_PREFIX } from './keys';
import { recordKey } from './overlay';

/** Referenced records first, so a server that checks references would find them. */
const UPLOAD_ORDER = ['priceLists', 'clients', 'contracts', 'usage', 'invoices', 'payments', 'letters'] as const satisfies readonly (typeof ENTITY_TYPES)[number][];
const CHUNK = 1000;

/**
 * A laptop that worked standalone (demo data, imports made before any server)
 * holds records the server has never seen: version 0 and no mutation in the
 * outbox. Enqueues one create mutation per such record, in chunked
 * transactions, so the next push uploads the portfolio. Returns how many.
 */
export async function enqueueUnknownRecords(ctx: DataContext): Promise<number> {
  const { db } = ctx;
  const queued = new Set((await db.outbox.toArray()).map((m) => recordKey(m.entity, m.recordId)));
  const setAside = await db.settings.where('key').startsWith(SET_ASIDE_PREFIX).toArray();
  for (const row of setAside) {
    const { mutation } = row.value as { mutation: { entity: string; recordId: string } };
    queued.add(recordKey(mutation.entity, mutation.recordId));
  }
  let total = 0;
  for (const entity of UPLOAD_ORDER) {
    const unknown = (await db.records(entity).toArray()).filter((r) => r.version === 0 && !queued.has(recordKey(entity, r.id)));
    for (let start = 0; start < unknown.length; start += CHUNK) {
      const chunk = unknown.slice(start, start + CHUNK);
      const madeAt = ctx.now();
      const mutations = chunk.map((record) =>
        mutationSchema.parse({ mutationId: ctx.newId(), deviceId: ctx.deviceId, entity, recordId: record.id, op: 'upsert', baseVersion: 0, changes: record as unknown as WireRecord, madeAt }),
      );
      await db.transaction('rw', db.outbox, () => db.outbox.bulkAdd(mutations));
      total += chunk.length;
    }
  }
  return total;
}
