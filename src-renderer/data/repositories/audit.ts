import type { EntityType } from '../../../src-core';
import type { DataContext } from '../context';
import type { AuditEntry, AuditLine } from '../db';

/** The entry a grouped entry's line stands for (what a single entry would have been), under the group's `seq`. */
function lineEntry({ lines: _lines, clientIds: _clientIds, recordIds: _recordIds, code: _code, params: _params, ...group }: AuditEntry, { recordId, clientId, summary, code, params, fields }: AuditLine): AuditEntry {
  return { ...group, recordId, summary, ...(clientId ? { clientId } : {}), ...(code ? { code } : {}), ...(params ? { params } : {}), ...(fields ? { fields } : {}) };
}

/** Single entries, and the lines of grouped ones that `keep` selects as entries of their own; newest first (within a group, the last written first). */
function history(single: readonly AuditEntry[], grouped: readonly AuditEntry[], keep: (line: AuditLine) => boolean): AuditEntry[] {
  const entries = [...single];
  for (const group of grouped) for (const line of group.lines ?? []) if (keep(line)) entries.push(lineEntry(group, line));
  // Stable sort: the lines of one group, pushed in write order, reversed with the rest.
  return entries.reverse().sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}

export function auditRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    /** A client's whole history (its own record and everything it owns), newest first. */
    ofClient: async (clientId: string): Promise<AuditEntry[]> => {
      const [single, grouped] = await Promise.all([db.audit.where('clientId').equals(clientId).toArray(), db.audit.where('clientIds').equals(clientId).toArray()]);
      return history(single, grouped, (line) => line.clientId === clientId);
    },
    ofRecord: async (entity: EntityType | 'settings', recordId: string): Promise<AuditEntry[]> => {
      const [single, grouped] = await Promise.all([
        db.audit.where('[entity+recordId]').equals([entity, recordId]).toArray(),
        db.audit.where('recordIds').equals(recordId).filter((e) => e.entity === entity).toArray(),
      ]);
      return history(single, grouped, (line) => line.recordId === recordId);
    },
    /** The latest entries as stored (a grouped entry is one, with its own summary). */
    recent: (limit = 100): Promise<AuditEntry[]> => db.audit.orderBy('seq').reverse().limit(limit).toArray(),
  };
}
