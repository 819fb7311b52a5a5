import { addMonthsToYearMonth, formatMonthFr, type Invoice } from '../../../src-core';

/** "F-2026-000012", or "Brouillon — novembre 2026" before issue. */
export function documentTitle(invoice: Pick<Invoice, 'number' | 'period' | 'issueDate'>, draftWord: string): string {
  return invoice.number ?? `${draftWord} — ${invoice.period ? formatMonthFr(invoice.period) : invoice.issueDate}`;
}

/** Months offered by the month pickers: the last 24 and the next 2, newest first. */
export function recentMonths(current: string): string[] {
  return Array.from({ length: 26 }, (_, i) => addMonthsToYearMonth(current, 2 - i));
}
