import type { YearMonth } from '../../../src-core';
import type { ContratsDb } from '../db';
import type { ClientSummary, ContractSummary } from './client-summary';

/**
 * The overrun facts of the read model, kept apart from the 10,000 summaries
 * they come from so that the overrun work list reads only what it lists:
 * reading every summary took 0.9–4 s on a loaded laptop (bench, 10,000
 * clients), reading the contracts and usage of those over another 1–3 s.
 * Both tables are derived from the summaries, in the transaction that writes
 * them (portfolio-chunks.ts), never edited alone:
 * - `overrunFacts`: a row per contract whose summary holds a month over the
 *   limits (its last measured months), with its client's name and the
 *   contract's summary (terms and facts): what the work list shows and plans
 *   a tier change from. Indexed by client (rewritten with its summary) and by
 *   its months over (the contracts over in a month);
 * - `portfolioMeasured`: one row, every client's last measured month, whose
 *   latest is the month the overrun figures are about.
 */
export interface OverrunRow {
  /** The contract's id. */
  id: string;
  clientId: string;
  clientName: string;
  contract: ContractSummary;
  /** Months of its facts. */
  months: YearMonth[];
}

export interface MeasuredMonths {
  id: typeof MEASURED_ID;
  /** Client id → its contracts' latest measured month (clients with no usage are absent). */
  byClient: Record<string, YearMonth>;
}

const MEASURED_ID = 'portfolio';

function overrunRows(summaries: Iterable<ClientSummary>): OverrunRow[] {
  const rows: OverrunRow[] = [];
  for (const s of summaries) {
    for (const contract of s.contracts) {
      if (contract.overruns.length > 0) rows.push({ id: contract.id, clientId: s.id, clientName: s.legalName, contract, months: contract.overruns.map((o) => o.month) });
    }
  }
  return rows;
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

/** Rewrites the overrun tables for `changed` summaries and `removed` clients. Inside the caller's transaction over `portfolioTables`. */
export async function updateOverrunIndex(db: ContratsDb, changed: readonly ClientSummary[], removed: readonly string[]): Promise<void> {
  const clientIds = [...changed.map((s) => s.id), ...removed];
  if (clientIds.length === 0) return;
  const [, stored] = await Promise.all([db.overrunFacts.where('clientId').anyOf(clientIds).delete(), db.portfolioMeasured.get(MEASURED_ID)]);
  const byClient = { ...stored?.byClient };
  for (const id of removed) delete byClient[id];
  measuredOf(changed, byClient);
  await Promise.all([db.overrunFacts.bulkPut(overrunRows(changed)), db.portfolioMeasured.put({ id: MEASURED_ID, byClient })]);
}

/** Replaces both tables with those of `summaries`: the whole read model. */
export async function replaceOverrunIndex(db: ContratsDb, summaries: readonly ClientSummary[]): Promise<void> {
  await db.overrunFacts.clear();
  await Promise.all([db.overrunFacts.bulkPut(overrunRows(summaries)), db.portfolioMeasured.put({ id: MEASURED_ID, byClient: measuredOf(summaries) })]);
}

/** The portfolio's last measured month (the same as `lastMeasuredMonth` over every summary), null before any usage. */
export async function readLastMeasuredMonth(db: ContratsDb): Promise<YearMonth | null> {
  const stored = await db.portfolioMeasured.get(MEASURED_ID);
  let last: YearMonth | null = null;
  for (const month of Object.values(stored?.byClient ?? {})) if (!last || month > last) last = month;
  return last;
}

/** The contracts billed in `month` and over their limits then, with their client and stored facts. */
export function readOverrunRows(db: ContratsDb, month: YearMonth): Promise<OverrunRow[]> {
  return db.overrunFacts.where('months').equals(month).toArray();
}
