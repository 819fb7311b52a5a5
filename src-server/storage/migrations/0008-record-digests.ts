import type { Migration } from './migration';

/**
 * The reconciliation's digests (issue 20): per entity and bucket of record
 * ids, the count of live records and the two lanes' sums of the hash of each
 * `id:version` (src-core/sync/digest.ts), kept by every record write in its
 * transaction, so that /sync/reconcile reads a few hundred rows instead of
 * every record. The hash is computed in TypeScript (the laptop's, the same
 * function): SQL cannot fill the table, so the migration marks it pending and
 * the server rebuilds it once after opening its storage (sync/record-digests.ts).
 */
export const recordDigests: Migration = {
  version: 8,
  name: 'record-digests',
  sql: `
create table record_digests (
  entity text not null,
  bucket integer not null,
  count integer not null,
  high bigint not null,
  low bigint not null,
  primary key (entity, bucket)
);
create table record_digests_pending (id integer primary key check (id = 1));
insert into record_digests_pending (id) values (1);
`,
};
