import {
  DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE, explained, parseInstant, toParisWallClock,
  type BillingLine, type ComputedTotals, type Invoice, type IsoDate, type RuleSettings, type SellerProfile,
} from '../../../src-core';
import type { DataContext } from '../context';
import { summaryTables } from '../read-model/upkeep';
import { readSetting } from '../repositories/settings';

/** Today on the Paris calendar (DOMAIN.md, Conventions), from the context's clock so tests can fix it. */
export function parisToday(ctx: DataContext): IsoDate {
  return toParisWallClock(parseInstant(ctx.now())).date;
}

/** The rule settings in force: the stored ones, else the defaults of DOMAIN.md. */
export async function ruleSettings(ctx: DataContext): Promise<RuleSettings> {
  return (await readSetting(ctx.db, 'ruleSettings')) ?? DEFAULT_RULE_SETTINGS;
}

/** The seller printed on documents: the stored profile, else the demo one (to be completed in Paramètres). */
export async function sellerProfile(ctx: DataContext): Promise<SellerProfile> {
  return (await readSetting(ctx.db, 'sellerProfile')) ?? DEMO_SELLER_PROFILE;
}

/**
 * The one place where src-core's computed totals become the stored ones. The
 * names happen to match today; keeping the mapping explicit means a rename on
 * either side fails to compile here instead of storing a half-filled record.
 */
export function storedTotals(t: ComputedTotals): Invoice['totals'] {
  return {
    netCents: t.netCents,
    vatCents: t.vatCents,
    totalCents: t.totalCents,
    byRate: t.byRate.map((r) => ({ ratePercent: r.ratePercent, baseCents: r.baseCents, vatCents: r.vatCents })),
  };
}

/**
 * Stored lines as src-core's billing lines. A line synced from elsewhere may
 * come without its explanation; it then explains itself by its label, which
 * is what the credit-note rules print.
 */
export function billingLines(invoice: Pick<Invoice, 'lines'>): BillingLine[] {
  return invoice.lines.map((line) => ({ ...line, explanation: line.explanation ?? explained(line.netCents, '§5.3', line.label) }));
}

/**
 * The read-write transaction of every invoicing write: the documents, what
 * they are computed from (payments, clients, settings), the numbering series,
 * and the audit and outbox that `writeChange` fills. `changeTransaction` covers
 * entity tables only; numbering needs `series` in the same transaction.
 */
export function invoicingTransaction<T>(ctx: DataContext, body: () => Promise<T>): Promise<T> {
  const { db } = ctx;
  return db.transaction('rw', [db.invoices, db.payments, db.clientFiles, db.series, db.settings, db.audit, db.outbox, ...summaryTables(db, ['invoices'])], body);
}
