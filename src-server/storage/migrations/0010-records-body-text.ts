import type { Migration } from './migration';

/**
 * Each record's JSON kept as text beside its jsonb, by the database itself (a
 * stored generated column: every write path fills it, none can forget): a
 * pull writes its pages from `body` (sync/pull.ts) instead of printing the
 * jsonb of every record it sends. Measured on the embedded storage, the
 * 99,629 invoices of the 10,000-client bench portfolio paged by 1,000: 1.2 s
 * printed from jsonb, 0.5 s copied from text; in the bench the server shares
 * the laptop's two cores, and on PostgreSQL many laptops pull the same records.
 * Null for a deleted record, whose body a pull does not send.
 *
 * A row of up to 4 KB is stored as it is (`toast_tuple_target`, set before
 * the column's rewrite of the table): with the text beside the jsonb, an
 * invoice's row (2.6 KB) passed the default 2 KB and had both compressed,
 * and every page read decompressed them: 2.2 s of the server's CPU for a
 * first sync's pages against 1.85 s stored whole, for 28 % more disk (353 MB
 * against 275 MB at 10,000 clients), measured on the embedded storage.
 */
export const recordsBodyText: Migration = {
  version: 10,
  name: 'records-body-text',
  sql: `
alter table records set (toast_tuple_target = 4080);
alter table records add column body text generated always as (case when deleted then null else data::text end) stored;
`,
};
