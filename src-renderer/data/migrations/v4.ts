import type { Migration } from './types';

/**
 * Version 4: the portfolio read model gains a `legalName` index, so that the
 * clients list shows its first screenful (default order: by name) from a
 * bounded indexed read, before the whole table is read for search, filters
 * and other sorts (`usePortfolioHead`). IndexedDB builds the index from the
 * stored rows; no record changes.
 */
export const v4: Migration = {
  version: 4,
  stores: { portfolio: 'id, legalName' },
};
