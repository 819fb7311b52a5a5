import { compareDates, daysBetween, formatDateFr, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import { explained, type Explained } from '../explain';
import { assertCents, formatEuros, type Cents } from '../money';
import { countFr } from '../words';

/**
 * Where an issued invoice (or late-surcharge document) stands with its client
 * (§6.6; DOMAIN.md, Payments): what was paid, what credit notes took off, the
 * balance, and a status computed — never stored — from those and the due date,
 * so it cannot go stale when a payment is recorded or a day passes.
 */
export type SettlementStatus = 'issued' | 'partly_paid' | 'paid' | 'overdue' | 'credited';

export const SETTLEMENT_STATUS_LABELS: Record<SettlementStatus, string> = {
  issued: 'Émise',
  partly_paid: 'Partiellement payée',
  paid: 'Payée',
  overdue: 'En retard',
  credited: 'Annulée par avoir',
};

export interface SettlementInput {
  totalCents: Cents;
  dueDate: IsoDate;
  /** Amounts of the payments recorded against the document (positive). */
  paymentsCents: readonly Cents[];
  /** TTC totals of the credit notes referencing it (negative, as they are stored). */
  creditNotesTotalCents?: readonly Cents[];
}

export interface Settlement {
  paidCents: Cents;
  /** What the credit notes took off, positive. */
  creditedCents: Cents;
  /** Still owed; negative when the client paid more than owed (to refund or carry over). */
  balanceCents: Cents;
  status: Explained<SettlementStatus>;
  /** Days past the due date with a balance; 0 otherwise. */
  daysLate: number;
}

function sum(amounts: readonly Cents[], what: string): Cents {
  return amounts.reduce((total, amount) => total + assertCents(amount, what), 0);
}

export function settlement(input: SettlementInput, today: IsoDate): Settlement {
  const paidCents = sum(input.paymentsCents, 'Montant payé');
  if (input.paymentsCents.some((p) => p <= 0)) {
    throw new DomainError('INVALID_AMOUNT', 'Un paiement enregistré est toujours positif.');
  }
  const creditedCents = 0 - sum(input.creditNotesTotalCents ?? [], 'Total d’avoir');
  const balanceCents = assertCents(input.totalCents, 'Total TTC') - creditedCents - paidCents;
  const owed = input.totalCents - creditedCents;
  const late = balanceCents > 0 ? Math.max(0, daysBetween(input.dueDate, today)) : 0;
  const due = formatDateFr(input.dueDate);
  const status = (value: SettlementStatus, rule: string) => ({ paidCents, creditedCents, balanceCents, status: explained(value, '§6.6', rule), daysLate: late });

  if (owed <= 0 && paidCents === 0) return status('credited', `Facture entièrement annulée par avoir (${formatEuros(creditedCents)}).`);
  if (balanceCents <= 0) return status('paid', `Réglée : ${formatEuros(paidCents)} reçus pour ${formatEuros(owed)} dus.`);
  if (compareDates(today, input.dueDate) > 0) {
    return status('overdue', `Échéance du ${due} dépassée de ${countFr(late, 'jour', 'jours')} : ${formatEuros(balanceCents)} restent dus (§6.6).`);
  }
  if (paidCents > 0) return status('partly_paid', `${formatEuros(paidCents)} reçus, ${formatEuros(balanceCents)} restent dus avant le ${due}.`);
  return status('issued', `${formatEuros(balanceCents)} à régler au plus tard le ${due}.`);
}

/**
 * Why a payment cannot be recorded against a document in this state, or null.
 * More than the balance is refused: an overpayment is almost always a typing
 * error, and a real one is a refund to handle outside the invoice.
 */
export function paymentProblem(current: Pick<Settlement, 'balanceCents'>, amountCents: Cents): string | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return 'Le montant du paiement doit être positif.';
  if (current.balanceCents <= 0) return 'Ce document est déjà soldé : aucun paiement n’est attendu.';
  if (amountCents > current.balanceCents) {
    return `Le paiement (${formatEuros(amountCents)}) dépasse le solde dû (${formatEuros(current.balanceCents)}).`;
  }
  return null;
}
