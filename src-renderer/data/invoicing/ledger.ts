import {
  documentSettlement, dunningSchedule, dunningStepOn,
  type DunningDate, type Invoice, type IsoDate, type Payment, type RuleSettings, type Settlement, type SettlementStatus,
} from '../../../src-core';
import type { DataContext } from '../context';
import { parisToday } from '../context';
import { ruleSettings } from '../settings-in-force';

/**
 * Where each document stands (DOMAIN.md, Payments): its settlement computed by
 * src-core from its payments and credit notes as of today — never stored, so
 * it cannot go stale. Drafts and credit notes are not payable: no settlement.
 */
export type DocumentStatus = 'draft' | SettlementStatus;

export interface LedgerRow {
  invoice: Invoice;
  settlement: Settlement | null;
  status: DocumentStatus;
}

function groupedBy<T>(items: readonly T[], keys: (item: T) => readonly (string | undefined)[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const k of keys(item)) if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * Settles every payable document of `docs` with src-core `documentSettlement`
 * (the balance the payment rules check: payments, refunds and offsets, cancelled ones not counted); a
 * credit note counts against the invoice it references when it is among `docs`.
 */
export function ledgerRows(docs: readonly Invoice[], payments: readonly Payment[], today: IsoDate): LedgerRow[] {
  // An entry settles the invoice it is recorded on and, for an imputed offset, the invoice it is imputed on.
  const paid = groupedBy(payments, (p) => [p.invoiceId, p.offsetInvoiceId]);
  const credits = groupedBy(docs, (d) => [d.kind === 'credit_note' ? d.creditedInvoiceId : undefined]);
  return docs.map((invoice) => {
    const s = documentSettlement(invoice, paid.get(invoice.id) ?? [], credits.get(invoice.id) ?? [], today);
    if (!s) return { invoice, settlement: null, status: invoice.status === 'draft' ? 'draft' : 'issued' };
    return { invoice, settlement: s, status: s.status.value };
  });
}

/**
 * A client's documents, or one month's (or all with no filter), by date: one
 * indexed read sorted in memory — a Dexie filter + sortBy costs ~20× more on a
 * month of a large portfolio. Credit notes carry their invoice's client and
 * month, so they come along.
 */
export async function ledger(ctx: DataContext, filter: { clientId?: string; period?: string }): Promise<LedgerRow[]> {
  const { invoices } = ctx.db;
  const read = filter.clientId ? invoices.ofClient(filter.clientId) : filter.period ? invoices.ofPeriods(filter.period) : invoices.toArray();
  const docs = (await read)
    .filter((d) => (!filter.period || d.period === filter.period) && (!filter.clientId || d.clientId === filter.clientId))
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || (a.number ?? '').localeCompare(b.number ?? ''));
  const ids = docs.map((d) => d.id);
  const [payments, offsetsIn] = await Promise.all([ctx.db.payments.where('invoiceId').anyOf(ids).toArray(), offsetsImputedOn(ctx, ids)]);
  const known = new Set(payments.map((p) => p.id));
  return ledgerRows(docs, [...payments, ...offsetsIn.filter((o) => !known.has(o.id))], parisToday(ctx));
}

/** The offsets imputed on these documents (credits of other invoices): few, read through the `kind` index. */
async function offsetsImputedOn(ctx: DataContext, ids: readonly string[]): Promise<Payment[]> {
  const wanted = new Set(ids);
  return (await ctx.db.payments.where('kind').equals('offset').toArray()).filter((o) => o.offsetInvoiceId !== undefined && wanted.has(o.offsetInvoiceId));
}

/** One document with its payments, credit notes and settlement, for its page. */
export async function documentLedger(ctx: DataContext, id: string) {
  const invoice = await ctx.db.invoices.get(id);
  if (!invoice) return undefined;
  const [payments, offsetsIn, family] = await Promise.all([
    ctx.db.payments.where('invoiceId').equals(id).sortBy('date'),
    offsetsImputedOn(ctx, [id]),
    ctx.db.invoices.ofClient(invoice.clientId),
  ]);
  const creditNotes = family.filter((d) => d.kind === 'credit_note' && d.creditedInvoiceId === id);
  const surcharges = family.filter((d) => d.kind === 'surcharge' && d.surchargedInvoiceId === id);
  const credited = invoice.creditedInvoiceId ? family.find((d) => d.id === invoice.creditedInvoiceId) : undefined;
  const surcharged = invoice.surchargedInvoiceId ? family.find((d) => d.id === invoice.surchargedInvoiceId) : undefined;
  const [row] = ledgerRows([invoice, ...creditNotes], [...payments, ...offsetsIn], parisToday(ctx));
  // The credit notes whose credit settles it, for the "Avoir n° … imputé" lines.
  const imputed = offsetsIn.map((offset) => ({ offset, creditNote: family.find((d) => d.id === offset.creditNoteId) }));
  const numbers = new Map(family.map((d) => [d.id, d.number ?? undefined]));
  return { ...row!, payments, offsetsIn: imputed, creditNotes, surcharges, credited, surcharged, numberOf: (docId: string) => numbers.get(docId) };
}
export type DocumentLedger = NonNullable<Awaited<ReturnType<typeof documentLedger>>>;

export interface OverdueRow extends LedgerRow {
  settlement: Settlement;
  /** The latest dunning step reached today, with its date and rule; null before the reminder date. */
  dunning: DunningDate | null;
  /** Whether a late-surcharge document was already issued for it. */
  surcharged: boolean;
}

/** Overdue documents, most days late first, with the dunning step due (§6.6). */
export function overdueRows(rows: readonly LedgerRow[], settings: RuleSettings, today: IsoDate): OverdueRow[] {
  const surcharged = new Set(rows.flatMap((r) => (r.invoice.kind === 'surcharge' && r.invoice.surchargedInvoiceId ? [r.invoice.surchargedInvoiceId] : [])));
  return rows
    .filter((r): r is LedgerRow & { settlement: Settlement } => r.status === 'overdue' && r.settlement !== null)
    .map((r) => {
      const step = dunningStepOn(r.invoice.dueDate, today, settings);
      return { ...r, dunning: step ? (dunningSchedule(r.invoice.dueDate, settings).find((d) => d.step === step) ?? null) : null, surcharged: surcharged.has(r.invoice.id) };
    })
    .sort((a, b) => b.settlement.daysLate - a.settlement.daysLate);
}

/** Every overdue document of the portfolio. */
export async function overdueLedger(ctx: DataContext): Promise<OverdueRow[]> {
  const [issued, payments, settings] = await Promise.all([ctx.db.invoices.issued(), ctx.db.payments.toArray(), ruleSettings(ctx)]);
  const today = parisToday(ctx);
  return overdueRows(ledgerRows(issued, payments, today), settings, today);
}
