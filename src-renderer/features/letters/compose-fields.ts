import {
  message, refusalError,
  LETTER_KINDS,
  compareDates,
  formatEuros,
  letterContract,
  parseEuros,
  storeLetterParams,
  type Contract,
  type Invoice,
  type IsoDate,
  type Letter,
  type LetterKind,
  type LetterParamsByKind,
  type Payment,
  type PriceListRecord,
} from '../../../src-core';
import { ledgerRows } from '../../data/invoicing';
import type { MessageKey } from '../../i18n';

/**
 * The form of each letter kind: which fields it asks for, and how the typed
 * values become the params src-core composes the letter from. Values are kept
 * as the strings the inputs hold; src-core validates the result in French.
 */
export type FieldType = 'text' | 'textarea' | 'date' | 'month' | 'euros' | 'lines' | 'tier' | 'channel' | 'invoice' | 'invoices';

export interface FieldSpec {
  name: string;
  type: FieldType;
  label: MessageKey;
  optional?: boolean;
}

export type FormValues = Record<string, string>;

/** The unpaid invoice a dunning letter names; its balance is read from the ledger, never typed (DOMAIN.md). */
const INVOICE: FieldSpec[] = [{ name: 'invoiceId', type: 'invoice', label: 'letters.field.invoice' }];

/** The kinds the compose form writes (a corrective letter is written from the letter it corrects). */
export const COMPOSED_KINDS = LETTER_KINDS.filter((k) => k !== 'receiptCorrection');

export const KIND_FIELDS: Record<LetterKind, FieldSpec[]> = {
  terminationAcknowledgement: [
    { name: 'noticeReceivedOn', type: 'date', label: 'letters.field.noticeReceivedOn' },
    { name: 'channel', type: 'channel', label: 'letters.field.channel' },
  ],
  priceChange: [
    { name: 'reason', type: 'text', label: 'letters.field.reason' },
    { name: 'newPrice', type: 'euros', label: 'letters.field.newPrice' },
    { name: 'effectiveFrom', type: 'date', label: 'letters.field.effectiveFrom', optional: true },
  ],
  tierChange: [
    { name: 'month', type: 'month', label: 'letters.field.month' },
    { name: 'newTier', type: 'tier', label: 'letters.field.newTier' },
    { name: 'effectiveFrom', type: 'date', label: 'letters.field.tierFrom' },
    { name: 'overLimits', type: 'lines', label: 'letters.field.overLimits' },
    { name: 'supplement', type: 'euros', label: 'letters.field.supplement' },
  ],
  paymentReminder: INVOICE,
  // The invoices it names (ids, comma-separated); "malgré notre relance" comes from the reminders sent, never typed.
  formalNotice: [{ name: 'invoiceId', type: 'invoices', label: 'letters.field.invoices' }],
  nonPaymentTermination: [...INVOICE, { name: 'formalNoticeSentOn', type: 'date', label: 'letters.field.formalNoticeSentOn', optional: true }],
  breachNotice: [{ name: 'description', type: 'textarea', label: 'letters.field.description' }],
  breachTermination: [
    { name: 'description', type: 'textarea', label: 'letters.field.description' },
    { name: 'breachNoticeSentOn', type: 'date', label: 'letters.field.breachNoticeSentOn' },
    { name: 'breachNoticeReceivedOn', type: 'date', label: 'letters.field.breachNoticeReceivedOn' },
  ],
  forceMajeureTermination: [
    { name: 'event', type: 'text', label: 'letters.field.event' },
    { name: 'startedOn', type: 'date', label: 'letters.field.startedOn' },
  ],
  // Written from the letter it corrects (LetterPage), never typed: its dates are computed again.
  receiptCorrection: [],
};

/** What the form reads besides its values: the contract, its price list, its unpaid invoices, the reminders sent. */
export interface ComposeFacts {
  contract: Contract;
  priceList: PriceListRecord | undefined;
  unpaid: UnpaidInvoice[];
  /** Payment reminders of the contract that were sent, with the invoice each named. */
  reminders?: SentReminder[];
}

export interface SentReminder {
  invoiceNumber: string;
  sentOn: IsoDate;
}

/** The payment reminders of a contract that left the office (sent, received or returned count: they were sent). */
export function sentReminders(contractId: string, letters: readonly Letter[]): SentReminder[] {
  return letters.flatMap((l) =>
    l.kind === 'paymentReminder' && l.contractId === contractId && l.sentOn && typeof l.params.invoiceNumber === 'string' ? [{ invoiceNumber: l.params.invoiceNumber, sentOn: l.sentOn }] : [],
  );
}

export interface UnpaidInvoice {
  invoice: Invoice;
  balanceCents: number;
}

/** The contract's issued invoices with a balance still due (payments, refunds, offsets and credit notes taken into account), oldest due first. */
export function unpaidInvoices(contractId: string, invoices: readonly Invoice[], payments: readonly Payment[], today: IsoDate): UnpaidInvoice[] {
  return ledgerRows(invoices, payments, today)
    .flatMap((r) => (r.invoice.kind === 'invoice' && r.invoice.contractId === contractId && r.settlement && r.settlement.balanceCents > 0 ? [{ invoice: r.invoice, balanceCents: r.settlement.balanceCents }] : []))
    .sort((a, b) => compareDates(a.invoice.dueDate, b.invoice.dueDate));
}

/** The ids a multi-invoice field holds. */
export const selectedIds = (value: string | undefined): string[] => (value ?? '').split(',').filter(Boolean);

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const cents = (value: string | undefined) => (value?.trim() ? parseEuros(value) : undefined);
const priceOf = (list: PriceListRecord | undefined, tier: string) => list?.tiers.find((t) => t.id === tier)?.priceCents;

