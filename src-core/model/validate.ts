import { z } from 'zod';
import { DomainError } from '../errors';

/** One refused field: its path ("billingAddress.postalCode") and the French reason. */
export interface FieldIssue {
  path: string;
  message: string;
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

/** A refused input: the DomainError message lists every field; `issues` lets a form place them. */
export class ValidationError extends DomainError {
  constructor(
    what: string,
    readonly issues: FieldIssue[],
  ) {
    const details = issues.map((i) => (i.path ? `${fieldLabel(i.path)} : ${i.message}` : i.message));
    // "Saisie refusée (Client)": one wording whatever the gender of the thing named, no "refusé(e)".
    super('INVALID_INPUT', `Saisie refusée (${what}). ${details.join(' ; ')}`);
  }
}

/** Zod's own French messages for the cases our schemas do not word themselves (wrong type, unknown key…). */
const frenchLocale = z.locales.fr();

/**
 * Zod's French, except where it speaks to programmers: an empty or non-numeric number field
 * reaches a schema as NaN, and "nombre attendu, NaN reçu" means nothing to an account manager.
 */
function frenchError(issue: Parameters<typeof frenchLocale.localeError>[0]) {
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number' && Number.isNaN(issue.input)) {
    return 'Un nombre est attendu (le champ est vide ou contient autre chose que des chiffres).';
  }
  return frenchLocale.localeError(issue);
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Parses `input` with `schema`, in French. `what` names the thing for the
 * message ("Client", "Contrat"). Throws a ValidationError listing every field.
 */
export function parseEntity<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input, { error: frenchError });
  if (!result.success) throw new ValidationError(what, fieldIssues(result.error));
  return result.data;
}
