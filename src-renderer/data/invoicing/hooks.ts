import { useLiveQuery } from 'dexie-react-hooks';
import { useDataLayer } from '../provider';
import { deviceCode } from './numbering';
import { documentLedger, ledger, overdueLedger } from './ledger';

/**
 * Live queries of the invoices screens: they re-run when an invoice, payment
 * or credit note changes, and recompute the settlements as of today.
 * `undefined` means "still loading".
 */

/** A month's documents, or a client's, each with its settlement. */
export function useLedger(filter: { clientId?: string; period?: string }) {
  const { ctx } = useDataLayer();
  const { clientId, period } = filter;
  return useLiveQuery(() => ledger(ctx, { ...(clientId ? { clientId } : {}), ...(period ? { period } : {}) }), [ctx, clientId, period]);
}

/** One document with its payments, credit notes and surcharges; null when it does not exist. */
export function useDocumentLedger(id: string) {
  const { ctx } = useDataLayer();
  return useLiveQuery(async () => (await documentLedger(ctx, id)) ?? null, [ctx, id]);
}

export function useOverdueLedger() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => overdueLedger(ctx), [ctx]);
}

/** The device code of the laptop's series; null while standalone. */
export function useDeviceCode() {
  const { ctx } = useDataLayer();
  return useLiveQuery(async () => (await deviceCode(ctx)) ?? null, [ctx]);
}
