import type { VatRegime } from './vat';

/**
 * Mandatory mentions of a French B2B invoice that do not come from data
 * (DOMAIN.md, Billing; CGI art. 242 nonies A, C. com. L441-9 and L441-10).
 * The seller's and buyer's identities come from settings and the client file.
 */
export const OPERATION_CATEGORY_MENTION = 'Prestation de services';
export const NO_EARLY_PAYMENT_DISCOUNT_MENTION = "Pas d'escompte pour paiement anticipé";
/** The penalty rate of §6.6 stated as such (C. com. L441-10: the rate of late-payment penalties), and the fixed indemnity. */
export const LATE_PAYMENT_TERMS_MENTION =
  'Pénalités de retard : 50 % du montant TTC impayé, exigibles le lendemain de l’échéance (article 6.6 des conditions générales de vente) ; ' +
  'indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce)';
/** Printed when the seller opted to pay VAT on debits (a setting, off by default: services pay VAT on receipts). */
export const VAT_ON_DEBITS_MENTION = 'Option pour le paiement de la taxe d’après les débits';

/** The mentions of an invoice, in print order, ending with the VAT regime's mention when it has one. */
export function invoiceMentions(vat: VatRegime): string[] {
  return [OPERATION_CATEGORY_MENTION, NO_EARLY_PAYMENT_DISCOUNT_MENTION, LATE_PAYMENT_TERMS_MENTION, ...(vat.mention ? [vat.mention] : [])];
}
