import type { Mutation } from '../../src-core';
import type { ContratsDb, OutboxEntry, OutboxPack, OutboxRow } from './db';

/**
 * The outbox read and edited one mutation at a time, whether a row holds one
 * or a pack of them (db.ts, OutboxPack, v16). Every reader goes through
 * here: a pack's mutations are pushed, rebased, set aside and overlaid one by
 * one like the others. Edits run inside the caller's transaction over the outbox.
 */

const isPack = (row: OutboxRow): row is OutboxPack => 'pack' in row;

/** One row holding `mutations`, made in that order (at least one). */
export function outboxPack(mutations: readonly Mutation[]): OutboxPack {
  return { pack: [...mutations], size: mutations.length, madeAt: mutations[0]!.madeAt };
}

/** The mutations of `rows`, in the order they were made; each carries its row's `seq`. */
export function outboxEntries(rows: readonly OutboxRow[]): OutboxEntry[] {
  return rows.flatMap((row) => (isPack(row) ? row.pack.map((m) => ({ ...m, seq: row.seq! })) : [row]));
}

/** Every mutation waiting, oldest first. */
export async function readOutbox(db: ContratsDb): Promise<OutboxEntry[]> {
  return outboxEntries(await db.outbox.orderBy('seq').toArray());
}

/** The mutations of the `limit` oldest rows (at least `limit` mutations when that many wait), oldest first. */
export async function oldestOutbox(db: ContratsDb, limit: number): Promise<OutboxEntry[]> {
  return outboxEntries(await db.outbox.orderBy('seq').limit(limit).toArray());
}

/** How many mutations wait: the rows of one, plus each pack's size read from its index (no pack is read). */
export async function countOutbox(db: ContratsDb): Promise<number> {
  const [rows, sizes] = await Promise.all([db.outbox.count(), db.outbox.orderBy('size').keys()]);
  return rows - sizes.length + sizes.reduce<number>((sum, size) => sum + Number(size), 0);
}

/**
 * Removes `removed` and rewrites `replaced` (same mutation id, new values: a
 * rebased base version) where they are stored: a row of one is deleted or
 * updated, a pack rewritten without them or with them replaced (deleted when
 * emptied).
 */
export async function editOutbox(db: ContratsDb, edit: { removed?: readonly OutboxEntry[]; replaced?: readonly OutboxEntry[] }): Promise<void> {
  const removed = new Set((edit.removed ?? []).map((m) => m.mutationId));
  const replaced = new Map((edit.replaced ?? []).map(({ seq: _seq, ...m }) => [m.mutationId, m as Mutation]));
  const seqs = [...new Set([...(edit.removed ?? []), ...(edit.replaced ?? [])].map((m) => m.seq!))];
  if (seqs.length === 0) return;
  const rows = await db.outbox.bulkGet(seqs);
  const deletes: number[] = [];
  const puts: OutboxRow[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const seq = seqs[i]!;
    const left = (isPack(row) ? row.pack : [row]).filter((m) => !removed.has(m.mutationId)).map((m) => replaced.get(m.mutationId) ?? m);
    if (left.length === 0) deletes.push(seq);
    else puts.push(isPack(row) ? { ...outboxPack(left), seq } : { ...left[0]!, seq });
  });
  await Promise.all([deletes.length > 0 ? db.outbox.bulkDelete(deletes) : undefined, puts.length > 0 ? db.outbox.bulkPut(puts) : undefined]);
}
