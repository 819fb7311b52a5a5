import { expect } from 'vitest';
import { messageFr, type DomainError } from '../../../src-core';
import { translateMessage } from '../../../src-renderer/i18n/translate';

/** Signs of French left in an English sentence: accents, guillemets, common small words. */
export const FRENCH = /[éèêàùç«»]|\b(?:le|la|les|du|des|est|pour|sur|avec|dans|une|aucun|facture|contrat|jours?)\b/i;

/** The refusal's French is `french` (unchanged), its code says it in English without French; returns the English. */
export function expectSaid(error: Pick<DomainError, 'message' | 'said'>, french: string | RegExp): string {
  expect(error.said, error.message).toBeDefined();
  if (typeof french === 'string') expect(error.message).toBe(french);
  else expect(error.message).toMatch(french);
  expect(messageFr(error.said!)).toBe(error.message);
  const english = translateMessage('en', error.said!);
  expect(english).not.toMatch(/\{[\w|#]+\}/);
  expect(english, english).not.toMatch(FRENCH);
  return english;
}
