import { regularisedMonths, type Invoice, type YearMonth } from '../../../src-core';
import type { ContratsDb, MeasuredMonths, OverrunRow } from '../db';

export type { MeasuredMonths, OverrunRow };
import type { ClientSummary } from './client-summary';

/**
 * The overrun facts of the read model, kept apart from the 10,000 summaries
 * they come from so that the overrun work list reads only what it lists:
 * reading every summary took 0.9–4 s on a loaded laptop (bench, 10,000
 * clients), reading the contracts and usage of those over another 1–3 s.
 * Both tables are derived from the summaries, in the transaction that writes
 * them, never edited alone (the `overrunFacts` part of read-model/maintainers.ts):
 * - `overrunFacts`: a row per contract whose summary holds a month over the
 *   limits (its last measured months), with its client's name and the
 *   contract's summary (terms and facts): what the work list shows and plans
 *   a tier change from, and which of those months a stored invoice already
 *   regularises (src-core `regularisedMonths`, the monthly run's rule). Indexed
 *   by client (rewritten with its summary) and by its months over (the
 *   contracts over in a month). Only an invoice write changes what is
 *   regularised (`refreshRegularisations`), so a row rewritten for its usage or
 *   terms keeps the verdicts of the months it had and looks up the new ones;
 * - `portfolioMeasured`: every client's last measured month (one row, read
 *   when summaries are written), and how many clients have each as their last
 *   (another, tiny: its latest month is what the overrun figures are about,
 *   read without the 10,000 entries of the first).
 */
/** Both rows of `portfolioMeasured`, from every client's last measured month. */
function measuredRows(byClient: Record<string, YearMonth>): MeasuredMonths[] {
  const clients: Record<YearMonth, number> = {};
  for (const month of Object.values(byClient)) clients[month] = (clients[month] ?? 0) + 1;
  return [{ id: 'clients', byClient }, { id: 'months', clients }];
}

type UnjudgedRow = Omit<OverrunRow, 'regularised'>;

function overrunRows(summaries: Iterable<ClientSummary>): UnjudgedRow[] {
  const rows: UnjudgedRow[] = [];
  for (const s of summaries) {
    for (const contract of s.contracts) {
      if (contract.overruns.length > 0) rows.push({ id: contract.id, clientId: s.id, clientName: s.legalName, contract, months: contract.overruns.map((o) => o.month) });
    }
  }
  return rows;
}

/**
 * `rows` with the months of theirs the contract's stored invoices regularise,
 * judged for `unjudged(row)` (all its months unless told) and carried for the
 * others. A month is regularised by a later month's run, so only the invoices
 * after each row's oldest unjudged month are read (the books' `contractPeriods`,
 * v11), the rows grouped by that month's year: a contract newly over in
 * October 2026 reads the books of 2026 only, not those of every year from the
 * oldest month of any row (an import of recent months judged 2,600 contracts'
 * books of two years each: most of the portfolio's invoices).
 */
async function lookedUp<R extends UnjudgedRow & { regularised?: YearMonth[] }>(db: ContratsDb, rows: readonly R[], unjudged: (row: R) => readonly YearMonth[] = (row) => row.months): Promise<(R & { regularised: YearMonth[] })[]> {
  const byYear = new Map<string, { contractId: string; after: YearMonth }[]>();
  for (const row of rows) {
    const after = unjudged(row).reduce((a, b) => (b < a ? b : a));
    const year = after.slice(0, 4);
    (byYear.get(year) ?? byYear.set(year, []).get(year)!).push({ contractId: row.id, after });
  }
  const byContract = new Map<string, Invoice[]>();
  for (const contracts of byYear.values()) {
    for (const invoice of await db.invoices.ofContractsAfter(contracts)) if (invoice.kind === 'invoice') byContract.set(invoice.contractId, [...(byContract.get(invoice.contractId) ?? []), invoice]);
  }
  return rows.map((row) => {
    const judged = new Set(unjudged(row));
    const carried = (row.regularised ?? []).filter((m) => row.months.includes(m) && !judged.has(m));
    return { ...row, regularised: [...carried, ...regularisedMonths(byContract.get(row.id) ?? [], [...judged])].sort() };
  });
}

