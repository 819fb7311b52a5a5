import { ENTITY_TYPES } from '../../../src-core';
import type { ContratsDb } from '../db';
import { forgetDeviceGrants } from '../invoicing/numbering';
import { clearRecords, recordsAndReadModel } from '../writes/gateway';

/**
 * Sign-out with "erase local data": the records, their history, the outbox,
 * numbering state and every `sync.` row go; the device id and the laptop's
 * own settings (seller profile, rules, envelopes) stay; the portfolio read
 * model goes with the records it summarises.
 */
export async function wipeLocalData(db: ContratsDb): Promise<void> {
  const tables = [...recordsAndReadModel(db, ENTITY_TYPES), db.audit, db.outbox, db.series, db.settings];
  await db.transaction('rw', tables, async () => {
    await Promise.all([clearRecords(db, ENTITY_TYPES), db.audit.clear(), db.outbox.clear(), db.series.clear()]);
    await db.settings.where('key').startsWith('sync.').delete();
  });
}

/**
 * Sign-out keeping the data: forget the server and where the sync stood with
 * it (cursors, checks, the series it granted); what still needs a person stays
 * (conflicts, set-aside changes, the laptop's own records copied aside when
 * joining a server).
 */
export async function forgetServer(db: ContratsDb): Promise<void> {
  await db.transaction('rw', [db.settings, db.series], async () => {
    await db.settings
      .where('key')
      .startsWith('sync.')
      .filter((row) => !row.key.startsWith('sync.conflict.') && !row.key.startsWith('sync.setAside.') && row.key !== 'sync.join')
      .delete();
    await forgetDeviceGrants(db);
  });
}
