import type { Migration } from './types';

/**
 * Version 13 (issue 15, the usage import at 10,000 clients): a grouped audit
 * entry holds the history lines of many records written by one action (a
 * step of a usage import: up to 1,000 documents) in one row, found from a
 * client's or a record's history through the multi-entry indexes `clientIds`
 * and `recordIds`. Entries written before are single ones and stay as they
 * are (their `clientId` and `[entity+recordId]` indexes are unchanged).
 * Versions 11 and 12 belong to other changes made at the same time: Dexie
 * applies the declared versions in order, gaps included.
 */
export const v13: Migration = {
  version: 13,
  stores: { audit: '++seq, [entity+recordId], clientId, *clientIds, *recordIds' },
};
