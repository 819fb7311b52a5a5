import { ENTITY_LABELS, differingFields, entitySchemas, message, parseEntity, recordKey, type EntityRecords, type EntityType, type WireRecord } from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import { historyLine } from '../db';
import { localChange, writeScope } from '../writes/gateway';
import { deleteSyncValue, readSyncValue, writeSyncValue } from './keys';
import { clientIdOf } from './conflicts';
import { enqueueCreates, enqueueUnknownRecords, unknownLocalRecords, type LocalRecord } from './portfolio-upload';

/**
 * A laptop with its own data (standalone: version 0, never sent) meeting a
 * server for the first time. Before the first pull, its unknown records are
 * copied aside (a pull writes the server's version of a record over the
 * laptop's); after it, an empty server gets them all, as before; a
 * non-empty one gets a plan that a person confirms: the records the server
 * lacks, to send, and those both hold with different values, side by side —
 * the server's version stays in place until the person says "send mine".
 * Nothing leaves the laptop or is replaced before that.
 */
export const JOIN_KEY = 'join';

export interface JoinConflict {
  entity: EntityType;
  id: string;
  /** The laptop's version, as it was before the pull. */
  local: WireRecord;
}

type JoinState =
  | { stage: 'stashed'; at: string; records: LocalRecord[] }
  | { stage: 'planned'; at: string; missing: { entity: EntityType; id: string }[]; conflicts: JoinConflict[] };
export type JoinPlan = Extract<JoinState, { stage: 'planned' }>;

/** Before the first pull from a server: copies the laptop's unknown records aside (once). */
export async function stashBeforeJoining(ctx: DataContext): Promise<number> {
  if (await readSyncValue<JoinState>(ctx.db, JOIN_KEY)) return 0;
  const records = await unknownLocalRecords(ctx);
  if (records.length > 0) await writeSyncValue(ctx.db, JOIN_KEY, { stage: 'stashed', at: ctx.now(), records } satisfies JoinState);
  return records.length;
}

/**
 * After the first pull: an empty server gets every unknown record (answers
 * how many were enqueued); a non-empty one, a plan for a person (answers 0).
 */
export async function planJoin(ctx: DataContext, serverEmpty: boolean): Promise<number> {
  const { db } = ctx;
  const state = await readSyncValue<JoinState>(db, JOIN_KEY);
  if (serverEmpty) {
    await deleteSyncValue(db, JOIN_KEY);
    return enqueueUnknownRecords(ctx);
  }
  if (state?.stage !== 'stashed') return 0;
  const missing: JoinPlan['missing'] = [];
  const conflicts: JoinConflict[] = [];
  for (const { entity, id, record } of state.records) {
    const current = (await db.records(entity).get(id)) as WireRecord | undefined;
    if (current && current.version === 0) missing.push({ entity, id });
    else if (differingFields(record, current).length > 0) conflicts.push({ entity, id, local: record });
  }
  if (missing.length === 0 && conflicts.length === 0) await deleteSyncValue(db, JOIN_KEY);
  else await writeSyncValue(db, JOIN_KEY, { stage: 'planned', at: ctx.now(), missing, conflicts } satisfies JoinState);
  return 0;
}

export async function readJoinPlan(ctx: DataContext): Promise<JoinPlan | undefined> {
  const state = await readSyncValue<JoinState>(ctx.db, JOIN_KEY);
  return state?.stage === 'planned' ? state : undefined;
}

/**
 * The person confirmed: the records the server lacks are enqueued; for each
 * conflict, "mine" (its key in `keepMine`) sends the laptop's values over the
 * server's version as an ordinary local change (record, audit, outbox), the
 * others keep the server's version, noted in the audit. Answers how many
 * records will be sent.
 */
export async function confirmJoin(ctx: DataContext, keepMine: ReadonlySet<string>, actor: string): Promise<number> {
  const { db } = ctx;
  const plan = await readJoinPlan(ctx);
  if (!plan) return 0;
  const missing: LocalRecord[] = [];
  for (const { entity, id } of plan.missing) {
    const current = (await db.records(entity).get(id)) as WireRecord | undefined;
    if (current && current.version === 0) missing.push({ entity, id, record: current });
  }
  const queued = await enqueueCreates(ctx, missing);
  let kept = 0;
  for (const conflict of plan.conflicts) {
    const { entity, id, local } = conflict;
    const store = db.records(entity);
    const named = { entity: { word: `code.entity.${entity}` as const }, id };
    await db.transaction('rw', writeScope(db, [entity], localChange(ctx)), async () => {
      const current = (await store.get(id)) as WireRecord | undefined;
      const fields = differingFields(local, current);
      if (current && keepMine.has(recordKey(entity, id)) && fields.length > 0) {
        const parse = (record: WireRecord) => parseEntity(entitySchemas[entity], record, ENTITY_LABELS[entity]) as EntityRecords[EntityType];
        const after = parse({ ...local, version: current.version, createdAt: current.createdAt ?? local.createdAt });
        await writeChange(ctx, { entity, before: parse(current), after, actor, action: 'join_keep_local', summary: message('audit.join.keepLocal', named), ...clientIdOf(entity, after) });
        kept++;
      } else {
        await db.audit.add({
          at: ctx.now(),
          actor,
          entity,
          recordId: id,
          ...clientIdOf(entity, current ?? local),
          action: 'join_keep_server',
          ...historyLine(message(current ? 'audit.join.keepServer' : 'audit.join.goneOnServer', named)),
          fields,
        });
      }
    });
  }
  await deleteSyncValue(db, JOIN_KEY);
  return queued + kept;
}

export interface JoinReview {
  at: string;
  missing: { entity: EntityType; id: string; record: WireRecord }[];
  conflicts: { entity: EntityType; id: string; local: WireRecord; server: WireRecord | null; fields: string[] }[];
}

/** The plan with what the screen shows side by side: the laptop's version and the server's (now stored here). */
export async function readJoinReview(ctx: DataContext): Promise<JoinReview | undefined> {
  const plan = await readJoinPlan(ctx);
  if (!plan) return undefined;
  const current = async (entity: EntityType, id: string) => ((await ctx.db.records(entity).get(id)) as WireRecord | undefined) ?? null;
  const missing: JoinReview['missing'] = [];
  for (const { entity, id } of plan.missing) {
    const record = await current(entity, id);
    if (record && record.version === 0) missing.push({ entity, id, record });
  }
  const conflicts: JoinReview['conflicts'] = [];
  for (const { entity, id, local } of plan.conflicts) {
    const server = await current(entity, id);
    conflicts.push({ entity, id, local, server, fields: differingFields(local, server ?? undefined) });
  }
  return { at: plan.at, missing, conflicts };
}
