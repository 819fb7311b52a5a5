import type { Cents } from '../money';
import type { BillingLine } from './lines';

/**
 * The nets already credited on each line of an invoice, read back from its
 * stored credit notes, so that `creditNoteLines` can refuse to credit a line
 * beyond what was billed across several notes. A credit-note line names the
 * invoice line it credits in its label ("Avoir sur facture <n°> – <libellé>",
 * see creditNoteLines; the round trip is tested), which is the only link a
 * stored line keeps: lines carry no index of their own.
 */
export function creditedByLine(
  invoice: { number: string; lines: readonly Pick<BillingLine, 'label'>[] },
  creditNotes: readonly { lines: readonly Pick<BillingLine, 'label' | 'netCents'>[] }[],
): Cents[] {
  const index = new Map(invoice.lines.map((line, i) => [`Avoir sur facture ${invoice.number} – ${line.label}`, i]));
  const credited = invoice.lines.map(() => 0);
  for (const note of creditNotes) {
    for (const line of note.lines) {
      const i = index.get(line.label);
      if (i !== undefined) credited[i] = (credited[i] ?? 0) - line.netCents;
    }
  }
  return credited;
}
