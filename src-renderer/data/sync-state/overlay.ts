import { applyFieldChanges, type WireRecord } from '../../../src-core';
import type { OutboxEntry } from '../db';

/**
 * The record the laptop shows: the server's state with the local mutations not
 * yet answered replayed on top, in the order they were made, so a pull never
 * hides a change the account manager just made. The version stays the
 * server's: the next local edit is made on it.
 */
export function overlayPending(serverRecord: WireRecord | null, version: number, pending: readonly OutboxEntry[]): WireRecord | null {
  let record = serverRecord;
  for (const mutation of pending) {
    if (mutation.op === 'delete') {
      record = null;
      continue;
    }
    // An emptied field travels as null; stored as its schema says (absent, or null where null is a value), as the server stores it.
    record = applyFieldChanges(mutation.entity, record ?? {}, mutation.changes);
  }
  return record && { ...record, version };
}

/** Outbox entries grouped by record, each group in the order they were made. */
export function pendingByRecord(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const map = new Map<string, OutboxEntry[]>();
  for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const key = recordKey(entry.entity, entry.recordId);
    map.set(key, [...(map.get(key) ?? []), entry]);
  }
  return map;
}

export function recordKey(entity: string, recordId: string): string {
  return `${entity}/${recordId}`;
}
