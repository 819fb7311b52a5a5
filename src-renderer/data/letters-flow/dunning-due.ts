import { useLiveQuery } from 'dexie-react-hooks';
import { DUNNING_STEP_LETTER, dunnedInvoiceNumbers } from '../../../src-core';
import type { DataContext } from '../context';
import { overdueLedger, type OverdueRow } from '../invoicing';
import { useDataLayer } from '../provider';

/**
 * The dunning letters to write (§6.6), for the letters' agenda: each overdue
 * invoice whose dunning step is reached and whose step letter (reminder,
 * formal notice, termination) does not name it yet — a draft counts, a
 * returned one does not (it produced no effect). Most days late first.
 */
export async function dunningLettersDue(ctx: DataContext): Promise<(OverdueRow & { dunning: NonNullable<OverdueRow['dunning']> })[]> {
  const [rows, letters] = await Promise.all([overdueLedger(ctx), ctx.db.letters.toArray()]);
  const written = new Set(letters.filter((l) => l.status !== 'returned').flatMap((l) => dunnedInvoiceNumbers(l.params).map((n) => `${l.kind}|${l.contractId}|${n}`)));
  return rows.filter((r): r is OverdueRow & { dunning: NonNullable<OverdueRow['dunning']> } =>
    r.invoice.kind === 'invoice' && r.dunning !== null && !written.has(`${DUNNING_STEP_LETTER[r.dunning.step]}|${r.invoice.contractId}|${r.invoice.number ?? ''}`),
  );
}

export function useDunningLettersDue() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => dunningLettersDue(ctx), [ctx]);
}
