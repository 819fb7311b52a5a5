import type { Migration } from './migration';

/**
 * A first pull grouped by client (sync/pull.ts, `order: 'client'`, issue 20)
 * pages through an entity's records by client key then id: one ordered index
 * scan per page instead of sorting the entity's every record for each page.
 */
export const recordsClientOrder: Migration = {
  version: 9,
  name: 'records-client-order',
  sql: `
create index records_entity_client_idx on records (entity, (coalesce(data->>'clientId', '')), id);
`,
};
