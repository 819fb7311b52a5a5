import { changedFieldsOf, sameFieldValue } from './field-changes';
import { message, messageFr, type Message } from '../messages';
import type { WireRecord } from './common';
import type { FieldConflict } from './push';

/**
 * The server's side of the sync protocol (ARCHITECTURE.md, data flow 4b): how
 * a pushed change made on `baseVersion` meets the record as the server holds
 * it. Pure, so the laptop's tests and the protocol model test run the very
 * rules the central API applies.
 */

/** A record as the server keeps it. Field versions are per top-level field. */
export interface VersionedRecord {
  data: WireRecord;
  version: number;
  /** Field → record version that last changed it. */
  fieldVersions: Record<string, number>;
  deleted: boolean;
}

/** Marks, in a conflict, that the other side deleted the record. */
export const DELETED_FIELD = '_deleted';

export type MergeOutcome =
  | { kind: 'apply'; next: VersionedRecord; changedFields: string[] }
  | { kind: 'conflict'; conflicts: FieldConflict[] }
  /** `reason` is the French of `said` (the refusal's message code, issue 19). */
  | { kind: 'reject'; reason: string; said: Message };

/**
 * Record metadata (src-core/model recordMetaShape) is the server's to set:
 * `version` is its counter and `updatedAt` its clock (laptop clocks are
 * informative only), so two laptops stamping `updatedAt` never conflict.
 * `createdAt` is kept from the creation.
 */
export function splitMeta(changes: WireRecord): { fields: WireRecord; createdAt: unknown } {
  const { version: _version, updatedAt: _updatedAt, createdAt, ...fields } = changes;
  return { fields, createdAt };
}

/**
 * Applies an upsert made on `baseVersion`: fields changed on the server since
 * `baseVersion` and sent with another value are a conflict and nothing is
 * applied; otherwise the sent fields are merged over the server's. Setting a
 * field to the value it already has changes nothing. A null value empties the
 * field (field-changes.ts): it stays null in `next` until the server's
 * validation stores it as the entity's schema does. `now` is the server's ISO instant.
 */
export function mergeUpsert(current: VersionedRecord | undefined, recordId: string, baseVersion: number, changes: WireRecord, now: string): MergeOutcome {
  if (changes.id !== undefined && changes.id !== recordId) {
    return rejection(message('sync.refusal.idMismatch', { id: String(changes.id), recordId }));
  }
  const { fields, createdAt } = splitMeta(changes);
  if (!current) {
    if (baseVersion !== 0) return rejection(message('sync.refusal.unknownRecord', { recordId, base: String(baseVersion) }));
    return create(recordId, fields, createdAt ?? now, 1, now);
  }
  if (baseVersion > current.version) {
    return rejection(message('sync.refusal.baseAhead', { base: String(baseVersion), server: String(current.version) }));
  }
  if (current.deleted) {
    if (baseVersion < current.version) {
      return { kind: 'conflict', conflicts: [{ field: DELETED_FIELD, serverValue: true, clientValue: false }] };
    }
    // The laptop saw the deletion and recreates the record on purpose.
    return create(recordId, fields, createdAt ?? now, current.version + 1, now);
  }
  const conflicts = Object.keys(fields)
    .filter((field) => (current.fieldVersions[field] ?? 0) > baseVersion && !sameFieldValue(fields[field], current.data[field]))
    .map((field) => ({ field, serverValue: current.data[field] ?? null, clientValue: fields[field] }));
  if (conflicts.length > 0) return { kind: 'conflict', conflicts };

  const changedFields = changedFieldsOf(current.data, fields);
  if (changedFields.length === 0) return { kind: 'apply', next: current, changedFields };
  const version = current.version + 1;
  const fieldVersions = { ...current.fieldVersions };
  for (const field of changedFields) fieldVersions[field] = version;
  return { kind: 'apply', next: { data: { ...current.data, ...fields, id: recordId, version, updatedAt: now }, version, fieldVersions, deleted: false }, changedFields };
}

function rejection(said: Message): MergeOutcome {
  return { kind: 'reject', reason: messageFr(said), said };
}

function create(recordId: string, fields: WireRecord, createdAt: unknown, version: number, now: string): MergeOutcome {
  const data = { ...fields, id: recordId, createdAt, updatedAt: now, version };
  const changedFields = Object.keys(fields);
  const fieldVersions = Object.fromEntries(changedFields.map((field) => [field, version]));
  return { kind: 'apply', next: { data, version, fieldVersions, deleted: false }, changedFields };
}

/** A deletion made on `baseVersion`: any change since then is a conflict (the edit would be lost silently). */
export function mergeDelete(current: VersionedRecord | undefined, baseVersion: number, now: string): MergeOutcome {
  if (!current || current.deleted) return { kind: 'apply', next: current ?? { data: {}, version: 0, fieldVersions: {}, deleted: true }, changedFields: [] };
  if (baseVersion > current.version) {
    return rejection(message('sync.refusal.baseAhead', { base: String(baseVersion), server: String(current.version) }));
  }
  if (baseVersion < current.version) {
    const conflicts = Object.entries(current.fieldVersions)
      .filter(([, fieldVersion]) => fieldVersion > baseVersion)
      .map(([field]) => ({ field, serverValue: current.data[field] ?? null, clientValue: null }));
    return { kind: 'conflict', conflicts };
  }
  const version = current.version + 1;
  return { kind: 'apply', next: { ...current, data: { ...current.data, version, updatedAt: now }, version, deleted: true }, changedFields: [DELETED_FIELD] };
}
