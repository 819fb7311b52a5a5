import { message, messageFr, refusalError, type Message } from '../messages';

/**
 * Company identifiers of a client (DOMAIN.md, Client data): SIREN, intra-EU VAT
 * number, country. Pure checks shared by forms, CSV import, the data layer and
 * the server, so that a number refused on one side is refused everywhere.
 */

/**
 * VAT number format of each of the 27 member states (ISO 3166-1 alpha-2 key;
 * the prefix differs for Greece, EL). Which VAT regime applies is billing's
 * business (src-core/billing/vat.ts); here only membership and a number's shape.
 */
const EU_VAT_FORMATS: Readonly<Record<string, { prefix: string; body: RegExp }>> = {
  AT: { prefix: 'AT', body: /^U\d{8}$/ },
  BE: { prefix: 'BE', body: /^[01]\d{9}$/ },
  BG: { prefix: 'BG', body: /^\d{9,10}$/ },
  CY: { prefix: 'CY', body: /^\d{8}[A-Z]$/ },
  CZ: { prefix: 'CZ', body: /^\d{8,10}$/ },
  DE: { prefix: 'DE', body: /^\d{9}$/ },
  DK: { prefix: 'DK', body: /^\d{8}$/ },
  EE: { prefix: 'EE', body: /^\d{9}$/ },
  ES: { prefix: 'ES', body: /^[A-Z0-9]\d{7}[A-Z0-9]$/ },
  FI: { prefix: 'FI', body: /^\d{8}$/ },
  // The FR key is two digits, or letters for some recent numbers (checked below when numeric).
  FR: { prefix: 'FR', body: /^[0-9A-HJ-NP-Z]{2}\d{9}$/ },
  GR: { prefix: 'EL', body: /^\d{9}$/ },
  HR: { prefix: 'HR', body: /^\d{11}$/ },
  HU: { prefix: 'HU', body: /^\d{8}$/ },
  IE: { prefix: 'IE', body: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/ },
  IT: { prefix: 'IT', body: /^\d{11}$/ },
  LT: { prefix: 'LT', body: /^(\d{9}|\d{12})$/ },
  LU: { prefix: 'LU', body: /^\d{8}$/ },
  LV: { prefix: 'LV', body: /^\d{11}$/ },
  MT: { prefix: 'MT', body: /^\d{8}$/ },
  NL: { prefix: 'NL', body: /^\d{9}B\d{2}$/ },
  PL: { prefix: 'PL', body: /^\d{10}$/ },
  PT: { prefix: 'PT', body: /^\d{9}$/ },
  RO: { prefix: 'RO', body: /^[1-9]\d{1,9}$/ },
  SE: { prefix: 'SE', body: /^\d{10}01$/ },
  SI: { prefix: 'SI', body: /^\d{8}$/ },
  SK: { prefix: 'SK', body: /^\d{10}$/ },
};

/** ISO codes of the 27 EU member states, sorted. */
export const EU_MEMBER_STATES: readonly string[] = Object.keys(EU_VAT_FORMATS).sort();

export function isEuMemberState(country: string): boolean {
  return Object.hasOwn(EU_VAT_FORMATS, country);
}

/** Strips the spaces, dots and dashes people type in identifiers and upper-cases letters. */
export function normalizeIdentifier(text: string): string {
  return String(text).replace(/[\s.\-\u00a0]/g, '').toUpperCase();
}

/** Luhn sum of a digit string (every second digit from the right doubled). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** The digit that makes `firstEight + digit` a Luhn-valid SIREN (used by the demo generator and tests). */
export function sirenCheckDigit(firstEight: string): string {
  if (!/^\d{8}$/.test(firstEight)) {
    throw refusalError('INVALID_INPUT', message('refusal.siren.firstEight', { text: firstEight }));
  }
  return String((10 - (luhnSum(`${firstEight}0`) % 10)) % 10);
}

/** Why a SIREN is refused, in French, or null when it is valid (9 digits, Luhn key). */
export function sirenProblem(siren: string): string | null {
  const problem = sirenProblemMessage(siren);
  return problem && messageFr(problem);
}

/** Why a SIREN is refused, as a code (the interface says it in its language), or null. */
export function sirenProblemMessage(siren: string): Message | null {
  if (!/^\d{9}$/.test(siren)) return message('validation.siren.length');
  if (luhnSum(siren) % 10 !== 0) return message('validation.siren.key');
  return null;
}

export function isValidSiren(siren: string): boolean {
  return sirenProblem(siren) === null;
}

/** French VAT key: (12 + 3 × (SIREN mod 97)) mod 97, on two digits. */
export function frenchVatKey(siren: string): string {
  const problem = sirenProblemMessage(siren);
  if (problem) throw refusalError('INVALID_INPUT', problem);
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}

/** "FR44732829320" for SIREN 732829320. */
export function frenchVatNumberFromSiren(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`;
}

/**
 * Why an intra-EU VAT number is refused for a client of `country`, or null.
 * Inside the EU the number must carry the state's prefix and format (and, for
 * France, the key computed from the SIREN). Outside the EU no single format
 * exists (CHE-…, GB…, EIN…): any 4 to 20 letters and digits are accepted.
 */
export function vatNumberProblem(country: string, vatNumber: string): string | null {
  const problem = vatNumberProblemMessage(country, vatNumber);
  return problem && messageFr(problem);
}

/** Why a VAT number is refused, as a code (the interface says it in its language), or null. */
export function vatNumberProblemMessage(country: string, vatNumber: string): Message | null {
  const vat = normalizeIdentifier(vatNumber);
  const format = EU_VAT_FORMATS[country];
  if (!format) {
    return /^[A-Z0-9]{4,20}$/.test(vat) ? null : message('vatNumber.invalid.length');
  }
  if (!vat.startsWith(format.prefix)) {
    return message('vatNumber.invalid.prefix', { prefix: format.prefix });
  }
  const body = vat.slice(format.prefix.length);
  if (!format.body.test(body)) return message('vatNumber.invalid.format', { prefix: format.prefix });
  if (country === 'FR' && /^\d{2}/.test(body)) {
    const siren = body.slice(2);
    if (!isValidSiren(siren)) return message('vatNumber.invalid.siren');
    if (body.slice(0, 2) !== frenchVatKey(siren)) {
      return message('vatNumber.invalid.key');
    }
  }
  return null;
}

export function isValidVatNumber(country: string, vatNumber: string): boolean {
  return vatNumberProblem(country, vatNumber) === null;
}

/** The SIREN inside a French VAT number (its last 9 digits), or undefined for another country. */
export function sirenOfFrenchVatNumber(vatNumber: string): string | undefined {
  const vat = normalizeIdentifier(vatNumber);
  return /^FR[0-9A-Z]{2}\d{9}$/.test(vat) ? vat.slice(4) : undefined;
}

/** A pragmatic e-mail check (one @, no spaces, a dot in the domain): the mail server has the last word. */
export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(String(email));
}
