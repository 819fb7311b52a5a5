import { ISO_COUNTRY_CODES, vatRegime } from '../billing/vat';
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
export function clientVatWarning(client: { country: string; vatNumber?: string | undefined }): string | null {
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
