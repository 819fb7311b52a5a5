import { DUNNING_STEP_LETTER, type DunningStep, type Invoice } from '../../../src-core';
import { href } from '../../components/router';

/** The letter of a dunning step, written from the invoice it is about: Courriers' form, prefilled with it. */
export function dunningLetterHref(invoice: Invoice, step: DunningStep): string {
  return href('/courriers/nouveau', { client: invoice.clientId, contract: invoice.contractId, kind: DUNNING_STEP_LETTER[step], facture: invoice.number ?? undefined });
}
