import type { EntityType } from '../../../src-core';
import type { DataContext } from '../context';
import type { AuditEntry } from '../db';

export function auditRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    /** A client's whole history (its own record and everything it owns), newest first. */
    ofClient: (clientId: string): Promise<AuditEntry[]> => db.audit.where('clientId').equals(clientId).reverse().sortBy('seq'),
    ofRecord: (entity: EntityType | 'settings', recordId: string): Promise<AuditEntry[]> =>
      db.audit.where('[entity+recordId]').equals([entity, recordId]).reverse().sortBy('seq'),
    recent: (limit = 100): Promise<AuditEntry[]> => db.audit.orderBy('seq').reverse().limit(limit).toArray(),
  };
}
