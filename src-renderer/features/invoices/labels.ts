import { addMonthsToYearMonth, type Invoice } from '../../../src-core';
import type { Formats, MessageKey } from '../../i18n';

/** Words for a document's kind, shared by the list, the page and the client's panel. */
export const KIND_LABEL: Record<Invoice['kind'], MessageKey> = {
  invoice: 'invoices.kind.invoice',
  credit_note: 'invoices.kind.credit_note',
  surcharge: 'invoices.kind.surcharge',
};

/** "F-2026-000012", or "Brouillon — novembre 2026" before issue. */
export function documentTitle(invoice: Pick<Invoice, 'number' | 'period' | 'issueDate'>, draftWord: string, fmt: Formats): string {
  return invoice.number ?? `${draftWord} — ${invoice.period ? fmt.month(invoice.period) : invoice.issueDate}`;
}

/** Months offered by the month pickers: the last 24 and the next 2, newest first. */
export function recentMonths(current: string): string[] {
  return Array.from({ length: 26 }, (_, i) => addMonthsToYearMonth(current, 2 - i));
}
