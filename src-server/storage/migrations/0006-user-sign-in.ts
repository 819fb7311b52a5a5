import type { Migration } from './migration';

/**
 * People sign in from their laptop (auth/login): a display name for the
 * audit, a scrypt password hash (never the password), a failed-attempt
 * counter and a lock time; each token remembers the laptop it was issued
 * to, so one laptop's access can be revoked alone.
 */
export const userSignIn: Migration = {
  version: 6,
  name: 'user-sign-in',
  sql: `
alter table users add column display_name text;
alter table users add column password_hash text;
alter table users add column failed_logins integer not null default 0;
alter table users add column locked_until timestamptz;
alter table api_tokens add column device_id text;
create index api_tokens_user_device_idx on api_tokens (user_id, device_id);
`,
};