/** The params of `kind` from the form; missing values are left for src-core's validation to name. */
export function buildParams<K extends LetterKind>(kind: K, values: FormValues, facts: ComposeFacts): LetterParamsByKind[K] {
  // Each case below builds its own kind's params; TypeScript cannot narrow K through the switch.
  return paramsOf(kind, values, facts) as LetterParamsByKind[K];
}

function paramsOf(kind: LetterKind, values: FormValues, facts: ComposeFacts): LetterParamsByKind[LetterKind] {
  const v = (name: string) => optional(values[name]);
  const base = { contract: letterContract(facts.contract), letterDate: values.letterDate ?? '' };
  const tier = facts.contract.tier;
  switch (kind) {
    case 'terminationAcknowledgement':
      return { ...base, noticeReceivedOn: v('noticeReceivedOn')!, channel: (v('channel') ?? 'registeredLetter') as 'registeredLetter' | 'email' };
    case 'priceChange':
      return {
        ...base,
        reason: v('reason')!,
        prices: [{ label: `Formule ${tier}`, currentCents: priceOf(facts.priceList, tier)!, newCents: cents(values.newPrice)! }],
        ...(v('effectiveFrom') ? { effectiveFrom: v('effectiveFrom')! } : {}),
      };
    case 'tierChange': {
      const newTier = v('newTier') ?? '';
      return {
        ...base,
        month: v('month')!,
        currentTier: { id: tier, priceCents: priceOf(facts.priceList, tier)! },
        newTier: { id: newTier, priceCents: priceOf(facts.priceList, newTier)! },
        effectiveFrom: v('effectiveFrom')!,
        overLimits: (values.overLimits ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
        supplementCents: cents(values.supplement)!,
      };
    }
    case 'formalNotice': {
      const named = facts.unpaid.filter((u) => selectedIds(values.invoiceId).includes(u.invoice.id)).map(dunnedInvoice);
      const [first, ...others] = named;
      // "Malgré notre relance du …": the latest reminder sent about one of the invoices named, if any.
      const numbers = new Set(named.map((n) => n.invoiceNumber));
      const reminder = (facts.reminders ?? []).filter((r) => numbers.has(r.invoiceNumber)).map((r) => r.sentOn).sort(compareDates).at(-1);
      return {
        ...base,
        ...(first ?? { invoiceNumber: '', invoiceDate: '', dueDate: '', amountDueCents: 0 }),
        ...(others.length > 0 ? { otherInvoices: others } : {}),
        ...(reminder ? { reminderSentOn: reminder } : {}),
      };
    }
    case 'paymentReminder':
    case 'nonPaymentTermination': {
      const unpaid = facts.unpaid.find((u) => u.invoice.id === values.invoiceId);
      const dunning = { ...base, ...(unpaid ? dunnedInvoice(unpaid) : { invoiceNumber: '', invoiceDate: '', dueDate: '', amountDueCents: 0 }) };
      if (kind === 'nonPaymentTermination') return { ...dunning, ...(v('formalNoticeSentOn') ? { formalNoticeSentOn: v('formalNoticeSentOn')! } : {}) };
      return dunning;
    }
    case 'breachNotice':
      return { ...base, description: v('description')! };
    case 'breachTermination':
      return { ...base, description: v('description')!, breachNoticeSentOn: v('breachNoticeSentOn')!, breachNoticeReceivedOn: v('breachNoticeReceivedOn')! };
    case 'forceMajeureTermination':
      return { ...base, event: v('event')!, startedOn: v('startedOn')! };
    case 'receiptCorrection':
      throw refusalError('INVALID_INPUT', message('refusal.letter.correctionFromLetter'));
  }
}

/**
 * Form values prefilled from a follow-up's params (the letter it follows) and
 * from the contract: the price list's current price, a pending notice's date,
 * the invoice a reminder was about.
 */
export function initialValues(kind: LetterKind, letterDate: IsoDate, facts: ComposeFacts, prefill: object = {}): FormValues {
  const flat = storeLetterParams(prefill);
  const values: FormValues = { letterDate };
  for (const [key, value] of Object.entries(flat)) if (value !== null && !key.includes('.')) values[key] = String(value);
  const current = priceOf(facts.priceList, facts.contract.tier);
  if (kind === 'priceChange' && current !== undefined) values.newPrice ??= formatEuros(current).replace(/\s?€$/, '');
  if (kind === 'terminationAcknowledgement' && facts.contract.terminationNotice) {
    values.noticeReceivedOn ??= facts.contract.terminationNotice.receivedOn;
    values.channel ??= facts.contract.terminationNotice.channel === 'email' ? 'email' : 'registeredLetter';
  }
  const invoice = facts.unpaid.find((u) => u.invoice.number === values.invoiceNumber) ?? facts.unpaid[0];
  if (invoice && ['paymentReminder', 'nonPaymentTermination'].includes(kind)) values.invoiceId = invoice.invoice.id;
  // A formal notice names the invoice it was opened from and every other one of the contract overdue by then.
  if (invoice && kind === 'formalNotice') {
    const overdue = facts.unpaid.filter((u) => compareDates(u.invoice.dueDate, letterDate) < 0).map((u) => u.invoice.id);
    values.invoiceId = [...new Set([invoice.invoice.id, ...overdue])].join(',');
  }
  return values;
}

function dunnedInvoice(u: UnpaidInvoice) {
  return { invoiceNumber: u.invoice.number ?? '', invoiceDate: u.invoice.issueDate, dueDate: u.invoice.dueDate, amountDueCents: u.balanceCents };
}
