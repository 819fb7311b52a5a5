import {
  addDays, compareDates, daysBetween, formatDateFr, formatMonthFr, lastDayOfMonth, parseIsoDate, parseYearMonth, yearMonthOf,
  type IsoDate, type YearMonth,
} from '../dates';
import { explained, type Explained } from '../explain';
import { message, refusalError } from '../messages';
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
    throw refusalError('INVALID_INPUT', message('refusal.billing.endBeforeStart', { id: contract.id, end: { date: end }, start: { date: contract.startDate } }));
  }
  const term = contract.paymentTermDays;
  if (term !== undefined && !(Number.isInteger(term) && term >= 0)) {
    throw refusalError('INVALID_INPUT', message('refusal.billing.paymentTerm', { id: contract.id, days: term }));
  }
  return contract;
}

/** Whether month M is billed: from the start month to the month of the termination's effective date, both included. */
export function isBilledMonth(contract: BillingContract, month: YearMonth): boolean {
  parseYearMonth(month);
  const end = contract.terminationEffectiveDate;
  return month >= yearMonthOf(contract.startDate) && (end === undefined || month <= yearMonthOf(end));
}

/**
 * The earliest day the invoice of month M can be issued: the 1st of M; the
 * first invoice, the start date (§1). Its period stays M whatever the day it
 * is issued.
 */
export function earliestIssueDate(contract: BillingContract, month: YearMonth): Explained<IsoDate> {
  if (month === yearMonthOf(contract.startDate)) {
    return explained(contract.startDate, '§1', `Première facture émise au plus tôt au début du contrat, le ${formatDateFr(contract.startDate)} (§1).`);
  }
  const first = billingPeriod(month).from;
  return explained(first, '§1', `Facture de ${formatMonthFr(month)} émise au plus tôt le ${formatDateFr(first)}, début du mois facturé (§1).`);
}

/**
 * The date the invoice of month M bears when issued on `issuedOn` (CGI art.
 * 242 nonies A: the date of issue, never backdated): that day, or the
 * earliest day of M when computed before it. Without `issuedOn`, the earliest
 * day (a preview computed ahead of the month).
 */
export function invoiceDate(contract: BillingContract, month: YearMonth, issuedOn?: IsoDate): Explained<IsoDate> {
  const earliest = earliestIssueDate(contract, month);
  if (issuedOn === undefined || compareDates(issuedOn, earliest.value) <= 0) return earliest;
  return explained(
    issuedOn,
    'CGI art. 242 nonies A',
    `Facture de ${formatMonthFr(month)} datée du jour de son émission, le ${formatDateFr(issuedOn)} (émission tardive : au plus tôt le ${formatDateFr(earliest.value)}) ; une facture n'est jamais antidatée (CGI art. 242 nonies A).`,
  );
}

/** "Émission tardive": the month is issued after its earliest day (DOMAIN.md, Billing). */
export function isLateIssue(contract: BillingContract, month: YearMonth, issuedOn: IsoDate): boolean {
  return compareDates(issuedOn, earliestIssueDate(contract, month).value) > 0;
}

/**
 * The dates a stored draft takes when it is issued on `today`: issued that
 * day (never backdated), due after the same term as the draft's (its due date
 * minus its date, the contract's or the settings' term when it was computed).
 * A draft computed ahead of its month (dated its earliest day) cannot be
 * issued before that day: refused with the date from which it can.
 */
export function datesOnIssue(draft: { issueDate: IsoDate; dueDate: IsoDate; period?: YearMonth }, today: IsoDate): { issueDate: Explained<IsoDate>; dueDate: Explained<IsoDate> } {
  if (compareDates(today, draft.issueDate) < 0) {
    const date = { date: draft.issueDate };
    throw refusalError('INVALID_INPUT', draft.period ? message('refusal.issue.tooEarlyMonth', { month: { month: draft.period }, date }) : message('refusal.issue.tooEarlyDraft', { date }));
  }
  const term = daysBetween(draft.issueDate, draft.dueDate);
  const issueDate = explained(today, 'CGI art. 242 nonies A', `Date d'émission : le ${formatDateFr(today)}, jour où la facture est émise (CGI art. 242 nonies A).`);
  const due = addDays(today, term);
  return {
    issueDate,
    dueDate: explained(due, '§6.1', `Échéance le ${formatDateFr(due)} : date d'émission (${formatDateFr(today)}) + ${term} jours (§6.1).`),
  };
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
