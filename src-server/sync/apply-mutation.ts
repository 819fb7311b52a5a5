import { changedFieldsOf, mergeDelete, mergeUpsert, splitMeta, type MergeOutcome, type Mutation, type MutationResult } from '../../src-core/sync';
import { message, messageFr, type Message } from '../../src-core/messages';
import type { Db, Queryable } from '../storage/db';
import { isIssued } from '../invoices/issued-invoice';
import { registerDeviceNumber } from '../invoices/device-series';
import type { DeviceCaller } from '../invoices/device-owner';
import { storedAnswer } from './answer-retention';
import { businessRuleRefusal, deletionRefusal, issuedDocumentRefusal, parisToday } from './business-rules';
import { unknownFieldsRefusal } from './entity-fields';
import { validateRecord } from './entity-validation';
import { lockWrites, loadRecord, storeChange } from './record-store';
import { missingReference } from './references';

/**
 * Applies one pushed mutation in its own transaction and stores the answer
 * under its id in the same transaction: a mutation sent again (its answer was
 * lost) gets the stored answer and is not applied twice. One transaction per
 * mutation, so a refused mutation never undoes the ones before it.
 */
export async function applyMutation(db: Db, userId: string, deviceId: string, mutation: Mutation, tokenHash?: string): Promise<MutationResult> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const [known] = await tx.query<{ entity: string; record_id: string; result: MutationResult }>(
      'select entity, record_id, result from mutations where mutation_id = $1',
      [mutation.mutationId],
    );
    if (known) {
      if (known.entity === mutation.entity && known.record_id === mutation.recordId) return storedAnswer(tx, mutation.entity, mutation.recordId, known.result);
      // Not stored: it is a client bug, not an answer to keep for this id.
      return rejected(mutation, message('sync.refusal.mutationReused', { id: mutation.mutationId }));
    }
    const result = await decide(tx, { userId, ...(tokenHash === undefined ? {} : { tokenHash }) }, deviceId, mutation);
    await tx.query(
      'insert into mutations (mutation_id, device_id, user_id, entity, record_id, result) values ($1, $2, $3, $4, $5, $6::jsonb)',
      [mutation.mutationId, deviceId, userId, mutation.entity, mutation.recordId, JSON.stringify(result)],
    );
    return result;
  });
}

async function decide(tx: Queryable, caller: DeviceCaller, deviceId: string, mutation: Mutation): Promise<MutationResult> {
  const { userId } = caller;
  if (mutation.deviceId !== deviceId) return rejected(mutation, message('sync.refusal.otherDevice', { sent: mutation.deviceId, by: deviceId }));
  const unknownFields = mutation.op === 'upsert' ? unknownFieldsRefusal(mutation.entity, mutation.changes) : undefined;
  if (unknownFields) return rejected(mutation, unknownFields);
  const current = await loadRecord(tx, mutation.entity, mutation.recordId);
  const immutable = issuedDocumentRefusal(mutation.entity, current, mutation.op === 'delete' ? 'delete' : changedFieldsOf(current?.data ?? {}, splitMeta(mutation.changes).fields));
  if (immutable) return rejected(mutation, immutable);
  const now = new Date().toISOString();
  const outcome: MergeOutcome =
    mutation.op === 'delete'
      ? mergeDelete(current, mutation.baseVersion, now)
      : mergeUpsert(current, mutation.recordId, mutation.baseVersion, mutation.changes, now);
  switch (outcome.kind) {
    case 'reject':
      return rejected(mutation, outcome.said);
    case 'conflict':
      return {
        mutationId: mutation.mutationId,
        status: 'conflict',
        version: current?.version ?? 0,
        record: current && !current.deleted ? current.data : null,
        conflicts: outcome.conflicts,
        reason: messageFr(CONFLICT),
        said: CONFLICT,
      };
    case 'apply': {
      let { next } = outcome;
      const { changedFields } = outcome;
      if (changedFields.length > 0) {
        if (!next.deleted) {
          const validated = validateRecord(mutation.entity, next.data);
          if (!validated.ok) return rejected(mutation, validated.said, validated.reason);
          next = { ...next, data: validated.record };
          const refusal =
            (await missingReference(tx, mutation.entity, next.data)) ??
            (await businessRuleRefusal(mutation.entity, { tx, recordId: mutation.recordId, before: current && !current.deleted ? current.data : undefined, after: next.data, changedFields, today: parisToday() })) ??
            (mutation.entity === 'invoices' && isIssued(next.data) ? await registerDeviceNumber(tx, deviceId, next.data, caller) : undefined);
          if (refusal) return rejected(mutation, refusal);
        } else {
          const refusal = deletionRefusal(mutation.entity, current);
          if (refusal) return rejected(mutation, refusal);
        }
        await storeChange(tx, mutation.entity, mutation.recordId, current, next, {
          userId,
          deviceId,
          mutationId: mutation.mutationId,
          action: mutation.op,
          fields: changedFields,
        });
      }
      return { mutationId: mutation.mutationId, status: 'applied', version: next.version, record: next.deleted ? null : next.data };
    }
  }
}

const CONFLICT = message('sync.conflict.reason');

/** A refusal answered in French (`reason`: the message's, or `french` when it was written clipped) and, when it is a message, as its code and values too (`said`, issue 19). */
function rejected(mutation: Mutation, reason: Message | string, french?: string): MutationResult {
  return typeof reason === 'string'
    ? { mutationId: mutation.mutationId, status: 'rejected', reason }
    : { mutationId: mutation.mutationId, status: 'rejected', reason: french ?? messageFr(reason), said: reason };
}
