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
  /** Money paid back to the client out of what it paid beyond its balance (positive). */
  refundsCents?: readonly Cents[];
  /** That overpayment imputed on another invoice of the client, or waiting for the next one (positive). */
  offsetsOutCents?: readonly Cents[];
  /** Credit of another invoice imputed on this one (positive): it settles it like a payment, its totals stay. */
  offsetsInCents?: readonly Cents[];
}

export interface Settlement {
  paidCents: Cents;
  /** What the credit notes took off, positive. */
  creditedCents: Cents;
  /** Paid back to the client. */
  refundedCents: Cents;
  /** Its overpayment carried to another invoice. */
  offsetOutCents: Cents;
  /** Settled by a credit imputed from another invoice. */
  offsetInCents: Cents;
  /** Still owed; negative when the client paid more than owed (to refund or carry over). */
  balanceCents: Cents;
  status: Explained<SettlementStatus>;
  /** Days past the due date with a balance; 0 otherwise. */
  daysLate: number;
}

function sum(amounts: readonly Cents[] | undefined, what: string): Cents {
  return (amounts ?? []).reduce((total, amount) => total + assertCents(amount, what), 0);
}

export function settlement(input: SettlementInput, today: IsoDate): Settlement {
  const entries = [...input.paymentsCents, ...(input.refundsCents ?? []), ...(input.offsetsOutCents ?? []), ...(input.offsetsInCents ?? [])];
  if (entries.some((p) => p <= 0)) {
    throw new DomainError('INVALID_AMOUNT', 'Un paiement enregistré est toujours positif.');
  }
  const paidCents = sum(input.paymentsCents, 'Montant payé');
  const refundedCents = sum(input.refundsCents, 'Montant remboursé');
  const offsetOutCents = sum(input.offsetsOutCents, 'Montant imputé');
  const offsetInCents = sum(input.offsetsInCents, 'Avoir imputé');
  const creditedCents = 0 - sum(input.creditNotesTotalCents, 'Total d’avoir');
  const owed = assertCents(input.totalCents, 'Total TTC') - creditedCents;
  const balanceCents = owed - paidCents - offsetInCents + refundedCents + offsetOutCents;
  const late = balanceCents > 0 ? Math.max(0, daysBetween(input.dueDate, today)) : 0;
  const due = formatDateFr(input.dueDate);
  const status = (value: SettlementStatus, rule: string) => ({
    paidCents, creditedCents, refundedCents, offsetOutCents, offsetInCents, balanceCents, status: explained(value, '§6.6', rule), daysLate: late,
  });
  const returned = [refundedCents ? `${formatEuros(refundedCents)} remboursés` : '', offsetOutCents ? `${formatEuros(offsetOutCents)} reportés sur la prochaine facture du client` : ''].filter(Boolean).join(', ');
  const byOffset = offsetInCents ? ` dont ${formatEuros(offsetInCents)} par avoir imputé` : '';

  if (owed <= 0 && paidCents === 0 && offsetInCents === 0) return status('credited', `Facture entièrement annulée par avoir (${formatEuros(creditedCents)}).`);
  if (owed <= 0 && balanceCents === 0) return status('credited', `Facture entièrement annulée par avoir (${formatEuros(creditedCents)}) ; ${returned}.`);
  if (balanceCents < 0) {
    return status('paid', `Trop-perçu de ${formatEuros(-balanceCents)} (${formatEuros(paidCents + offsetInCents)} reçus pour ${formatEuros(owed)} dus${returned ? `, ${returned}` : ''}) : à rembourser ou à imputer sur la prochaine facture.`);
  }
  if (balanceCents === 0) return status('paid', `Réglée : ${formatEuros(paidCents + offsetInCents)} reçus${byOffset} pour ${formatEuros(owed)} dus${returned ? ` ; ${returned}` : ''}.`);
  if (compareDates(today, input.dueDate) > 0) {
    return status('overdue', `Échéance du ${due} dépassée de ${countFr(late, 'jour', 'jours')} : ${formatEuros(balanceCents)} restent dus (§6.6).`);
  }
  if (paidCents + offsetInCents > 0) return status('partly_paid', `${formatEuros(paidCents + offsetInCents)} reçus${byOffset}, ${formatEuros(balanceCents)} restent dus avant le ${due}.`);
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
