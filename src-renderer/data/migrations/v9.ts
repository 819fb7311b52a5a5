import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * Version 9 (issue 19): the sync engine's bookkeeping gets a table of its own,
 * `syncState`, out of `settings`, which keeps the account manager's settings
 * only (seller profile, rules, envelopes, the standalone person's name). The
 * rows move in the upgrade, values untouched: the device id under its own
 * key, and every `sync.` row (server, cursors, last sync, checks, conflicts,
 * set-aside mutations, the signed-in person, a join in progress, the
 * summaries-pending mark) under its key without that prefix — the table
 * says what they are. Frozen: the rule is written here, not read from the
 * sync-state module.
 */
const PREFIX = 'sync.';

async function moveSyncRows(tx: Transaction): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const rows = await settings.filter((row) => row.key === 'deviceId' || row.key.startsWith(PREFIX)).toArray();
  await tx.table('syncState').bulkPut(rows.map(({ key, value }) => ({ key: key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key, value })));
  await settings.bulkDelete(rows.map((row) => row.key));
}

export const v9: Migration = {
  version: 9,
  stores: { syncState: 'key' },
  upgrade: moveSyncRows,
};
