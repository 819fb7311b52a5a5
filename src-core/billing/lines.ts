import type { Explained } from '../explain';
import type { Cents } from '../money';

/**
 * One line of an invoice, credit note or surcharge document. Every line of
 * this application is a single service for a period, so quantity is 1 and the
 * unit price is the line's net (a prorated first month shows its days in the
 * label and its formula in the explanation, not as a fractional quantity).
 */
export interface BillingLine {
  label: string;
  quantity: number;
  unitPriceCents: Cents;
  netCents: Cents;
  vatRatePercent: number;
  /** The net amount with its clause and rule. */
  explanation: Explained<Cents>;
}

/** A line is document text: its explanation is kept as the French the invoice prints and stores (no message code). */
export function singleLine(label: string, amount: Explained<Cents>, vatRatePercent: number): BillingLine {
  return { label, quantity: 1, unitPriceCents: amount.value, netCents: amount.value, vatRatePercent, explanation: { value: amount.value, clause: amount.clause, rule: amount.rule } };
}
