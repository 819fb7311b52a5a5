import type { WireRecord } from '../../src-core/sync';

export const IMMUTABLE_INVOICE_REASON = 'Une facture émise ne peut pas être modifiée ; émettez un avoir.';

/** Drafts have no number (DOMAIN.md): a number or the issued status means the document is final. */
export function isIssued(invoice: WireRecord): boolean {
  return invoice.status === 'issued' || (typeof invoice.number === 'string' && invoice.number !== '');
}
