import { message, refusalError, type Message } from '../messages';
import { explained } from '../explain';
import { assertNonNegativeCents, formatEuros, type Cents } from '../money';
import { singleLine, type BillingLine } from './lines';

/**
 * Credit notes (avoirs): an issued invoice is never edited or deleted
 * (CGI art. 242 nonies A; DOMAIN.md), a credit note referencing it cancels it
 * fully or partly. Credits are tracked per invoice line so that the credits of
 * several notes together never exceed a line's net, hence never the invoice.
 */

/** What to credit: every remaining amount, or chosen amounts (HT, positive) of chosen lines. */
export type CreditRequest = 'full' | readonly { lineIndex: number; netCents: Cents }[];

/** Net still creditable per line, given the nets already credited per line by earlier notes. */
export function remainingCreditable(lines: readonly Pick<BillingLine, 'netCents'>[], alreadyCreditedByLine: readonly Cents[] = []): Cents[] {
  if (alreadyCreditedByLine.length > lines.length) {
    throw refusalError('INVALID_INPUT', message('refusal.credit.inconsistent'));
  }
  return lines.map((line, i) => {
    const credited = assertNonNegativeCents(alreadyCreditedByLine[i] ?? 0, 'alreadyCredited');
    const remaining = line.netCents - credited;
    if (remaining < 0) {
      throw refusalError('INVALID_INPUT', message('refusal.credit.lineOver', { line: String(i + 1), credited: { cents: credited }, billed: { cents: line.netCents } }));
    }
    return remaining;
  });
}

/** Amount to credit per line for a request, refusing more than what remains. */
function creditedAmounts(remaining: readonly Cents[], request: CreditRequest): Cents[] {
  if (request === 'full') return [...remaining];
  const amounts = remaining.map(() => 0);
  for (const { lineIndex, netCents } of request) {
    if (!Number.isInteger(lineIndex) || lineIndex < 0 || lineIndex >= remaining.length) {
      throw refusalError('INVALID_INPUT', message('refusal.credit.noLine', { line: String(lineIndex + 1) }));
    }
    assertNonNegativeCents(netCents, 'toCredit');
    amounts[lineIndex] = (amounts[lineIndex] ?? 0) + netCents;
  }
  const excess = creditExcessProblem(remaining, amounts);
  if (excess) throw refusalError('INVALID_AMOUNT', excess);
  return amounts;
}

/**
 * Why crediting `amounts` (HT, positive, per invoice line) is refused when
 * `remaining` is what is left to credit on each line, or null: never more
 * than a line's remainder, hence never more than the invoice. The central API
 * asks the same of a pushed credit note (src-core/rules/credit-notes).
 */
export function creditExcessProblem(remaining: readonly Cents[], amounts: readonly Cents[]): Message | null {
  const line = amounts.findIndex((amount, i) => amount > (remaining[i] ?? 0));
  if (line < 0) return null;
  return message('refusal.credit.excess', { asked: { cents: amounts[line]! }, line: String(line + 1), left: { cents: remaining[line] ?? 0 } });
}

/** Negative lines of a credit note on `invoice`, at each line's VAT rate; lines credited nothing are left out. */
export function creditNoteLines(
  invoice: { number: string; lines: readonly BillingLine[] },
  request: CreditRequest,
  alreadyCreditedByLine: readonly Cents[] = [],
): BillingLine[] {
  const remaining = remainingCreditable(invoice.lines, alreadyCreditedByLine);
  const amounts = creditedAmounts(remaining, request);
  const lines = invoice.lines.flatMap((line, i) => {
    const amount = amounts[i] ?? 0;
    if (amount === 0) return [];
    const whole = amount === line.netCents ? 'Annulation' : 'Annulation partielle';
    return [
      singleLine(
        `Avoir sur facture ${invoice.number} – ${line.label}`,
        explained(
          -amount,
          line.explanation.clause,
          `${whole} de la ligne « ${line.label} » de la facture ${invoice.number} : −${formatEuros(amount)} HT sur ${formatEuros(line.netCents)}.`,
        ),
        line.vatRatePercent,
      ),
    ];
  });
  if (lines.length === 0) {
    throw refusalError('INVALID_AMOUNT', message('refusal.credit.nothingLeft', { number: invoice.number }));
  }
  return lines;
}
