import { describe, expect, it } from 'vitest';
import { countFr, formatCountFr } from '../../src-core';
import { fr, type MessageKey } from '../../src-renderer/i18n/fr';
import { translate } from '../../src-renderer/i18n/translate';

// Words for people (issue 16): every French message of the interface is
// scanned for what must never reach a person — "(s)", "(e)", "NaN", cents
// shown for euros, English words, a bare count before a plural noun, ISO dates.
const messages = Object.entries(fr) as [MessageKey, string][];

/** Placeholders that carry a number in every call of the interface. */
const COUNTS = /^(count|total|shown|done|written|created|skipped|already|rows|contracts|lines|valid|errors|days|previous|clients)$/;

const FORBIDDEN: [string, RegExp][] = [
  ['« (s) », « (e) »… au lieu d’un accord', /\((?:s|e|es|x|nt|le)\)/],
  ['« NaN »', /NaN/],
  // « au centime près » says how precise an amount is, not an amount in cents.
  ['des centimes montrés pour des euros', /\bcentimes?\b(?! près)/i],
  ['un mot anglais', /\b(?:the|invalid|expected|received|error|loading|failed|not found|undefined|null)\b/i],
  ['une date au format AAAA-MM-JJ', /\b\d{4}-\d{2}-\d{2}\b/],
  ['une date au format américain', /\bMM\/JJ\b/],
];

describe('French messages for people', () => {
  it.each(FORBIDDEN)('none shows %s', (_what, pattern) => {
    expect(messages.filter(([, text]) => pattern.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('none puts a bare count before a word it must agree with: the plural form {count|…|…} says it', () => {
    const bare = messages.filter(([, text]) => [...text.matchAll(/\{(\w+)\} (\p{L}+)/gu)].some(([, name, word]) => COUNTS.test(name!) && /[sx]$/.test(word!) && word !== 'sur'));
    expect(bare.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('agrees with the number and groups its thousands: « 1 client affiché », « 10 000 clients affichés »', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(translate('fr', 'clients.count', { shown: 1, total: 1 }))).toBe('1 client affiché sur 1');
    expect(plain(translate('fr', 'clients.count', { shown: 0, total: 12000 }))).toBe('0 client affiché sur 12 000');
    expect(plain(translate('fr', 'clients.count', { shown: 10000, total: 10000 }))).toBe('10 000 clients affichés sur 10 000');
    expect(plain(translate('fr', 'invoices.run.issue', { count: 1 }))).toBe('Émettre le brouillon');
    expect(plain(translate('fr', 'invoices.run.issue', { count: 1234 }))).toBe('Émettre les 1 234 brouillons');
    expect(translate('en', 'clients.count', { shown: 1, total: 1 })).toBe('1 of 1 client shown');
    expect(translate('en', 'clients.count', { shown: 0, total: 2 })).toBe('0 of 2 clients shown');
  });

  it('every plural form is filled when its number is given', () => {
    for (const [key, text] of messages) {
      const names = [...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, COUNTS.test(n) ? 2 : 'x']));
      expect(translate('fr', key, params), key).not.toMatch(/[{}|#]/);
    }
  });

  it('src-core counts the same way: « 1 jour », « 12 345 numéros »', () => {
    expect(countFr(1, 'jour', 'jours')).toBe('1 jour');
    expect(countFr(0, 'contrat', 'contrats')).toBe('0 contrat');
    expect(countFr(12345, 'numéro', 'numéros')).toBe('12\u00a0345 numéros');
    expect(formatCountFr(1234567)).toBe('1\u00a0234\u00a0567');
  });
});
