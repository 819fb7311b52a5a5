import { useLiveQuery } from 'dexie-react-hooks';
import { useDataLayer } from '../provider';
import { readSetting } from '../repositories/settings';
import type { DocumentKind } from '../../../src-core';
import { parisToday } from '../context';
import { deviceCode, nextDocumentNumber } from './numbering';
import { nextCentralNumber, readIssueSeriesChoice } from './central-issue';
import { readAwaitingCentralIssue } from './awaiting-central-issue';
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

/** The series and number the next document of that kind issued today would take here (shown before issuing). */
export function useNextDocumentNumber(kind: DocumentKind) {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => nextDocumentNumber(ctx, kind, parisToday(ctx)), [ctx, kind]);
}

/**
 * The two series a draft may take, for the issue notice: the laptop's own
 * (granted or standalone) and the central one, with the laptop's choice
 * between them (used when signed in and the central API answers).
 */
export function useIssueSeries(kind: DocumentKind) {
  const { ctx } = useDataLayer();
  return useLiveQuery(async () => {
    const today = parisToday(ctx);
    const [choice, device, central] = await Promise.all([readIssueSeriesChoice(ctx), nextDocumentNumber(ctx, kind, today), nextCentralNumber(ctx, kind, today)]);
    return { choice, device, central };
  }, [ctx, kind]);
}

/** The central issue request of this draft still without an answer; null when there is none. */
export function useAwaitingCentralIssue(invoiceId: string) {
  const { ctx } = useDataLayer();
  return useLiveQuery(async () => (await readAwaitingCentralIssue(ctx, invoiceId)) ?? null, [ctx, invoiceId]);
}

/** The device code of the laptop's series; null while standalone. */
export function useDeviceCode() {
  const { ctx } = useDataLayer();
  return useLiveQuery(async () => (await deviceCode(ctx)) ?? null, [ctx]);
}

/**
 * What the Paramètres forms start from, read together: undefined while
 * loading, then every value (null for one never saved), so a form mounts once
 * with the stored value instead of with a default that the stored one replaces.
 */
export function useSettingsSnapshot() {
  const { ctx } = useDataLayer();
  return useLiveQuery(async () => {
    const [seller, rules, envelopes, code] = await Promise.all([
      readSetting(ctx.db, 'sellerProfile'),
      readSetting(ctx.db, 'ruleSettings'),
      readSetting(ctx.db, 'envelopeModels'),
      deviceCode(ctx),
    ]);
    return { seller: seller ?? null, rules: rules ?? null, envelopes: envelopes ?? null, code: code ?? null };
  }, [ctx]);
}
