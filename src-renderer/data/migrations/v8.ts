import type { Migration } from './types';

/**
 * Version 8 (issue 16): payments gain a `kind` index. A refund or an offset of
 * an overpaid invoice carries `kind`; a payment received does not, so the
 * index holds the few refunds and offsets only, and issuing a month finds the
 * offsets waiting for a client's next invoice without reading every payment.
 * IndexedDB builds the index from the stored rows; no record changes.
 */
export const v8: Migration = {
  version: 8,
  stores: { payments: 'id, invoiceId, clientId, kind' },
};
