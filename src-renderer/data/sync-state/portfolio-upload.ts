import { ENTITY_TYPES, mutationSchema, recordKey, type EntityType, type WireRecord } from '../../../src-core';
import type { DataContext } from '../context';
import { readOutbox } from '../outbox';
import { SET_ASIDE_PREFIX } from './keys';

/** Referenced records first, so a server that checks references would find them. */
export const UPLOAD_ORDER = ['priceLists', 'clients', 'contracts', 'usage', 'invoices', 'payments', 'letters'] as const satisfies readonly (typeof ENTITY_TYPES)[number][];
const CHUNK = 1000;

export interface LocalRecord {
  entity: EntityType;
  id: string;
  record: WireRecord;
}

/**
 * Records the server has never seen: version 0 (made on a standalone laptop:
 * demo data, imports before any server) and no mutation in the outbox nor set aside.
 */
export async function unknownLocalRecords(ctx: DataContext): Promise<LocalRecord[]> {
  const { db } = ctx;
  const queued = new Set((await readOutbox(db)).map((m) => recordKey(m.entity, m.recordId)));
  const setAside = await db.syncState.where('key').startsWith(SET_ASIDE_PREFIX).toArray();
  for (const row of setAside) {
    const { mutation } = row.value as { mutation: { entity: string; recordId: string } };
    queued.add(recordKey(mutation.entity, mutation.recordId));
  }
  const found: LocalRecord[] = [];
  for (const entity of UPLOAD_ORDER) {
    for (const record of await db.records(entity).toArray()) {
      if (record.version === 0 && !queued.has(recordKey(entity, record.id))) found.push({ entity, id: record.id, record });
    }
  }
  return found;
}

/** One create mutation per record, in chunked transactions, so the next push uploads them. Returns how many. */
export async function enqueueCreates(ctx: DataContext, records: readonly LocalRecord[]): Promise<number> {
  const { db } = ctx;
  for (let start = 0; start < records.length; start += CHUNK) {
    const madeAt = ctx.now();
    const mutations = records
      .slice(start, start + CHUNK)
      .map(({ entity, id, record }) =>
        mutationSchema.parse({ mutationId: ctx.newId(), deviceId: ctx.deviceId, entity, recordId: id, op: 'upsert', baseVersion: 0, changes: record, madeAt }),
      );
    await db.transaction('rw', db.outbox, () => db.outbox.bulkAdd(mutations));
  }
  return records.length;
}

/**
 * A laptop that worked standalone joins an empty server: every record the
 * server has never seen is enqueued for upload. Returns how many.
 */
export async function enqueueUnknownRecords(ctx: DataContext): Promise<number> {
  return enqueueCreates(ctx, await unknownLocalRecords(ctx));
}
