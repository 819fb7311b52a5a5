import type { Migration } from './types';

/**
 * Version 16 (issue 15): an outbox row may hold a pack of mutations (a usage
 * import's step: `{ pack, size, madeAt }`, data/outbox.ts) instead of one;
 * `size` is indexed so that the waiting mutations are counted without
 * reading the packs. The rows already stored are single mutations and stay
 * as they are (no row has `size`). The version also keeps an older app,
 * which would take a pack for a mutation, from opening the database.
 */
export const v16: Migration = {
  version: 16,
  stores: { outbox: '++seq, &mutationId, size' },
};
