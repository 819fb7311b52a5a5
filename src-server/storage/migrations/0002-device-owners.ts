import type { Migration } from './migration';

/**
 * A device's series belong to the user and the token that obtained its first
 * grant (invoices/device-owner). Devices granted before this migration have
 * no owner yet: the next grant or push of their own claims them.
 */
export const deviceOwners: Migration = {
  version: 2,
  name: 'device-owners',
  sql: `
alter table devices add column user_id text references users (id);
alter table devices add column token_hash text;
`,
};
