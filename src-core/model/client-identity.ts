import { ISO_COUNTRY_CODES, vatRegime } from '../billing/vat';
import { message, type Message } from '../messages';
import { EU_MEMBER_STATES, normalizeIdentifier } from './identifiers';

/**
 * What the client form warns about without refusing (DOMAIN.md, Client data
 * and Billing): a second client with the same SIREN (a duplicate, or a second
 * establishment kept apart on purpose), and an EU client without a VAT number
 * (billed with French VAT until the number is known).
 */

/** The clients other than `candidate` (by id) that carry its SIREN; none when it has no SIREN. */
export function clientsWithSameSiren<T extends { id: string; siren?: string | undefined }>(candidate: { id?: string | undefined; siren?: string | undefined }, others: Iterable<T>): T[] {
  const siren = candidate.siren ? normalizeIdentifier(candidate.siren) : '';
  if (!siren) return [];
  const twins: T[] = [];
  for (const other of others) if (other.id !== candidate.id && other.siren && normalizeIdentifier(other.siren) === siren) twins.push(other);
  return twins;
}

/** The VAT warning of an EU client without a (valid) VAT number — billing's own words — or null. */
export function clientVatWarning(client: { country: string; vatNumber?: string | undefined }): Message | null {
  try {
    return vatRegime(client).warning;
  } catch {
    // An unknown country is the schema's refusal, not a warning.
    return null;
  }
}

/** The country picker's groups: France first, then the other EU member states, then the rest of the world. */
export function countryGroups(): { france: string[]; eu: string[]; world: string[] } {
  const eu = EU_MEMBER_STATES.filter((c) => c !== 'FR');
  const euSet = new Set(EU_MEMBER_STATES);
  return { france: ['FR'], eu, world: ISO_COUNTRY_CODES.filter((c) => !euSet.has(c)) };
}

/**
 * Why a client may not be archived (hidden from the list and the dashboard):
 * a contract still billed would disappear from sight. Its invoices, letters
 * and history are kept either way; archiving is undone by restoring.
 */
export function clientArchiveProblem(runningReferences: readonly string[]): Message | null {
  if (runningReferences.length === 0) return null;
  if (runningReferences.length === 1) return message('refusal.client.archiveOne', { reference: runningReferences[0]! });
  return message('refusal.client.archiveMany', { references: runningReferences.join(', ') });
}

/**
 * Why a client may not be deleted: only a client created by mistake goes —
 * an issued invoice is kept for ten years (C. com. L123-22) and is never
 * deleted, a letter sent is evidence. Drafts go with the client.
 */
export function clientRemovalProblem(issuedInvoiceNumbers: readonly string[], sentLetterCount: number): Message | null {
  const n = issuedInvoiceNumbers.length;
  if (n === 1) return message('refusal.client.removeInvoice', { number: issuedInvoiceNumbers[0]! });
  if (n > 1) {
    const shown = `${issuedInvoiceNumbers.slice(0, 3).join(', ')}${n > 3 ? '…' : ''}`;
    return message('refusal.client.removeDocuments', { count: n, shown });
  }
  if (sentLetterCount === 1) return message('refusal.client.removeLetter');
  if (sentLetterCount > 1) return message('refusal.client.removeLetters', { count: sentLetterCount });
  return null;
}
