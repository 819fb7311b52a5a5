import type { Migration } from './types';

/**
 * First schema. Indexes only where a screen or the sync engine queries
 * (ARCHITECTURE.md: each index slows bulk writes): a client's contracts,
 * invoices, payments and letters; statuses for work lists; invoices by month.
 * Usage is one document per contract, keyed by the contract id.
 */
export const v1: Migration = {
  version: 1,
  stores: {
    clients: 'id, siren',
    contracts: 'id, clientId, status',
    priceLists: 'id',
    usage: 'id, clientId',
    invoices: 'id, clientId, contractId, status, period',
    payments: 'id, invoiceId, clientId',
    letters: 'id, clientId, contractId, status',
    audit: '++seq, [entity+recordId]',
    outbox: '++seq, &mutationId',
    settings: 'key',
  },
};
