import type { HostingMode } from '../model/client';
import type { LetterStatus } from '../model/letter';
import { LETTER_KINDS, type LetterKind } from '../letters/types';
import { message, messageFr } from '../messages';
import type { PaymentKind, PaymentMethod } from '../model/payment';

/**
 * French names of stored codes, for the client file (§3): the export is read by
 * people and by the client's next provider, so it says "Auto-hébergé", not
 * "self_hosted". Contract statuses and notice channels have theirs in lifecycle.
 */
export const HOSTING_MODE_LABELS: Record<HostingMode, string> = { cloud: 'Cloud Dokos', self_hosted: 'Auto-hébergé' };

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  virement: 'Virement',
  prelevement: 'Prélèvement',
  cheque: 'Chèque',
  carte: 'Carte',
  autre: 'Autre',
  compensation: 'Compensation (avoir imputé)',
};

/** What a `payments` record is: money received, paid back, or a credit note's overpayment imputed on another invoice. */
export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = { payment: 'Paiement reçu', refund: 'Remboursement au client', offset: 'Imputation d’avoir' };

/** From the messages (code.letterKind.*), which the interface says in its language. */
export const LETTER_KIND_LABELS = Object.fromEntries(LETTER_KINDS.map((kind) => [kind, messageFr(message(`code.letterKind.${kind}`))])) as Record<LetterKind, string>;

export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  draft: 'Brouillon',
  printed: 'Imprimée',
  sent: 'Envoyée',
  received: 'Reçue',
  returned: 'Retournée',
};
