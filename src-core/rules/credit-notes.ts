import { creditedByLine } from '../billing/credited-lines';
import { creditExcessProblem, remainingCreditable } from '../billing/credit-note';
import { message, messageFr } from '../messages';
import type { Cents } from '../money';
import type { InvoiceKind, InvoiceStatus } from '../model/invoice';
import { refusal, verdictOf, type Verdict } from './verdict';

/**
 * Credit notes (avoirs; CGI art. 242 nonies A; DOMAIN.md, Billing): on an
 * issued invoice or surcharge of the same client, and never more than what
 * remains creditable on it — per line, across every note made on it. The
 * laptop builds its notes with `creditNoteLines`, which refuses an excess with
 * the same words (`creditExcessProblem`); the central API checks a pushed note
 * against the notes it already holds.
 */
interface CreditLine {
  label: string;
  netCents: Cents;
}

export interface CreditableDocument {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: string | null;
  clientId: string;
  lines: readonly CreditLine[];
}

export interface CreditNoteRecord {
  id?: string;
  clientId: string;
  creditedInvoiceId?: string | undefined;
  lines: readonly CreditLine[];
}

export const CREDIT_NOTE_TARGET_MESSAGE = messageFr(message('refusal.credit.target'));

/** Why no credit note can be made for `clientId` on `invoice`, or null. */
export function creditNoteTargetRefusal(invoice: CreditableDocument | undefined, clientId: string): Verdict {
  if (!invoice || invoice.kind === 'credit_note' || invoice.status !== 'issued' || !invoice.number) return refusal('INVALID_INPUT', message('refusal.credit.target'));
  if (invoice.clientId !== clientId) return refusal('INVALID_INPUT', message('refusal.credit.otherClient', { number: invoice.number }));
  return null;
}

/**
 * Why `note` may not be issued on `invoice`, given the notes already issued on
 * it (`note` itself among them is ignored): each of its lines credits a line
 * of the invoice (its label names it, as `creditNoteLines` writes it) by a
 * negative amount, and the lines together stay within what remains.
 */
export function creditNoteRefusal(note: CreditNoteRecord, invoice: CreditableDocument | undefined, earlierNotes: readonly (CreditNoteRecord & { id: string })[]): Verdict {
  const target = creditNoteTargetRefusal(invoice, note.clientId);
  if (target || !invoice?.number) return target;
  const credited = { number: invoice.number, lines: invoice.lines };
  const labels = new Set(invoice.lines.map((line) => `Avoir sur facture ${invoice.number} – ${line.label}`));
  const stray = note.lines.find((line) => line.netCents >= 0 || !labels.has(line.label));
  if (stray) {
    return refusal('INVALID_AMOUNT', message('refusal.credit.stray', { label: stray.label, number: invoice.number }));
  }
  const others = earlierNotes.filter((other) => other.id !== note.id && other.creditedInvoiceId === invoice.id);
  let remaining: Cents[] = [];
  const inconsistent = verdictOf(() => (remaining = remainingCreditable(invoice.lines, creditedByLine(credited, others))));
  if (inconsistent) return inconsistent;
  const problem = creditExcessProblem(remaining, creditedByLine(credited, [note]));
  return problem ? refusal('INVALID_AMOUNT', problem) : null;
}