/**
 * `rows` with their regularised months where `known` (the rows they replace)
 * judged all their months already; `pending`, the others, with the verdicts
 * of the months `known` judged, to look up for their new months
 * (`lookedUp`). Split so that nothing is awaited when nothing is looked up:
 * inside a transaction, Dexie keeps its zone across awaits of its own
 * requests, not along a chain of promises that settle without one (refreshReadModel).
 */
function carried(rows: readonly UnjudgedRow[], known: ReadonlyMap<string, OverrunRow>): { rows: OverrunRow[]; pending: (UnjudgedRow & { regularised: YearMonth[]; judged: YearMonth[] })[] } {
  const done: OverrunRow[] = [];
  const pending: (UnjudgedRow & { regularised: YearMonth[]; judged: YearMonth[] })[] = [];
  for (const row of rows) {
    const before = known.get(row.id);
    const regularised = before ? before.regularised.filter((m) => row.months.includes(m)) : [];
    if (before && row.months.every((m) => before.months.includes(m))) done.push({ ...row, regularised });
    else pending.push({ ...row, regularised, judged: before?.months ?? [] });
  }
  return { rows: done, pending };
}

function lastMeasuredOf(summary: ClientSummary): YearMonth | null {
  let last: YearMonth | null = null;
  for (const c of summary.contracts) if (c.lastMeasured && (!last || c.lastMeasured > last)) last = c.lastMeasured;
  return last;
}

/** The summaries' clients as the measured row holds them. */
function measuredOf(summaries: Iterable<ClientSummary>, into: Record<string, YearMonth> = {}): Record<string, YearMonth> {
  for (const s of summaries) {
    const last = lastMeasuredOf(s);
    if (last) into[s.id] = last;
    else delete into[s.id];
  }
  return into;
}

/** Rewrites the overrun tables for `changed` summaries and `removed` clients. Inside the caller's transaction over both tables and the invoices. */
export async function updateOverrunIndex(db: ContratsDb, changed: readonly ClientSummary[], removed: readonly string[]): Promise<void> {
  const clientIds = [...changed.map((s) => s.id), ...removed];
  if (clientIds.length === 0) return;
  const [before, stored] = await Promise.all([storedRowsOf(db, clientIds), db.portfolioMeasured.get('clients')]);
  const byClient = stored?.id === 'clients' ? stored.byClient : {};
  for (const id of removed) delete byClient[id];
  measuredOf(changed, byClient);
  const { rows, pending } = carried(overrunRows(changed), new Map(before.map((r) => [r.id, r])));
  // Only the months the replaced row had not judged are looked up.
  if (pending.length > 0) rows.push(...(await lookedUp(db, pending, (row) => row.months.filter((m) => !row.judged.includes(m)))).map(({ judged: _judged, ...row }) => row));
  await Promise.all([...rowChanges(db, before, rows), db.portfolioMeasured.bulkPut(measuredRows(byClient))]);
}

/** Up to this many clients, their overrun rows are looked up through the client index (see storedRowsOf). */
const FEW_CLIENTS = 500;

/**
 * The stored rows of `clientIds`: through the client index for a few, all
 * read at once for many (an import of the whole portfolio: 10,000 keys looked
 * up one by one in the index took longer than reading the 2,800 rows).
 */
async function storedRowsOf(db: ContratsDb, clientIds: readonly string[]): Promise<OverrunRow[]> {
  if (clientIds.length <= FEW_CLIENTS) return db.overrunFacts.where('clientId').anyOf([...clientIds]).toArray();
  const wanted = new Set(clientIds);
  return (await db.overrunFacts.toArray()).filter((r) => wanted.has(r.clientId));
}

