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

function partnerOf(client: Client): PostalAddress | undefined {
  const partner = client.partner;
  if (!partner) return undefined;
  // A partner is reached by e-mail (the client file holds no postal address for it): its copy is a PDF to send.
  return {
    name: `${partner.name}, partenaire Dokos`,
    addressLines: [...(partner.contactName ? [`À l’attention de ${partner.contactName}`] : []), `Par courrier électronique : ${partner.email}`],
    postalCode: '',
    city: '',
    country: 'FR',
  };
}

/**
 * The sheet of one letter, addressed to the client; when the client has a
 * Dokos Partner (§4.6: it gets copies of letters), the letter says so. The
 * partner's copy is a separate document (`partnerCopySheets`), never a page
 * of the clients' print batch (DOMAIN.md).
 */
export function letterSheets<K extends LetterKind>(kind: K, params: LetterParamsByKind[K], client: Client, settings: LetterPrintSettings, registeredNumber?: string): LetterDocumentModel[] {
  const partner = client.partner;
  return [
    {
      seller: settings.seller,
      recipient: recipientOf(client),
      envelope: settings.envelope,
      date: params.letterDate,
      content: composeLetter(kind, params, settings.rules),
      ...(registeredNumber ? { registeredNumber } : {}),
      ...(partner ? { copyTo: `${partner.name}${partner.contactName ? ` (${partner.contactName})` : ''}, partenaire Dokos` } : {}),
    },
  ];
}

/** The partner's copy of a letter, addressed to the partner; none without a partner. */
export function partnerCopySheets<K extends LetterKind>(kind: K, params: LetterParamsByKind[K], client: Client, settings: LetterPrintSettings, registeredNumber?: string): LetterDocumentModel[] {
  const partner = partnerOf(client);
  if (!partner) return [];
  const [sheet] = letterSheets(kind, params, client, settings, registeredNumber);
  return [{ ...sheet!, recipient: partner, copyTo: `exemplaire pour information du courrier adressé à ${client.legalName}` }];
}

/** The sheets of a stored letter, worded as it was written (its own date and presumed receipt). */
export function storedLetterSheets(letter: Letter, client: Client, settings: LetterPrintSettings): LetterDocumentModel[] {
  return letterSheets(letter.kind, readLetterParams(letter.kind, letter.params), client, settings, letter.registeredNumber);
}

/** The partner's copy of a stored letter (empty without a partner). */
export function storedPartnerCopySheets(letter: Letter, client: Client, settings: LetterPrintSettings): LetterDocumentModel[] {
  return partnerCopySheets(letter.kind, readLetterParams(letter.kind, letter.params), client, settings, letter.registeredNumber);
}

/** The kind as a French file name says it. */
const FILE_KIND: Record<LetterKind, string> = {
  terminationAcknowledgement: 'accuse-resiliation',
  priceChange: 'avis-modification-prix',
  tierChange: 'changement-formule',
  paymentReminder: 'relance',
  formalNotice: 'mise-en-demeure',
  nonPaymentTermination: 'resiliation-impaye',
  breachNotice: 'notification-manquement',
  breachTermination: 'resiliation-manquement',
  forceMajeureTermination: 'resiliation-force-majeure',
  receiptCorrection: 'rectification-dates',
};

/** "mise-en-demeure-CT-2026-0042-2027-03-05.pdf"; the partner's copy starts "copie-partenaire-". */
export function letterFileName(letter: Pick<Letter, 'kind' | 'params' | 'contractId'>, partnerCopy = false): string {
  const name = `${partnerCopy ? 'copie-partenaire-' : ''}${FILE_KIND[letter.kind]}-${String(letter.params['contract.reference'] ?? letter.contractId)}-${String(letter.params.letterDate)}.pdf`;
  return name.replace(/[^\w.-]+/g, '-');
}
