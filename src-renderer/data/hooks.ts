import { useLiveQuery } from 'dexie-react-hooks';
import { listsOrBuiltIn, type EntityType } from '../../src-core';
import { queryInvoices, type InvoiceFilter } from './repositories/invoices';
import { queryLetters, type LetterFilter } from './repositories/letters';
import { readSetting, type SettingKey } from './repositories/settings';
import { useDataLayer } from './provider';
import { readPortfolio, readPortfolioHead, type ClientSummary, type PortfolioHead } from './read-model';

/**
 * Live queries for screens: each hook re-renders its component when the data
 * it read changes in IndexedDB, whoever wrote it (a repository, the sync
 * engine, another window). `undefined` means "still loading"; a hook of one
 * record answers `null` when it does not exist.
 */

/**
 * The portfolio read model: one summary per client, for the clients list and
 * the dashboard (one read of a few dozen documents); `undefined` while
 * loading, and while `enabled` is false (the list reads its first screen first).
 */
export function usePortfolio(enabled = true) {
  const { db } = useDataLayer();
  return useLiveQuery<ClientSummary[] | undefined>(() => (enabled ? readPortfolio(db) : undefined), [db, enabled]);
}

/** The clients list's first rows, before every summary is read (read-model/portfolio-chunks.ts); null when the list must wait for them all. */
export function usePortfolioHead(enabled: boolean) {
  const { db } = useDataLayer();
  return useLiveQuery<PortfolioHead | null>(() => (enabled ? readPortfolioHead(db) : null), [db, enabled]);
}

export function useClients() {
  const { repos } = useDataLayer();
  return useLiveQuery(() => repos.clients.all(), [repos]);
}

/** The client, `null` when there is none with this id (an old link), `undefined` while loading. */
export function useClient(id: string | undefined) {
  const { db } = useDataLayer();
  return useLiveQuery(async () => (id ? ((await db.clients.get(id)) ?? null) : undefined), [db, id]);
}

/** The contract, `null` when there is none with this id, `undefined` while loading. */
export function useContract(id: string | undefined) {
  const { db } = useDataLayer();
  return useLiveQuery(async () => (id ? ((await db.contracts.get(id)) ?? null) : undefined), [db, id]);
}

/** Every contract. */
export function useContracts() {
  const { db } = useDataLayer();
  return useLiveQuery(() => db.contracts.toArray(), [db]);
}

export function useContractsOfClient(clientId: string | undefined) {
  const { repos } = useDataLayer();
  return useLiveQuery(() => (clientId ? repos.contracts.ofClient(clientId) : []), [repos, clientId]);
}

/** The contract's usage document (its months, sorted). */
export function useUsageOfContract(contractId: string | undefined) {
  const { db } = useDataLayer();
  return useLiveQuery(() => (contractId ? db.usage.get(contractId) : undefined), [db, contractId]);
}

/** Usage documents of all of a client's contracts. */
export function useUsageOfClient(clientId: string | undefined) {
  const { db } = useDataLayer();
  return useLiveQuery(() => (clientId ? db.usage.where('clientId').equals(clientId).toArray() : []), [db, clientId]);
}

export function usePriceLists() {
  const { db } = useDataLayer();
  return useLiveQuery(async () => listsOrBuiltIn(await db.priceLists.orderBy('id').toArray()), [db]);
}

export function useInvoices(filter: InvoiceFilter = {}) {
  const { ctx } = useDataLayer();
  const key = JSON.stringify(filter);
  return useLiveQuery(() => queryInvoices(ctx, JSON.parse(key) as InvoiceFilter), [ctx, key]);
}

export function useInvoice(id: string | undefined) {
  const { db } = useDataLayer();
  return useLiveQuery(() => (id ? db.invoices.get(id) : undefined), [db, id]);
}

export function usePaymentsOfInvoice(invoiceId: string | undefined) {
  const { repos } = useDataLayer();
  return useLiveQuery(() => (invoiceId ? repos.payments.ofInvoice(invoiceId) : []), [repos, invoiceId]);
}

export function usePaymentsOfClient(clientId: string | undefined) {
  const { repos } = useDataLayer();
  return useLiveQuery(() => (clientId ? repos.payments.ofClient(clientId) : []), [repos, clientId]);
}

export function useLetters(filter: LetterFilter = {}) {
  const { ctx } = useDataLayer();
  const key = JSON.stringify(filter);
  return useLiveQuery(() => queryLetters(ctx, JSON.parse(key) as LetterFilter), [ctx, key]);
}

export function useAuditOfClient(clientId: string | undefined) {
  const { repos } = useDataLayer();
  return useLiveQuery(() => (clientId ? repos.audit.ofClient(clientId) : []), [repos, clientId]);
}

export function useAuditOfRecord(entity: EntityType | 'settings', recordId: string | undefined) {
  const { repos } = useDataLayer();
  return useLiveQuery(() => (recordId ? repos.audit.ofRecord(entity, recordId) : []), [repos, entity, recordId]);
}

/** Local changes not yet pushed (the sync badge). */
export function usePendingOutboxCount() {
  const { repos } = useDataLayer();
  return useLiveQuery(() => repos.outbox.count(), [repos]);
}

/** One setting's value (seller profile, rule settings, envelope models, device id, sync cursor). */
export function useSetting<K extends SettingKey>(key: K) {
  const { db } = useDataLayer();
  return useLiveQuery(() => readSetting(db, key), [db, key]);
}
