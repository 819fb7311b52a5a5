/** A postal address as printed on documents and in envelope windows. */
export interface PostalAddress {
  name: string;
  addressLines: string[];
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
}

const REGION_NAMES = new Intl.DisplayNames(['fr'], { type: 'region' });

/** "Belgique" for "BE"; the code itself when the runtime has no name for it. */
export function countryNameFr(code: string): string {
  try {
    return REGION_NAMES.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * Address lines in La Poste order (NF Z10-011): name, street lines, postal
 * code and town in capitals, then the country in capitals only for mail going
 * abroad from France.
 */
export function postalLines(address: PostalAddress): string[] {
  // No town line for a recipient reached only by e-mail (a partner's copy).
  const town = `${address.postalCode} ${address.city.toUpperCase()}`.trim();
  const lines = [address.name, ...address.addressLines, ...(town ? [town] : [])];
  if (address.country.toUpperCase() !== 'FR') lines.push(countryNameFr(address.country).toUpperCase());
  return lines;
}
