import { z } from 'zod';
import { DomainError } from '../errors';
import { frenchOf, message, messageOfFrench, MESSAGES_FR, type Message, type MessageCode } from '../messages';

/** One refused field: its path ("billingAddress.postalCode") and the French reason. */
export interface FieldIssue {
  path: string;
  message: string;
  /** The reason as a code and its values (issue 19), for a form in the interface's language. */
  said?: Message;
}

/** The validation texts with values ("Texte trop long (200 caractères au plus).") as patterns giving their values back. */
const VALIDATION_PATTERNS: { code: MessageCode; pattern: RegExp; names: string[] }[] = [];
for (const [code, text] of Object.entries(MESSAGES_FR) as [MessageCode, string][]) {
  if (code.startsWith('validation.') && text.includes('{') && /^[^|]*$/.test(text) && code !== 'validation.other') {
    const names: string[] = [];
    const source = text.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (names.push(part), '(.+?)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    VALIDATION_PATTERNS.push({ code, pattern: new RegExp(`^${source}$`), names });
  }
}

/** The message whose French is `text`, when src-core wrote it (a schema's own words); undefined for zod's. */
export function saidOfText(text: string): Message | undefined {
  const exact = messageOfFrench(text);
  if (exact) return exact;
  for (const { code, pattern, names } of VALIDATION_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return message(code, Object.fromEntries(names.map((name, i) => [name, found[i + 1]!])));
  }
  return undefined;
}

/** French names of the fields, for the one-line message (the last named segment of a path wins). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'Identifiant', legalName: 'Raison sociale', siren: 'SIREN', vatNumber: 'N° de TVA', country: 'Pays',
  billingAddress: 'Adresse de facturation', lines: 'Lignes', postalCode: 'Code postal', city: 'Ville',
  contact: 'Contact', partner: 'Partenaire', name: 'Nom', email: 'E-mail', phone: 'Téléphone',
  hostingMode: "Mode d'hébergement", clientId: 'Client', contractId: 'Contrat', reference: 'Référence',
  tier: 'Formule', priceListId: 'Grille tarifaire', startDate: 'Date de début', status: 'Statut',
  paymentTermDays: 'Délai de paiement', terminationNotice: 'Préavis', receivedOn: 'Date de réception',
  channel: 'Canal', terminationEffectiveDate: 'Date de résiliation', history: 'Historique', months: 'Mois',
  month: 'Mois', cpuHours: 'Heures CPU', databaseGB: 'Base de données (Go)', storageGB: 'Stockage (Go)',
  kind: 'Type', number: 'Numéro', period: 'Mois facturé', issueDate: "Date d'émission", dueDate: 'Échéance',
  label: 'Libellé', quantity: 'Quantité', unitPriceCents: 'Prix unitaire', netCents: 'Montant HT',
  vatRatePercent: 'Taux de TVA', totals: 'Totaux', invoiceId: 'Facture', date: 'Date', amountCents: 'Montant',
  method: 'Moyen de paiement', sentOn: "Date d'envoi", registeredNumber: 'N° de recommandé', params: 'Paramètres',
  createdAt: 'Créé le', updatedAt: 'Modifié le', version: 'Version', effectiveFrom: "Date d'effet", tiers: 'Formules',
};

function fieldLabel(path: string): string {
  const named = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  const last = named[named.length - 1];
  return last ? (FIELD_LABELS[last] ?? last) : '';
}

/**
 * The one-line message stays short whatever the input: a record with 20,000
 * unknown keys is refused with a message a person can read (and a server can
 * store as its answer), not one listing them all.
 */
const MAX_ISSUES_SHOWN = 10;
const MAX_DETAIL_LENGTH = 300;
function clip(detail: string): string {
  if (detail.length <= MAX_DETAIL_LENGTH) return detail;
  // Never between the two halves of a character: the message must stay well-formed text.
  const end = /[\uD800-\uDBFF]/.test(detail[MAX_DETAIL_LENGTH - 2]!) ? MAX_DETAIL_LENGTH - 2 : MAX_DETAIL_LENGTH - 1;
  return `${detail.slice(0, end)}…`;
}

/** A refused input: the message lists the fields (the first ten); `issues` lets a form place them all. */
export class ValidationError extends DomainError {
  constructor(
    what: string,
    readonly issues: FieldIssue[],
  ) {
    const details = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => clip(i.path ? `${fieldLabel(i.path)} : ${i.message}` : i.message));
    const hidden = issues.length - MAX_ISSUES_SHOWN;
    const more = hidden > 0 ? ` ; et ${hidden} ${hidden === 1 ? 'autre problème' : 'autres problèmes'}` : '';
    // "Saisie refusée (Client)": one wording whatever the gender of the thing named, no "refusé(e)".
    super('INVALID_INPUT', `Saisie refusée (${what}). ${details.join(' ; ')}${more}`);
  }
}

/** Zod's own French messages for the cases our schemas do not word themselves (wrong type, unknown key…). */
const frenchLocale = z.locales.fr();

/**
 * Zod's French, except where it speaks to programmers: an empty or non-numeric number field
 * reaches a schema as NaN, and "nombre attendu, NaN reçu" means nothing to an account manager.
 */
export function frenchError(issue: Parameters<typeof frenchLocale.localeError>[0]) {
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number' && Number.isNaN(issue.input)) {
    return frenchOf('validation.number');
  }
  // "chaîne de caractères attendu, indéfini reçu" says that nothing was given.
  if (issue.code === 'invalid_type' && issue.input === undefined) return frenchOf('validation.required');
  return frenchLocale.localeError(issue);
}

const englishLocale = z.locales.en();

/**
 * The issues of a refused input, each with its message code: a schema's own
 * words by their code, zod's generic ones (a wrong type, an unknown key) with
 * zod's English beside its French, from the same input parsed in English
 * (`english`, issue for issue).
 */
export function fieldIssues(error: z.ZodError, english?: z.ZodError): FieldIssue[] {
  return error.issues.map((issue, i) => {
    const path = issue.path.map(String).join('.');
    const inEnglish = english?.issues[i]?.message;
    const said = saidOfText(issue.message) ?? (inEnglish ? message('validation.other', { fr: issue.message, en: inEnglish }) : undefined);
    return said ? { path, message: issue.message, said } : { path, message: issue.message };
  });
}

/**
 * Parses `input` with `schema`, in French. `what` names the thing for the
 * message ("Client", "Contrat"). Throws a ValidationError listing every field.
 */
export function parseEntity<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input, { error: frenchError });
  if (!result.success) {
    // Refused: parsed again in English, for zod's own words (the schemas' words are codes already).
    const english = schema.safeParse(input, { error: (issue) => englishLocale.localeError(issue) });
    throw new ValidationError(what, fieldIssues(result.error, english.success ? undefined : english.error));
  }
  return result.data;
}
