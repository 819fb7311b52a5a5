import { addMonthsToYearMonth, type Invoice } from '../../../src-core';
import type { Formats } from '../../i18n';

/** "F-2026-000012", or "Brouillon — novembre 2026" before issue. */
export function documentTitle(invoice: Pick<Invoice, 'number' | 'period' | 'issueDate'>, draftWord: string, fmt: Formats): string {
  return invoice.number ?? `${draftWord} — ${invoice.period ? fmt.month(invoice.period) : invoice.issueDate}`;
}

/** Months offered by the month pickers: the last 24 and the next 2, newest first. */
export function recentMonths(current: string): string[] {
  return Array.from({ length: 26 }, (_, i) => addMonthsToYearMonth(current, 2 - i));
}
