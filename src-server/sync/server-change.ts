import { mergeUpsert, type EntityType, type VersionedRecord, type WireRecord } from '../../src-core/sync';
import type { Queryable } from '../storage/db';
import { HttpError } from '../http/errors';
import { validateRecord } from './entity-validation';
import { storeChange, type Actor, type ChangeAction } from './record-store';
import { missingReference } from './references';

/**
 * A change decided by the server itself (usage feed, invoice issue): made on
 * the current version, so it never conflicts, and it goes through the same
 * merge, validation, change sequence and audit as a pushed mutation. Inside a
 * write transaction (lockWrites).
 */
export async function writeServerChange(
  tx: Queryable,
  actor: Actor & { action: ChangeAction },
  entity: EntityType,
  id: string,
  current: VersionedRecord | undefined,
  changes: WireRecord,
): Promise<{ next: VersionedRecord; changed: boolean }> {
  const outcome = mergeUpsert(current, id, current?.version ?? 0, changes, new Date().toISOString());
  if (outcome.kind !== 'apply') throw new Error(`server change on ${entity}/${id} did not apply: ${outcome.kind}`);
  if (outcome.changedFields.length === 0) return { next: outcome.next, changed: false };
  const validated = validateRecord(entity, outcome.next.data);
  if (!validated.ok) throw new HttpError(422, 'INVALID_RECORD', { text: validated.reason, said: validated.said });
  const missing = await missingReference(tx, entity, validated.record);
  if (missing) throw new HttpError(422, 'UNKNOWN_REFERENCE', missing);
  const next = { ...outcome.next, data: validated.record };
  await storeChange(tx, entity, id, current, next, { ...actor, fields: outcome.changedFields });
  return { next, changed: true };
}
