import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEMO_SELLER_PROFILE,
  EU_MEMBER_STATES,
  frenchVatKey,
  frenchVatNumberFromSiren,
  isEuMemberState,
  isValidEmail,
  isValidSiren,
  isValidVatNumber,
  normalizeIdentifier,
  sirenCheckDigit,
  sirenOfFrenchVatNumber,
  sirenProblem,
  vatNumberProblem,
} from '../../src-core';

describe('SIREN', () => {
  it('accepts known valid SIRENs (Luhn)', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('552100554')).toBe(true);
  });

  it('the demo seller profile SIREN and VAT number are valid', () => {
    expect(isValidSiren(DEMO_SELLER_PROFILE.siren)).toBe(true);
    expect(frenchVatNumberFromSiren(DEMO_SELLER_PROFILE.siren)).toBe(DEMO_SELLER_PROFILE.vatNumber);
  });

  it('explains a wrong length and a wrong key in French', () => {
    expect(sirenProblem('12345678')).toBe('SIREN invalide : 9 chiffres attendus.');
    expect(sirenProblem('73282932A')).toBe('SIREN invalide : 9 chiffres attendus.');
    expect(sirenProblem('732829321')).toBe('SIREN invalide : la clé de contrôle (Luhn) ne correspond pas.');
  });

  it('the check digit always makes a valid SIREN, and any other digit an invalid one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 1, max: 9 }), (eight, delta) => {
        const digit = Number(sirenCheckDigit(eight));
        expect(isValidSiren(eight + digit)).toBe(true);
        expect(isValidSiren(eight + ((digit + delta) % 10))).toBe(false);
      }),
    );
  });

  it('refuses a malformed start for the check digit', () => {
    expect(() => sirenCheckDigit('1234')).toThrow(/8 chiffres/);
  });
});

describe('French VAT number', () => {
  it('computes the key (12 + 3 × (SIREN mod 97)) mod 97', () => {
    expect(frenchVatKey('732829320')).toBe('44');
    expect(frenchVatNumberFromSiren('552100554')).toBe('FR96552100554');
  });

  it('pads a key under 10 with a zero', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (eight) => {
        const siren = eight + sirenCheckDigit(eight);
        const key = frenchVatKey(siren);
        expect(key).toMatch(/^\d{2}$/);
        expect(Number(key)).toBe((12 + 3 * (Number(siren) % 97)) % 97);
        expect(isValidVatNumber('FR', `FR${key}${siren}`)).toBe(true);
      }),
    );
  });

  it('refuses an invalid SIREN', () => {
    expect(() => frenchVatNumberFromSiren('732829321')).toThrow(/Luhn/);
  });

  it('checks the key and the SIREN inside the number', () => {
    expect(vatNumberProblem('FR', 'FR45732829320')).toMatch(/clé ne correspond pas/);
    expect(vatNumberProblem('FR', 'FR44732829321')).toMatch(/SIREN qu’il contient/);
    expect(vatNumberProblem('FR', 'FR 44 732 829 320')).toBeNull();
    // Letter keys exist for some numbers: only the format is checked then.
    expect(vatNumberProblem('FR', 'FRAB732829320')).toBeNull();
  });

  it('finds the SIREN of a French number only', () => {
    expect(sirenOfFrenchVatNumber('fr44 732829320')).toBe('732829320');
    expect(sirenOfFrenchVatNumber('DE123456789')).toBeUndefined();
  });
});

describe('intra-EU VAT numbers', () => {
  const valid: [string, string][] = [
    ['AT', 'ATU12345678'], ['BE', 'BE0123456789'], ['BG', 'BG123456789'], ['CY', 'CY12345678X'], ['CZ', 'CZ12345678'],
    ['DE', 'DE123456789'], ['DK', 'DK12345678'], ['EE', 'EE123456789'], ['ES', 'ESB12345678'], ['FI', 'FI12345678'],
    ['FR', 'FR44732829320'], ['GR', 'EL123456789'], ['HR', 'HR12345678901'], ['HU', 'HU12345678'], ['IE', 'IE1234567T'],
    ['IT', 'IT12345678901'], ['LT', 'LT123456789'], ['LU', 'LU12345678'], ['LV', 'LV12345678901'], ['MT', 'MT12345678'],
    ['NL', 'NL123456789B01'], ['PL', 'PL1234567890'], ['PT', 'PT123456789'], ['RO', 'RO1234567'], ['SE', 'SE123456789001'],
    ['SI', 'SI12345678'], ['SK', 'SK1234567890'],
  ];

  it('knows the 27 member states', () => {
    expect(EU_MEMBER_STATES).toHaveLength(27);
    expect(valid.map(([c]) => c).sort()).toEqual([...EU_MEMBER_STATES]);
    expect(isEuMemberState('GR')).toBe(true);
    expect(isEuMemberState('CH')).toBe(false);
  });

  it.each(valid)('accepts a well-formed %s number', (country, vat) => {
    expect(isValidVatNumber(country, vat)).toBe(true);
  });

  it('requires the prefix of the country (Greece: EL)', () => {
    expect(vatNumberProblem('GR', 'GR123456789')).toMatch(/commence par EL/);
    expect(vatNumberProblem('DE', 'FR44732829320')).toMatch(/commence par DE/);
  });

  it('refuses a wrong format', () => {
    expect(vatNumberProblem('DE', 'DE12345678')).toMatch(/format non conforme pour DE/);
    expect(isValidVatNumber('NL', 'NL123456789')).toBe(false);
  });

  it('accepts any plausible number outside the EU, refuses garbage', () => {
    expect(isValidVatNumber('CH', 'CHE-123.456.789')).toBe(true);
    expect(isValidVatNumber('GB', 'GB123456789')).toBe(true);
    expect(vatNumberProblem('US', '#!')).toMatch(/4 à 20/);
  });

  it('normalises what people type', () => {
    expect(normalizeIdentifier(' fr 44.732-829 320 ')).toBe('FR44732829320');
  });
});

describe('e-mail', () => {
  it.each(['a@b.fr', 'prenom.nom@sous.domaine.com', 'x+tag@d.io'])('accepts %s', (email) => expect(isValidEmail(email)).toBe(true));
  it.each(['', 'a@b', 'a b@c.fr', '@c.fr', 'a@.fr', 'a@b.'])('refuses « %s »', (email) => expect(isValidEmail(email)).toBe(false));
});
