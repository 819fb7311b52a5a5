import Dexie, { type Table } from 'dexie';
import type { EntityType, Invoice, YearMonth } from '../../../src-core';
import type { ContratsDb, InvoicedMonth } from '../db';

/**
 * Which contracts have an invoice (not a credit note, nor a surcharge) billed
 * for each month, as a small row per month (`invoicedMonths`, v15): the
 * monthly run's "already billed" check reads one row instead of every book
 * of the year (10,000 books at 10,000 clients). A row counts each contract's
 * invoices of the month, so that a deleted draft leaves the contract billed
 * while another invoice of the month remains. Kept by the write gateway with
 * every record write, a first load included (like the digests, it needs only
 * each write's `before` and `after`): a write takes back what its `before`
 * counted and adds what its `after` counts.
 */

/** A record write as this index sees it: the stored record before (undefined: none) and after (null: deleted). */
export interface InvoiceWrite {
  entity: EntityType;
  before: object | undefined;
  after: object | null;
}

/** The month an invoice is counted under, or undefined (another kind of document, no month). */
function billedMonth(record: object | null | undefined): { month: YearMonth; contractId: string } | undefined {
  const invoice = record as Invoice | null | undefined;
  return invoice && invoice.kind === 'invoice' && invoice.period ? { month: invoice.period, contractId: invoice.contractId } : undefined;
}

/** The change of each month's counts that writes make, by month and contract, folded a step at a time (`invoicedMonths.add`). */
export type InvoicedMonthChanges = Map<YearMonth, Map<string, number>>;

/** `row` with `change` added; contracts left with no invoice are dropped. */
function withChange(month: YearMonth, row: InvoicedMonth | undefined, change: ReadonlyMap<string, number>): InvoicedMonth {
  const contracts = { ...(row?.contracts ?? {}) };
  for (const [contractId, n] of change) {
    const count = (contracts[contractId] ?? 0) + n;
    if (count > 0) contracts[contractId] = count;
    else delete contracts[contractId];
  }
  return { month, contracts };
}

export const invoicedMonths = {
  name: 'invoicedMonths',
  tables: (db: ContratsDb): Table[] => [db.invoicedMonths],
  empty: (): InvoicedMonthChanges => new Map(),
  /** Adds what `writes` change: each takes back what its `before` counted and adds what its `after` counts. */
  add(changes: InvoicedMonthChanges, writes: readonly InvoiceWrite[]): void {
    const add = (record: object | null | undefined, by: number) => {
      const billed = billedMonth(record);
      if (!billed) return;
      const month = changes.get(billed.month) ?? changes.set(billed.month, new Map()).get(billed.month)!;
      month.set(billed.contractId, (month.get(billed.contractId) ?? 0) + by);
    };
    for (const w of writes) {
      if (w.entity !== 'invoices') continue;
      add(w.before, -1);
      add(w.after, 1);
    }
  },
  /** One read and one write of the months whose counts change, inside the caller's transaction; undefined, synchronously, when none. */
  store(db: ContratsDb, changes: InvoicedMonthChanges): Promise<void> | undefined {
    const changed = [...changes].map(([month, counts]) => [month, new Map([...counts].filter(([, n]) => n !== 0))] as const).filter(([, counts]) => counts.size > 0);
    if (changed.length === 0) return undefined;
    return (async () => {
      const rows = await db.invoicedMonths.bulkGet(changed.map(([month]) => month));
      const next = changed.map(([month, change], i) => withChange(month, rows[i], change));
      await Promise.all([db.invoicedMonths.bulkPut(next.filter((r) => Object.keys(r.contracts).length > 0)), db.invoicedMonths.bulkDelete(next.filter((r) => Object.keys(r.contracts).length === 0).map((r) => r.month))]);
    })();
  },
  /** Forgets the counts when the invoices are emptied in the same transaction. */
  clear: (db: ContratsDb, entities: readonly EntityType[]): Promise<void> => (entities.includes('invoices') ? db.invoicedMonths.clear() : Dexie.Promise.resolve()),
};

/** The contracts with an invoice billed for `month` (drafts included: the monthly run never bills a month twice). */
export async function readInvoicedContracts(db: ContratsDb, month: YearMonth): Promise<Set<string>> {
  return new Set(Object.keys((await db.invoicedMonths.get(month))?.contracts ?? {}));
}
