import { ENTITY_TYPES } from '../../../src-core';
import type { ContratsDb } from '../db';
import { forgetDeviceGrants } from '../invoicing/numbering';
import { recordTables } from '../record-store';
import { portfolioTables } from '../read-model/portfolio-chunks';

/**
 * Sign-out with "erase local data": the records, their history, the outbox,
 * numbering state and every `sync.` row go; the device id and the laptop's
 * own settings (seller profile, rules, envelopes) stay; the portfolio read
 * model goes with the records it summarises.
 */
export async function wipeLocalData(db: ContratsDb): Promise<void> {
  const tables = [...recordTables(db, ENTITY_TYPES), db.audit, db.outbox, db.series, ...portfolioTables(db), db.settings];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.filter((t) => t !== db.settings).map((t) => t.clear()));
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
