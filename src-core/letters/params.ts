import { z } from 'zod';
import { isValidIsoDate } from '../dates';

/**
 * Input of each letter kind, validated at the door (zod) because it comes from
 * forms: a wrong date or a negative amount is refused before any wording.
 */
const isoDate = z.string().refine(isValidIsoDate, { message: 'Date invalide (format attendu AAAA-MM-JJ).' });
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois invalide (format attendu AAAA-MM).');
const cents = z.number().int('Montant invalide : il s’exprime au centime près (exemple : 118,80 €).');
const positiveCents = cents.positive('Le montant doit être positif.');
const text = z.string().trim().min(1, 'Ce champ est obligatoire.');

/** Shared by every kind: which contract, and the date the letter is sent (its date). */
const base = {
  contract: z.object({ reference: text, label: text.optional() }),
  letterDate: isoDate,
};

/** An unpaid invoice as the dunning letters quote it. */
const unpaidInvoice = {
  invoiceNumber: text,
  invoiceDate: isoDate,
  dueDate: isoDate,
  /** Balance still due, TTC. */
  amountDueCents: positiveCents,
};

export const letterParamsSchemas = {
  terminationAcknowledgement: z.object({
    ...base,
    noticeReceivedOn: isoDate,
    channel: z.enum(['registeredLetter', 'email']),
  }),
  priceChange: z.object({
    ...base,
    /** Receipt of this notice; unknown when the letter is written, then presumed (settings). */
    receivedOn: isoDate.optional(),
    /** A later first-of-month than the earliest allowed one, when the company chooses so. */
    effectiveFrom: isoDate.optional(),
    /** Why prices change (§5.2 allows it on significant economic or legal changes). */
    reason: text,
    prices: z
      .array(z.object({ label: text, currentCents: positiveCents, newCents: positiveCents }))
      .min(1, 'Au moins un tarif modifié est attendu.'),
  }),
  tierChange: z.object({
    ...base,
    /** Month whose usage went over the limits. */
    month: yearMonth,
    currentTier: z.object({ id: text, priceCents: positiveCents }),
    newTier: z.object({ id: text, priceCents: positiveCents }),
    /** First day of the switch, as proposed by the over-consumption rule. */
    effectiveFrom: isoDate,
    /** "Temps CPU : 1,8 h pour 1,5 h incluses", one per metric over its limit. */
    overLimits: z.array(text).min(1, 'Au moins une limite dépassée est attendue.'),
    supplementCents: positiveCents,
  }),
  paymentReminder: z.object({ ...base, ...unpaidInvoice }),
  /**
   * One or several overdue invoices of the contract: the first (the oldest due) in the flat fields,
   * as a single-invoice notice always stored them, the others in `otherInvoices`.
   */
  formalNotice: z.object({
    ...base,
    ...unpaidInvoice,
    otherInvoices: z.array(z.object(unpaidInvoice)).optional(),
    reminderSentOn: isoDate.optional(),
    receivedOn: isoDate.optional(),
  }),
  /** The invoices of the formal notice it follows: the first in the flat fields, the others in `otherInvoices`. */
  nonPaymentTermination: z.object({ ...base, ...unpaidInvoice, otherInvoices: z.array(z.object(unpaidInvoice)).optional(), formalNoticeSentOn: isoDate.optional() }),
  breachNotice: z.object({
    ...base,
    description: text,
    /** Receipt of this notice; unknown when the letter is written, then presumed (settings). */
    receivedOn: isoDate.optional(),
  }),
  breachTermination: z.object({
    ...base,
    description: text,
    breachNoticeSentOn: isoDate,
    breachNoticeReceivedOn: isoDate,
  }),
  /**
   * Corrective letter (DOMAIN.md: a receipt date that moves a printed date):
   * the earlier letter as it was written (its kind and params, its own date
   * among them), the day it left and its acknowledged receipt. Its dates are
   * computed again from these, never typed.
   */
  receiptCorrection: z.object({
    ...base,
    corrects: z.object({
      kind: z.enum(['priceChange', 'breachNotice', 'formalNotice']),
      sentOn: isoDate,
      receivedOn: isoDate,
      params: z.record(z.string(), z.unknown()),
    }),
  }),
  forceMajeureTermination: z.object({
    ...base,
    /** "l'incendie du centre de données de Strasbourg" */
    event: text,
    startedOn: isoDate,
  }),
};

export type LetterParamsByKind = { [K in keyof typeof letterParamsSchemas]: z.infer<(typeof letterParamsSchemas)[K]> };
