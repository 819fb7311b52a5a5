import type { Migration } from './migration';

/** Finds a contract by its reference (sync/contract-identity.ts) without reading every contract on each push. */
export const contractReferenceIndex: Migration = {
  version: 3,
  name: 'contract-reference-index',
  sql: `
create index records_contract_reference_idx on records ((upper(btrim(data->>'reference')))) where entity = 'contracts' and not deleted;
`,
};
