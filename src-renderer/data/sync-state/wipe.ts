import { ENTITY_TYPES } from '../../../src-core';
import type { ContratsDb } from '../db';
import { forgetDeviceGrants } from '../invoicing/numbering';
import { clearRecords, recordsAndReadModel } from '../writes/gateway';
import { CENTRAL_ISSUE_PREFIX, CONFLICT_PREFIX, SET_ASIDE_PREFIX, SYNC_KEYS } from './keys';
import { JOIN_KEY } from './join';

/**
 * Sign-out with "erase local data": the records, their history, the outbox,
 * numbering state and the sync bookkeeping go; the device id and the
 * laptop's own settings (seller profile, rules, envelopes) stay; the
 * portfolio read model goes with the records it summarises.
 */
export async function wipeLocalData(db: ContratsDb): Promise<void> {
  const tables = [...recordsAndReadModel(db, ENTITY_TYPES), db.audit, db.outbox, db.series];
  await db.transaction('rw', [...tables, db.syncState], async () => {
    await Promise.all([clearRecords(db, ENTITY_TYPES), db.audit.clear(), db.outbox.clear(), db.series.clear()]);
    await db.syncState.where('key').notEqual(SYNC_KEYS.deviceId).delete();
  });
}

/**
 * Sign-out keeping the data: forget the server and where the sync stood with
 * it (cursors, checks, the series it granted); what still needs a person stays
 * (conflicts, set-aside changes, the laptop's own records copied aside when
 * joining a server, and the central issue requests left unanswered: the server
 * may have numbered those drafts, so the laptop's series stays refused to them).
 */
export async function forgetServer(db: ContratsDb): Promise<void> {
  const stays = (key: string) => key === SYNC_KEYS.deviceId || key === JOIN_KEY || key.startsWith(CONFLICT_PREFIX) || key.startsWith(SET_ASIDE_PREFIX) || key.startsWith(CENTRAL_ISSUE_PREFIX);
  await db.transaction('rw', [db.syncState, db.series], async () => {
    await db.syncState.filter((row) => !stays(row.key)).delete();
    await forgetDeviceGrants(db);
  });
}