/**
 * The requests turning the stored rows `before` into `rows`: the rows gone
 * deleted, and only the rows that differ put (IndexedDB's cost is per row):
 * a rebuild over a stored model, or an import rewriting months whose verdicts
 * stay, finds most overruns as they were.
 */
function rowChanges(db: ContratsDb, before: readonly OverrunRow[], rows: readonly OverrunRow[]): Promise<unknown>[] {
  const next = new Set(rows.map((r) => r.id));
  const stored = new Map(before.map((r) => [r.id, JSON.stringify(r)]));
  return [db.overrunFacts.bulkDelete(before.filter((r) => !next.has(r.id)).map((r) => r.id)), db.overrunFacts.bulkPut(rows.filter((r) => stored.get(r.id) !== JSON.stringify(r)))];
}

/**
 * The overrun rows of `summaries` judged against `invoices`, every stored
 * invoice held in memory by a whole load: the same rule as `lookedUp`, without
 * reading the books back.
 */
export function judgedInMemory(summaries: readonly ClientSummary[], invoices: readonly Invoice[]): OverrunRow[] {
  const rows = overrunRows(summaries);
  const after = new Map(rows.map((row) => [row.id, row.months.reduce((a, b) => (b < a ? b : a))]));
  const byContract = new Map<string, Invoice[]>();
  for (const invoice of invoices) {
    const month = after.get(invoice.contractId);
    if (month !== undefined && invoice.kind === 'invoice' && invoice.period !== undefined && invoice.period > month) (byContract.get(invoice.contractId) ?? byContract.set(invoice.contractId, []).get(invoice.contractId)!).push(invoice);
  }
  return rows.map((row) => ({ ...row, regularised: [...regularisedMonths(byContract.get(row.id) ?? [], row.months)].sort() }));
}

/**
 * Replaces both tables with those of `summaries` (a rebuild): every row judged
 * again from the stored invoices, which may have come while the model waited —
 * or taken as `judged` (judgedInMemory) from a caller holding them all.
 */
export async function replaceOverrunIndex(db: ContratsDb, summaries: readonly ClientSummary[], judged?: readonly OverrunRow[]): Promise<void> {
  const unjudged = overrunRows(summaries);
  const before = await db.overrunFacts.toArray();
  const rows = judged ? [...judged] : unjudged.length > 0 ? await lookedUp(db, unjudged) : [];
  await Promise.all([...rowChanges(db, before, rows), db.portfolioMeasured.bulkPut(measuredRows(measuredOf(summaries)))]);
}

/**
 * After invoices of `contractIds` were written (created, edited, issued,
 * deleted, pulled): the regularised months of those with an overrun row,
 * judged again from their stored invoices. Inside the caller's transaction
 * over the invoices and `overrunFacts`.
 */
export async function refreshRegularisations(db: ContratsDb, contractIds: Iterable<string | undefined>): Promise<void> {
  const ids = [...new Set([...contractIds].filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const rows = (await db.overrunFacts.bulkGet(ids)).filter((r) => r !== undefined);
  if (rows.length === 0) return;
  await db.overrunFacts.bulkPut(await lookedUp(db, rows));
}

/** The portfolio's last measured month (the same as `lastMeasuredMonth` over every summary), null before any usage. */
export async function readLastMeasuredMonth(db: ContratsDb): Promise<YearMonth | null> {
  const stored = await db.portfolioMeasured.get('months');
  let last: YearMonth | null = null;
  for (const [month, clients] of Object.entries(stored?.id === 'months' ? stored.clients : {})) if (clients > 0 && (!last || month > last)) last = month;
  return last;
}

/** The contracts billed in `month` and over their limits then, with their client and stored facts. */
export function readOverrunRows(db: ContratsDb, month: YearMonth): Promise<OverrunRow[]> {
  return db.overrunFacts.where('months').equals(month).toArray();
}
