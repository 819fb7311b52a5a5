import type { Migration } from './migration';

/**
 * E-invoicing (issue 18): the flows handed to the approved platform, one row
 * per tracking id (the document number; "~212" for its "encaissée" status;
 * the month for an e-reporting file), so a document is queued once and sent
 * once whatever restarts happen. `state`: queued → sending (its attempt is
 * recorded before the request leaves, with a lease) → sent, or failed when
 * the platform refused the request itself. `platform_cursor` remembers up
 * to where the lifecycle flows and the records feeding the queue were read.
 * The platform's statuses are written on the invoices by the "platform"
 * system user (audit trail), which has no token.
 */
export const platformFlows: Migration = {
  version: 5,
  name: 'platform-flows',
  sql: `
create table platform_flows (
  tracking_id text primary key,
  kind text not null check (kind in ('invoice', 'lifecycle', 'ereporting')),
  record_id text not null,
  state text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed')),
  flow_id text,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_error text,
  queued_at timestamptz not null default now(),
  sent_at timestamptz
);
create index platform_flows_due_idx on platform_flows (next_attempt_at) where state in ('queued', 'sending');

create table platform_cursor (
  id integer primary key check (id = 1),
  records_seq bigint not null default 0,
  lifecycle_after text
);
insert into platform_cursor (id) values (1);

-- A lifecycle status names its document by number ("encaissée" reads a document's payments and credit notes through 0004's indexes).
create index records_invoice_number_idx on records ((data->>'number')) where entity = 'invoices';

insert into users (id, name, role) values ('system-platform', 'système : plateforme agréée', 'ingest');
`,
};
