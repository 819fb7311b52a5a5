import type { Migration } from './migration';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
create table users (
  id text primary key,
  name text not null unique,
  role text not null check (role in ('admin', 'account_manager', 'ingest')),
  created_at timestamptz not null default now()
);

-- Only sha256 of the bearer tokens: a leaked table gives no usable token.
create table api_tokens (
  token_hash text primary key,
  user_id text not null references users (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- Single row: every write transaction locks it first, so change sequences are
-- handed out in commit order and a pull cursor never skips a late commit.
create table change_counter (
  id integer primary key check (id = 1),
  last_seq bigint not null
);
insert into change_counter (id, last_seq) values (1, 0);

-- Latest state of every synced record; field_versions maps a field to the
-- record version that last changed it (merge and conflict detection).
create table records (
  entity text not null,
  id text not null,
  data jsonb not null,
  version integer not null,
  field_versions jsonb not null,
  deleted boolean not null default false,
  seq bigint not null,
  changed_at timestamptz not null default now(),
  primary key (entity, id)
);
create unique index records_seq_idx on records (seq);
create index records_entity_seq_idx on records (entity, seq);

-- The answer given to each mutation, so a re-sent mutation gets the same one.
create table mutations (
  mutation_id text primary key,
  device_id text not null,
  user_id text not null references users (id),
  entity text not null,
  record_id text not null,
  result jsonb not null,
  received_at timestamptz not null default now()
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id text not null references users (id),
  device_id text,
  action text not null,
  entity text not null,
  record_id text not null,
  mutation_id text,
  fields jsonb not null,
  version integer not null
);
create index audit_log_record_idx on audit_log (entity, record_id);

create table devices (
  device_id text primary key,
  ordinal integer not null unique,
  code text not null unique,
  created_at timestamptz not null default now()
);

create table device_grants (
  device_id text not null references devices (device_id),
  year integer not null,
  kind text not null check (kind in ('invoice', 'credit_note')),
  series text not null unique,
  granted_by text not null references users (id),
  granted_at timestamptz not null default now(),
  primary key (device_id, year, kind)
);

-- State of each numbering series ('F-2026', 'F-2026-D01', 'AV-2026'…): the
-- last number and its issue date, for continuity and chronology
-- (rules in src-core/billing/numbering).
create table numbering_series (
  name text primary key,
  last_number integer not null,
  last_issue_date date
);
`,
};
