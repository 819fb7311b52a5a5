import type { IsoDate } from '../dates';
import type { Cents } from '../money';
import { message, type Message } from '../messages';
import type { Settlement, SettlementInput } from './settlement';

/**
 * What a credit note on a paid invoice leaves to do (issue 16; CGI art. 242
 * nonies A, C. civ. 1347 on compensation): the client paid more than the
 * invoice now asks, and that overpayment is either refunded (a refund record:
 * date, means, amount) or imputed on the client's next invoice (an offset:
 * it settles that invoice like a payment — its taxable totals stay what they
 * are — and the invoice states "Avoir n° … imputé"). Both come out of the same
 * overpayment, so together they never exceed it. The laptop's commands and the
 * central API check the same rules here.
 */

/** A settlement entry as stored (src-core/model `Payment`), the fields the rules read. */
export interface SettlementEntry {
  id?: string;
  invoiceId: string;
  amountCents: Cents;
  kind?: 'payment' | 'refund' | 'offset' | undefined;
  offsetInvoiceId?: string | undefined;
  cancelledOn?: IsoDate | undefined;
}

type EntryAmounts = { [K in keyof Required<Pick<SettlementInput, 'paymentsCents' | 'refundsCents' | 'offsetsOutCents' | 'offsetsInCents'>>]: Cents[] };

/**
 * The amounts of the entries that settle document `invoiceId`: its payments and
 * refunds, its overpayment carried out as offsets (a pending one included, the
 * credit is promised), and the offsets of other invoices imputed on it. A
 * cancelled entry stays on record but counts for nothing.
 */
export function entryAmounts(invoiceId: string, entries: readonly SettlementEntry[]): EntryAmounts {
  const out: EntryAmounts = { paymentsCents: [], refundsCents: [], offsetsOutCents: [], offsetsInCents: [] };
  for (const e of entries) {
    if (e.cancelledOn !== undefined) continue;
    const kind = e.kind ?? 'payment';
    if (e.invoiceId === invoiceId) {
      if (kind === 'payment') out.paymentsCents.push(e.amountCents);
      else if (kind === 'refund') out.refundsCents.push(e.amountCents);
      else out.offsetsOutCents.push(e.amountCents);
    } else if (kind === 'offset' && e.offsetInvoiceId === invoiceId) {
      out.offsetsInCents.push(e.amountCents);
    }
  }
  return out;
}

/** What the client paid beyond what the invoice now asks, not yet refunded nor imputed. */
export function overpaymentCents(s: Pick<Settlement, 'balanceCents'>): Cents {
  return Math.max(0, -s.balanceCents);
}

/** A document as the rules read it. */
export interface CreditUseDocument {
  id: string;
  clientId: string;
  kind: 'invoice' | 'credit_note' | 'surcharge';
  status: 'draft' | 'issued';
  number: string | null;
  creditedInvoiceId?: string | undefined;
}

export interface CreditUse {
  kind: 'refund' | 'offset';
  clientId: string;
  amountCents: Cents;
}

export interface CreditUseFacts {
  /** The overpaid invoice the refund or offset comes out of, settled WITHOUT this entry. */
  source: { invoice: CreditUseDocument; settlement: Pick<Settlement, 'balanceCents'> } | undefined;
  /** The credit note the entry names. */
  creditNote: CreditUseDocument | undefined;
  /** For an offset already imputed: the invoice it settles, settled WITHOUT this entry. */
  target?: { invoice: CreditUseDocument; settlement: Pick<Settlement, 'balanceCents'> } | undefined;
}

/**
 * Why this refund or offset cannot be recorded (a message code, its French by messageFr), or null: it comes
 * out of an issued invoice of the same client that a credit note of that
 * invoice left overpaid, never more than that overpayment; an offset settles
 * an issued invoice of the same client, never beyond what that one still owes.
 */
export function creditUseProblem(use: CreditUse, facts: CreditUseFacts): Message | null {
  const what = { word: use.kind === 'refund' ? 'code.creditUseWhat.refund' : 'code.creditUseWhat.offset' };
  if (!Number.isSafeInteger(use.amountCents) || use.amountCents <= 0) return message('refusal.creditUse.positive', { what });
  const { source, creditNote, target } = facts;
  if (!source || source.invoice.status !== 'issued' || source.invoice.kind === 'credit_note') return message('refusal.creditUse.issuedInvoice', { what });
  const number = source.invoice.number ?? source.invoice.id;
  if (source.invoice.clientId !== use.clientId) return message('refusal.creditUse.sameClient', { what, number });
  if (!creditNote || creditNote.kind !== 'credit_note' || creditNote.status !== 'issued' || creditNote.creditedInvoiceId !== source.invoice.id) {
    return message('refusal.creditUse.creditNote', { what, number });
  }
  const available = overpaymentCents(source.settlement);
  if (available === 0) return message('refusal.creditUse.noOverpayment', { number });
  if (use.amountCents > available) return message('refusal.creditUse.overAvailable', { what, amount: { cents: use.amountCents }, number, available: { cents: available } });
  if (use.kind === 'offset' && target) {
    const on = target.invoice.number ?? target.invoice.id;
    if (target.invoice.clientId !== use.clientId) return message('refusal.creditUse.offsetOtherClient', { number: on });
    if (target.invoice.kind !== 'invoice' || target.invoice.status !== 'issued' || target.invoice.id === source.invoice.id) return message('refusal.creditUse.offsetTarget');
    if (use.amountCents > target.settlement.balanceCents) {
      return message('refusal.creditUse.offsetOverBalance', { amount: { cents: use.amountCents }, number: on, balance: { cents: Math.max(0, target.settlement.balanceCents) } });
    }
  }
  return null;
}

/**
 * How much of the pending offsets (oldest first) the invoice being issued
 * takes, up to its total: each is imputed whole, or split, the rest waiting
 * for the following invoice.
 */
export function offsetsOnIssue<T extends { amountCents: Cents }>(pending: readonly T[], totalCents: Cents): { entry: T; imputedCents: Cents }[] {
  let room = Math.max(0, totalCents);
  const taken: { entry: T; imputedCents: Cents }[] = [];
  for (const entry of pending) {
    if (room === 0) break;
    const imputedCents = Math.min(room, entry.amountCents);
    taken.push({ entry, imputedCents });
    room -= imputedCents;
  }
  return taken;
}
