import { composeLetter, readLetterParams, type Client, type EnvelopeModel, type Letter, type LetterKind, type LetterParamsByKind, type RuleSettings, type SellerProfile } from '../../../src-core';
import type { LetterDocumentModel, PostalAddress } from '../../documents';

export interface LetterPrintSettings {
  rules: RuleSettings;
  seller: SellerProfile;
  envelope: EnvelopeModel;
}

function recipientOf(client: Client): PostalAddress {
  return {
    name: client.legalName,
    addressLines: [`À l’attention de ${client.contact.name}`, ...client.billingAddress.lines],
    postalCode: client.billingAddress.postalCode,
    city: client.billingAddress.city,
    country: client.country,
  };
}

/**
 * The sheets of one letter: the client's, and a second copy for the client's
 * Dokos Partner when there is one (§4.6: the partner gets copies of letters).
 * Both name the partner, so each reader knows who else received it.
 */
export function letterSheets<K extends LetterKind>(kind: K, params: LetterParamsByKind[K], client: Client, settings: LetterPrintSettings, registeredNumber?: string): LetterDocumentModel[] {
  const base: LetterDocumentModel = {
    seller: settings.seller,
    recipient: recipientOf(client),
    envelope: settings.envelope,
    date: params.letterDate,
    content: composeLetter(kind, params, settings.rules),
    ...(registeredNumber ? { registeredNumber } : {}),
  };
  const partner = client.partner;
  if (!partner) return [base];
  const name = `${partner.name}${partner.contactName ? ` (${partner.contactName})` : ''}, partenaire Dokos`;
  return [
    { ...base, copyTo: name },
    { ...base, copyTo: `exemplaire destiné à ${name}, ${partner.email}` },
  ];
}

/** The sheets of a stored letter, worded as it was written (its own date and presumed receipt). */
export function storedLetterSheets(letter: Letter, client: Client, settings: LetterPrintSettings): LetterDocumentModel[] {
  return letterSheets(letter.kind, readLetterParams(letter.kind, letter.params), client, settings, letter.registeredNumber);
}

/** "courrier-CT-2026-0042-breachNotice-2027-03-05.pdf" */
export function letterFileName(letter: Letter): string {
  return `courrier-${String(letter.params['contract.reference'] ?? letter.contractId)}-${letter.kind}-${String(letter.params.letterDate)}.pdf`.replace(/[^\w.-]+/g, '-');
}
