import {
  addDays, compareDates, formatDateFr, formatMonthFr, lastDayOfMonth, parseIsoDate, parseYearMonth, yearMonthOf,
  type IsoDate, type YearMonth,
} from '../dates';
import { DomainError } from '../errors';
import { explained, type Explained } from '../explain';
import { DEFAULT_RULE_SETTINGS } from '../settings';

/**
 * Billing periods and dates (§1): the period is the calendar month, billed at
 * its start; renewal is monthly until the termination's effective date, whose
 * month is the last one billed.
 */
export interface BillingContract {
  id: string;
  /** Tier billed from the current month on ('T99'). */
  tier: string;
  /** The month's price when a price change set it (§5.2); the tier's list price otherwise. */
  price?: Explained<number>;
  priceListId: string;
  startDate: IsoDate;
  terminationEffectiveDate?: IsoDate;
  /** Payment term agreed in the contract, overriding the default of the settings. */
  paymentTermDays?: number;
}

export interface BillingPeriod {
  month: YearMonth;
  from: IsoDate;
  to: IsoDate;
}

export function billingPeriod(month: YearMonth): BillingPeriod {
  parseYearMonth(month);
  const from = `${month}-01`;
  return { month, from, to: lastDayOfMonth(from) };
}

/** Refuses a contract whose dates or payment term cannot be billed. */
export function assertBillingContract(contract: BillingContract): BillingContract {
  parseIsoDate(contract.startDate);
  const end = contract.terminationEffectiveDate;
  if (end !== undefined && compareDates(end, contract.startDate) < 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `Contrat ${contract.id} : la résiliation (${formatDateFr(end)}) précède le début du contrat (${formatDateFr(contract.startDate)}).`,
    );
  }
  const term = contract.paymentTermDays;
  if (term !== undefined && !(Number.isInteger(term) && term >= 0)) {
    throw new DomainError('INVALID_INPUT', `Contrat ${contract.id} : délai de paiement invalide (${term} jours).`);
  }
  return contract;
}

/** Whether month M is billed: from the start month to the month of the termination's effective date, both included. */
export function isBilledMonth(contract: BillingContract, month: YearMonth): boolean {
  parseYearMonth(month);
  const end = contract.terminationEffectiveDate;
  return month >= yearMonthOf(contract.startDate) && (end === undefined || month <= yearMonthOf(end));
}

/** The invoice of month M is dated the 1st of M; the first one, the start date (§1). */
export function invoiceDate(contract: BillingContract, month: YearMonth): Explained<IsoDate> {
  if (month === yearMonthOf(contract.startDate)) {
    return explained(contract.startDate, '§1', `Première facture datée du début du contrat, le ${formatDateFr(contract.startDate)} (§1).`);
  }
  const first = billingPeriod(month).from;
  return explained(first, '§1', `Facture de ${formatMonthFr(month)} émise en début de mois, le ${formatDateFr(first)} (§1).`);
}

/**
 * Due date = invoice date + the contract's payment term, else the settings'
 * (30 days by default); the invoice day is not counted (art. 641 CPC). The
 * CGV leave the term to the invoice (§6.1: "conditions de paiement spécifiées
 * dans la facture").
 */
export function dueDate(
  issueDate: IsoDate,
  contractTermDays?: number,
  settingsTermDays: number = DEFAULT_RULE_SETTINGS.paymentTermDays,
): Explained<IsoDate> {
  const days = contractTermDays ?? settingsTermDays;
  const source = contractTermDays === undefined ? 'délai par défaut' : 'délai prévu au contrat';
  const due = addDays(issueDate, days);
  return explained(due, '§6.1', `Échéance le ${formatDateFr(due)} : date de facture (${formatDateFr(issueDate)}) + ${days} jours, ${source} (§6.1).`);
}
